package cn.zz.pipeline.reporting.session;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chooses the OIDC tenant of a request. A request with an {@code Authorization} header is an API client's (the default
 * tenant: bearer tokens, application type service). Without one, the leaders' page and its fetches of
 * {@code /api/...} use the {@value #TENANT} tenant (code flow, encrypted session cookie). Anything else keeps the
 * default tenant, so an API call with neither token nor session cookie gets the 401 problem, never a 302 to Keycloak.
 */
@ApplicationScoped
public class DashboardTenant implements TenantResolver {

    /** The tenant id of {@code quarkus.oidc.dashboard.*}. */
    public static final String TENANT = "dashboard";

    /**
     * quarkus-oidc's id of the default tenant. Answered explicitly: on null quarkus-oidc would go on guessing, and
     * it takes a path segment named like a tenant ({@code /dashboard/...}) for that tenant, bearer token or not.
     */
    static final String API = "Default";

    /** quarkus-oidc's session cookie of the tenant ({@code q_session_dashboard}, maybe in chunks {@code _chunk_N}). */
    static final String SESSION_COOKIE = "q_session_" + TENANT;

    @Override
    public String resolve(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return API;
        }
        String path = context.normalizedPath();
        if (path.equals("/dashboard") || path.startsWith("/dashboard/")) {
            return TENANT;
        }
        if (path.startsWith("/api/") && hasSession(context)) {
            return TENANT;
        }
        return API;
    }

    private static boolean hasSession(RoutingContext context) {
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith(SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }
}
