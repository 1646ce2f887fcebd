package cn.zz.pipeline.project.problems;

import cn.zz.pipeline.project.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import cn.zz.pipeline.project.lifecycle.ProjectResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** The problems of one project (问题解决台账): log, list, read, resolve. Logging and resolving change the project. */
@Path("/api/projects/{id}/problems")
@Tag(name = "问题台账 Problems", description = "问题解决台账：登记、查询、解决项目推进中的问题 (log, list and resolve what"
        + " blocks a project)")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemResource {

    @Inject
    ProblemService service;

    @Inject
    ProjectRepository projects;

    @Inject
    ProjectProblemRepository problems;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    /** 201 + Location, the project's new version as ETag; 409 for a withdrawn project. */
    @POST
    @Operation(summary = "登记问题 Log a problem", description = "登记日期缺省为今天；项目的版本随之增加"
            + " (loggedOn defaults to today; the project's version goes up)")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LogProblem.class), examples = @ExampleObject(name = "水电",
            value = "{\"category\": \"UTILITIES\", \"description\": \"用电增容未落实，影响设备调试\","
                    + " \"department\": \"供电公司\", \"deadline\": \"2026-12-31\", \"loggedOn\": \"2026-11-20\"}")))
    @APIResponse(responseCode = "201", description = "logged; Location names the problem",
            headers = {@Header(name = "Location", description = ApiDocs.LOCATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @APIResponse(responseCode = "400", description = "every invalid field (category, description, department,"
            + " deadline, loggedOn), malformed JSON", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not staff of the project's district nor admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the project was withdrawn (project-closed), stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "loggedOn in the future (date-in-future) or before 2000-01-01"
            + " (out-of-range)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response log(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
                        @Parameter(description = ApiDocs.IF_MATCH, schema = @Schema(type = SchemaType.STRING, example = "\"7\"")) @HeaderParam("If-Match") String ifMatch,
                        @Valid @NotNull LogProblem body, @Context UriInfo uri) {
        ProblemService.Outcome o = service.log(Params.pathId("项目 project", id), body, ifMatch, user);
        return Response.created(uri.getAbsolutePathBuilder().path(o.problem().id().toString()).build())
                .tag(ProjectResource.etag(o.project())).entity(view(o.problem(), o.project())).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "项目的问题 A project's problems", description = "按解决时限排序 (by deadline)")
    @APIResponse(responseCode = "200", description = "项目的问题 (the project's problems)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProblemView.class)))
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN_READ)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_PROJECT)
    public List<ProblemView> list(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
                                  @Parameter(description = "状态 (state): OPEN 未解决, RESOLVED 已解决",
                                          schema = @Schema(type = SchemaType.STRING, enumeration = {"OPEN", "RESOLVED"}))
                                  @QueryParam("state") String state,
                                  @Parameter(description = "true 只看逾期的，false 只看未逾期的 (only overdue, or only not)",
                                          schema = @Schema(type = SchemaType.BOOLEAN))
                                  @QueryParam("overdue") String overdue) {
        Project p = projects.forRead(Params.pathId("项目 project", id), user);
        return problems.ofProject(p.id(), Params.enumParam("state", state, ProblemState.class),
                Params.bool("overdue", overdue), today.date()).stream().map(pr -> view(pr, p)).toList();
    }

    @GET
    @Path("/{pid}")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "一个问题 A problem")
    @APIResponse(responseCode = "200", description = "问题 (the problem)")
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN_READ)
    @APIResponse(responseCode = "404", description = "项目或问题不存在 (no such project or problem)")
    public ProblemView get(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
                           @Parameter(description = "问题 ID (problem id)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("pid") String pid) {
        Project p = projects.forRead(Params.pathId("项目 project", id), user);
        return view(service.find(p, Params.pathId("问题 problem", pid)), p);
    }

    /** 200; 409 when already resolved; 422 for a resolution date in the future or before the 登记日期. */
    @POST
    @Path("/{pid}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "解决问题 Resolve a problem", description = "解决日期缺省为今天，不晚于今天、不早于登记日期"
            + " (resolvedOn defaults to today; not in the future, not before loggedOn)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResolveProblem.class), examples = @ExampleObject(name = "已解决 resolved",
            value = "{\"resolution\": \"供电公司完成增容\", \"resolvedOn\": \"2026-12-01\"}")))
    @APIResponse(responseCode = "200", description = "已解决的问题 (the resolved problem)",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemView.class)))
    @APIResponse(responseCode = "400", description = "resolution 缺失或过长，resolvedOn 格式有误 (each invalid field)")
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN_WRITE)
    @APIResponse(responseCode = "404", description = "项目或问题不存在 (no such project or problem)")
    @APIResponse(responseCode = "409", description = "问题已解决 (already-resolved)，If-Match 版本过期，或项目已撤销"
            + " (project-closed)")
    @APIResponse(responseCode = "422", description = "解决日期晚于今天 (date-in-future) 或早于登记日期"
            + " (resolved-before-logged)")
    public Response resolve(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
                            @Parameter(description = "问题 ID (problem id)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("pid") String pid,
                            @Parameter(description = ApiDocs.IF_MATCH, schema = @Schema(type = SchemaType.STRING, example = "\"7\"")) @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull ResolveProblem body) {
        ProblemService.Outcome o = service.resolve(Params.pathId("项目 project", id), Params.pathId("问题 problem", pid),
                body, ifMatch, user);
        return Response.ok(view(o.problem(), o.project())).tag(ProjectResource.etag(o.project())).build();
    }

    private ProblemView view(ProjectProblem problem, Project p) {
        return ProblemView.of(problem, p, today.date());
    }
}
