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
import cn.zz.pipeline.reporting.openapi.ParamDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** The projects within the caller's district as an OC4IDS project package, streamed. */
@Path("/api/exports/oc4ids")
@Tag(name = "数据开放 Exports", description = "OC4IDS 基础设施项目数据标准的项目数据包 (projects as an OC4IDS package)")
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
    @APIResponse(responseCode = "200", description = "OC4IDS 项目数据包 (the project package)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Oc4idsPackage.class)))
    public Response oc4ids(
            @Parameter(description = ParamDocs.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = ParamDocs.DISTRICT_PATTERN), example = "410106") @QueryParam("district") String district,
            @Parameter(description = "只导出该阶段的项目；缺省全部 (only the projects of this stage)", schema = @Schema(
                    implementation = Stage.class)) @QueryParam("stage") String stage,
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
