package cn.zz.pipeline.reporting.web;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;

import java.util.regex.Pattern;

/** The district filter of every report and ledger: the caller's own scope by default, a narrower one on request. */
public final class Scope {

    private static final Pattern REGION = Pattern.compile("\\d{2,6}");

    private Scope() {
    }

    /**
     * The region prefix to filter by: {@code raw} when given (checked against the caller's scope: 403 outside),
     * else the caller's own district; null means everything (admin).
     */
    public static String district(CurrentUser user, String raw) {
        if (raw == null || raw.isBlank()) {
            return user.readScope();
        }
        String region = raw.trim();
        if (!REGION.matcher(region).matches()) {
            throw ApiException.badRequest(new Violation("district", "pattern",
                    "区县代码应为2至6位数字 (a region code is 2 to 6 digits, e.g. 410106 or 4101)", region, "\\d{2,6}"));
        }
        user.requireRead(region);
        return region;
    }

    /** SQL LIKE pattern of a scope (null matches every district). */
    public static String like(String scope) {
        return scope == null ? "%" : scope + "%";
    }
}
