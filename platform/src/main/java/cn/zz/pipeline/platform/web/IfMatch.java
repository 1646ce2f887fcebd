package cn.zz.pipeline.platform.web;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;

/**
 * Conditional requests on a resource's version, the same for every service. The ETag is the version in quotes
 * ({@code "7"}); {@code If-Match} accepts {@code "7"}, {@code W/"7"}, {@code 7}, a list of those, or {@code *}.
 * This check answers early; a version condition in the write itself decides the race between two writers that
 * both passed it.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @param required a missing header answers 428 when true; when false the command goes ahead unconditionally
     * @param what the resource in Chinese for the message, e.g. "项目", "审批规则表"
     * @throws ApiException 428 missing when required, 400 malformed, 409 stale
     */
    public static void check(String header, long version, boolean required, String what) {
        if (header == null || header.isBlank()) {
            if (required) {
                throw ApiException.preconditionRequired("修改" + what + "须带 If-Match 请求头（取自 GET 的 ETag），当前版本 "
                        + version + " (If-Match with the current ETag is required)");
            }
            return;
        }
        for (String raw : header.split(",")) {
            String tag = raw.strip();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            try {
                if (Long.parseLong(tag) == version) {
                    return;
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(new Violation("If-Match", "invalid-format",
                        "If-Match 应为" + what + "的版本号，如 \"3\"", Params.cut(header), "\"<version>\""));
            }
        }
        throw ApiException.conflict("stale-version", what + "已被修改：当前版本为 " + version + "，请求依据的版本为 "
                + Params.cut(header.strip()) + "，请重新读取后再提交 (stale version)");
    }
}
