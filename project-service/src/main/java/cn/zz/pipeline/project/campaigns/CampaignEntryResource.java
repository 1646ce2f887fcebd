package cn.zz.pipeline.project.campaigns;

import cn.zz.pipeline.project.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/**
 * A project's entry in a 三个一批 campaign: put it on a list (or move it), take it out. A change of the project: the
 * answer's ETag is the project's version, and an If-Match names that version.
 */
@Path("/api/campaigns/{id}/entries/{projectId}")
@Tag(name = "三个一批 Campaigns")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class CampaignEntryResource {

    static final String IF_MATCH = "项目的版本 (the project's version, its ETag), optional: a stale one is 409";

    @Inject
    EntryService service;

    @Inject
    CurrentUser user;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "把项目列入或调整到一个清单 (put the project on a list of the campaign, or move it)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SetEntry.class), examples = @ExampleObject(name = "开工一批",
            value = "{\"list\": \"START\"}")))
    @APIResponse(responseCode = "200", description = "the entry; the same list again changes nothing (same ETag)",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "400", description = "list required or not SIGN/START/PRODUCE, malformed JSON or"
            + " If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not staff of the project's district nor admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such campaign or project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "stale If-Match, or the project changed concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "project-withdrawn: a withdrawn (撤销) project cannot be"
            + " entered (violation on projectId)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response set(@Parameter(description = "活动 ID (campaign id)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
                        @Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("projectId") String projectId,
                        @Parameter(description = IF_MATCH, schema = @Schema(type = SchemaType.STRING, example = "\"7\""))
                        @HeaderParam("If-Match") String ifMatch, SetEntry body) {
        UUID campaign = Params.pathId("三个一批活动 campaign", id);
        UUID project = Params.pathId("项目 project", projectId);
        if (body == null || body.list() == null) {
            throw ApiException.badRequest(new Violation("list", "required",
                    "须指明清单：SIGN 签约一批、START 开工一批或 PRODUCE 投产一批 (list is required)", null,
                    List.of("SIGN", "START", "PRODUCE")));
        }
        EntryService.Outcome o = service.set(campaign, project, body.list(), ifMatch, user);
        return Response.ok(EntryView.of(o.entry(), o.project())).tag(ProjectResource.etag(o.project())).build();
    }

    @DELETE
    @Operation(summary = "把项目移出活动 (take the project out of the campaign)")
    @APIResponse(responseCode = "204", description = "taken out",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "malformed If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not staff of the project's district nor admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such campaign or project, or the project is not in the"
            + " campaign (not-in-campaign)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "stale If-Match, or the project changed concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response remove(@Parameter(description = "活动 ID (campaign id)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
                           @Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("projectId") String projectId,
                           @Parameter(description = IF_MATCH, schema = @Schema(type = SchemaType.STRING,
                                   example = "\"7\"")) @HeaderParam("If-Match") String ifMatch) {
        Project p = service.remove(Params.pathId("三个一批活动 campaign", id), Params.pathId("项目 project", projectId),
                ifMatch, user);
        return Response.noContent().tag(ProjectResource.etag(p)).build();
    }
}
