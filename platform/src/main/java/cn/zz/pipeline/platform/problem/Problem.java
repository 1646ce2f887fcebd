package cn.zz.pipeline.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error this system answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 问题详情 (problem details): the body of every error")
public record Problem(
        @Schema(required = true, description = "问题类型 (problem type), a URN naming no host",
                examples = "urn:pipeline:problem:validation") String type,
        @Schema(required = true, description = "标题 (short summary)", examples = "请求不合规 (invalid request)")
        String title,
        @Schema(required = true, description = "HTTP 状态码 (the response's status)", minimum = "400",
                maximum = "599", examples = "400") int status,
        @Schema(description = "说明 (what went wrong, in Chinese and English); absent when the title says it all")
        String detail,
        @Schema(description = "出错的请求路径 (the request path), or the error's id for a server error")
        String instance,
        @Schema(description = "违反的规则 (each broken rule, for validation errors); absent otherwise")
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are URNs: stable identifiers that name no host. */
    public static String type(String slug) {
        return "urn:pipeline:problem:" + slug;
    }
}
