package cn.zz.pipeline.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 9457 problem details, the body of every error this system answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are URNs: stable identifiers that name no host. */
    public static String type(String slug) {
        return "urn:pipeline:problem:" + slug;
    }
}
