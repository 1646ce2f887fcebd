package cn.zz.pipeline.approval.calendar;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.web.Params;
import jakarta.ws.rs.core.EntityTag;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Conditional writes on a calendar year's version. The ETag is the version in quotes ({@code "3"}; an unconfigured
 * year has version 0); {@code If-Match} accepts {@code "3"}, {@code W/"3"}, {@code 3}, a list of those, or {@code *}.
 */
final class CalendarIfMatch {

    private CalendarIfMatch() {
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The versions the header names, or an empty set for {@code *} (any version).
     *
     * @throws ApiException 428 when the header is missing, 400 when it is malformed
     */
    static Set<Long> parse(String header) {
        if (header == null || header.isBlank()) {
            throw ApiException.preconditionRequired("修改工作日历须带 If-Match 请求头（取自 GET 的 ETag）"
                    + " (If-Match with the calendar year's ETag is required)");
        }
        Set<Long> versions = new LinkedHashSet<>();
        for (String raw : header.split(",")) {
            String tag = raw.strip();
            if (tag.equals("*")) {
                return Set.of();
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            try {
                long v = Long.parseLong(tag);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                versions.add(v);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(new Violation("If-Match", "invalid-format",
                        "If-Match 应为工作日历版本号，如 \"3\" (expected a version such as \"3\")", Params.cut(header),
                        "\"<version>\""));
            }
        }
        return versions;
    }
}
