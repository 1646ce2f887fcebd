package cn.zz.pipeline.platform.security;

import cn.zz.pipeline.platform.problem.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller as the token describes them, and the one place that decides district scope: a user whose
 * {@code district} claim is a prefix of a region code (e.g. city 4101 over district 410106) covers that region.
 */
@RequestScoped
public class CurrentUser {

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

    /** District prefix that limits what the caller may list; null for admin (everything). */
    public String readScope() {
        if (isAdmin()) {
            return null;
        }
        String own = district();
        // A token without a district claim sees nothing rather than everything.
        return own == null || own.isBlank() ? "-" : own;
    }
}
