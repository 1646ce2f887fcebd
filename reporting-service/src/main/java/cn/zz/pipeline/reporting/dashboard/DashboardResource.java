package cn.zz.pipeline.reporting.dashboard;

import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * The leaders' page itself is static (META-INF/resources/dashboard/) and, like everything under /dashboard/, is
 * served only after the login at Keycloak (quarkus-oidc's code flow, tenant {@code dashboard}, see the service's
 * README); this resource gives the page its labels and who is logged in.
 */
@Path("/dashboard")
public class DashboardResource {

    private static final List<String> ROLES = List.of(Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN);

    @Inject
    Today today;

    @Inject
    CurrentUser user;

    /**
     * @param today the service's date (pipeline.zone): the page's default period is the month before
     * @param districts region code and Chinese name, for the district selector of city-level users
     */
    public record DashboardConfig(LocalDate today, List<District> districts) {
    }

    /**
     * @param username the login name (preferred_username)
     * @param district the district claim (a 6-digit code or a city prefix such as 4101); null when absent
     * @param roles the realm roles the service grants (staff, approver, leader, admin)
     */
    public record SessionUser(String username, @Schema(nullable = true) String district, List<String> roles) {
    }

    public record District(String code, String label) {
    }

    @GET
    @Path("config.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Labels and date of the leaders' dashboard 看板配置")
    public Response config() {
        List<District> districts = cn.zz.pipeline.events.District.all().stream()
                .map(d -> new District(d.code(), d.name())).toList();
        return Response.ok(new DashboardConfig(today.date(), districts)).cacheControl(noStore()).build();
    }

    /** Who the session (or token) belongs to, as the reports see them: the page shows the name and the scope. */
    @GET
    @Path("session.json")
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.APPROVER, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The logged-in user of the leaders' dashboard 当前登录用户")
    @APIResponse(responseCode = "200", description = "当前用户",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionUser.class)))
    @APIResponse(responseCode = "401", description = "未登录 (no session and no token)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "无任何业务角色 (no role of the realm)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response session() {
        List<String> roles = ROLES.stream().filter(user::is).toList();
        return Response.ok(new SessionUser(user.name(), user.district(), roles)).cacheControl(noStore()).build();
    }

    private static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }

    /** {@code /dashboard} without the slash: the page's relative links need the folder form. */
    @GET
    @PermitAll
    @Operation(summary = "Redirects to the leaders' dashboard at /dashboard/")
    public Response page(@Context UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return Response.seeOther(URI.create("/dashboard/" + (query == null ? "" : "?" + query))).build();
    }
}
