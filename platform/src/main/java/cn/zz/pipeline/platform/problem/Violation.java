package cn.zz.pipeline.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One broken rule: the field (JSON path as the client wrote it), a stable code, a Chinese message for the screen,
 * the offending value and the limit it broke, where there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, String code, String message, Object value, Object limit) {

    public static Violation of(String field, String code, String message) {
        return new Violation(field, code, message, null, null);
    }
}
