package cn.zz.pipeline.reporting.web;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.web.Params;

import java.util.regex.Pattern;

/**
 * The district filter of a report or export, scoped as the pipeline report does: without {@code district} the
 * caller's own (null for admin: everything); an explicit one must lie within the caller's district (403 else).
 */
public final class DistrictScope {

    private static final Pattern REGION = Pattern.compile("\\d{2,6}");

    private DistrictScope() {
    }

    /** The district prefix to filter by, or null for everything; 400 for a malformed one, 403 outside scope. */
    public static String region(String district, CurrentUser user) {
        if (district != null && !district.isBlank() && !REGION.matcher(district.strip()).matches()) {
            throw ApiException.badRequest(new Violation("district", "Pattern",
                    "区县代码应为 6 位数字（或其前缀，如 4101 表示全市）", Params.cut(district), "\\d{2,6}"));
        }
        String filter = district == null || district.isBlank() ? user.readScope() : district.strip();
        if (filter != null) {
            user.requireRead(filter);
        }
        return filter;
    }
}
