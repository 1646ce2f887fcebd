package cn.zz.pipeline.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One broken rule: the field (JSON path as the client wrote it), a stable code, a Chinese message for the screen,
 * the offending value and the limit it broke, where there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Violation", description = "一条违反的规则 (one broken rule)")
public record Violation(
        @Schema(description = "字段 (the field as the client wrote it: JSON path, parameter or header name)",
                examples = "totalInvestment") String field,
        @Schema(required = true, description = "规则代码 (stable rule code)", examples = "out-of-range")
        String code,
        @Schema(required = true, description = "说明 (message for the screen, 中文 (English))") String message,
        @Schema(description = "提交的值 (the offending value), any JSON type") Object value,
        @Schema(description = "规则的界限 (the limit it broke), any JSON type") Object limit) {

    public static Violation of(String field, String code, String message) {
        return new Violation(field, code, message, null, null);
    }
}
