package cn.zz.pipeline.reporting.oc4ids;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/** The projects within the caller's district as an OC4IDS project package, streamed. */
@Path("/api/exports/oc4ids")
public class Oc4idsResource {

    private static final Logger LOG = Logger.getLogger(Oc4idsResource.class);

    @Inject
    Oc4idsExport export;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "OC4IDS project package (schema 0.9) of the projects within the district, optionally of one"
            + " stage")
    public Response oc4ids(@QueryParam("district") String district, @QueryParam("stage") String stage,
                           @Context UriInfo uri) {
        String region = user.scope(district);
        Stage only = Params.enumParam("stage", stage, Stage.class);
        String packageUri = uri.getRequestUri().toString();
        StreamingOutput body = out -> {
            long start = System.nanoTime();
            int projects = export.write(out, region, only, packageUri);
            LOG.infof("OC4IDS package (region %s, stage %s): %d projects in %d ms", region, only, projects,
                    (System.nanoTime() - start) / 1_000_000);
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
