package cn.zz.pipeline.platform.security;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The caller as the token describes them, and the one place that decides district scope: a user whose
 * {@code district} claim is a prefix of a region code (e.g. city 4101 over district 410106) covers that region.
 */
@RequestScoped
public class CurrentUser {

    /** A region filter: a 6-digit district code or a prefix of one (4101 = the whole city). */
    private static final Pattern REGION = Pattern.compile("\\d{2,6}");

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public String name() {
        String preferred = jwt == null ? null : jwt.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public String district() {
        Object claim = jwt == null ? null : jwt.getClaim("district");
        return claim == null ? null : claim.toString();
    }

    public String department() {
        Object claim = jwt == null ? null : jwt.getClaim("department");
        return claim == null ? null : claim.toString();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    /** True if the caller's district claim covers {@code region} (admin covers everything). */
    public boolean covers(String region) {
        if (isAdmin()) {
            return true;
        }
        String own = district();
        return own != null && !own.isBlank() && region != null && region.startsWith(own);
    }

    /** Staff write only within their district; admin anywhere. */
    public void requireWrite(String region) {
        if (isAdmin() || (is(Roles.STAFF) && covers(region))) {
            return;
        }
        throw ApiException.forbidden("无权修改该区县的项目 (you may not write projects of region " + region + ")");
    }

    /** Reading needs the region to be within the caller's district (approvers are city-wide by their claim). */
    public void requireRead(String region) {
        if (!covers(region)) {
            throw ApiException.forbidden("无权查看该区县的项目 (you may not read projects of region " + region + ")");
        }
    }

    /**
     * The district-scope rule of every list, report, ledger and export: the region prefix a read is limited to.
     * No {@code district} means the caller's own scope; a region within the scope is taken as asked; a region wider
     * than the scope or outside it is refused with 403 naming {@code district} and the caller's scope (never silently
     * narrowed); a malformed one is 400.
     *
     * @param requested the {@code district} query parameter as sent, may be null or blank
     * @return the region prefix to filter by; null means every region (admin without a filter)
     */
    public String scope(String requested) {
        if (requested == null || requested.isBlank()) {
            return readScope();
        }
        String region = requested.strip();
        if (!REGION.matcher(region).matches()) {
            throw ApiException.badRequest(new Violation("district", "Pattern",
                    "区县代码应为 6 位数字（或其前缀，如 4101 表示全市）", region.length() > 20 ? region.substring(0, 20) + "…"
                            : region, "\\d{2,6}"));
        }
        if (!covers(region)) {
            String own = readScope();
            throw new ApiException(403, "out-of-scope", "超出辖区 Outside your scope",
                    "无权查看区县 " + region + " 的数据：您的辖区为 " + own + " (outside your scope " + own + ")",
                    List.of(new Violation("district", "out-of-scope", "所请求的区县超出您的辖区 " + own, region, own)));
        }
        return region;
    }

    /** The caller's own scope: the district claim; null for admin (everything); "-" (nothing) without a claim. */
    public String readScope() {
        if (isAdmin()) {
            return null;
        }
        String own = district();
        // A token without a district claim sees nothing rather than everything.
        return own == null || own.isBlank() ? "-" : own;
    }
}
