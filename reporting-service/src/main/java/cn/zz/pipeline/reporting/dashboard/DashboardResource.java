package cn.zz.pipeline.reporting.dashboard;

import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.reporting.config.ReportingConfig;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * The leaders' page itself is static (META-INF/resources/dashboard/); this resource gives it what it needs before
 * anyone has logged in: where to log in, and labels. Neither reveals anything a login page would not.
 */
@Path("/dashboard")
public class DashboardResource {

    @Inject
    ReportingConfig config;

    @Inject
    Today today;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String oidcServerUrl;

    /**
     * @param authServerUrl the Keycloak realm URL the browser logs in at
     * @param clientId the public client of the page (authorization code flow with PKCE)
     * @param today the service's date (pipeline.zone): the page's default period is the month before
     * @param districts region code and Chinese name, for the district selector of city-level users
     */
    public record DashboardConfig(String authServerUrl, String clientId, LocalDate today, List<District> districts) {
    }

    public record District(String code, String label) {
    }

    @GET
    @Path("config.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Login settings and labels of the leaders' dashboard (no token needed)")
    public Response config() {
        List<District> districts = cn.zz.pipeline.events.District.all().stream()
                .map(d -> new District(d.code(), d.name())).toList();
        String authServer = config.dashboard().authServerUrl().orElse(oidcServerUrl).replaceAll("/+$", "");
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new DashboardConfig(authServer, config.dashboard().clientId(), today.date(), districts))
                .cacheControl(noStore).build();
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
