package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.PlainText;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import cn.zz.pipeline.project.api.ApiDocs;
import cn.zz.pipeline.project.api.Pages;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects (项目全周期): registration, the list, a project, its facts (merge patch), its stage moves, its history
 * and its assignment. Staff write within their district, admin anywhere; staff, leaders and approvers read within
 * their district claim (city users see the whole city). Responses that show a project carry its version as ETag.
 */
@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "项目 Projects", description = "项目全周期：登记、查询、修改、阶段变更、变更记录、领导分包 (registration, reading,"
        + " editing, stage moves, history, assignment)")
public class ProjectResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String EXAMPLE = "{\"name\": \"上街通航零部件制造基地\", \"ownerName\": \"郑州上街通用航空科技有限公司\","
            + " \"ownerCreditCode\": \"91410100MA44R8XK0H\", \"district\": \"410106\", \"park\": \"上街通航产业园\","
            + " \"chain\": \"通用航空\", \"industry\": \"C3741\", \"constructionType\": \"NEW\", \"projectType\": \"01\","
            + " \"totalInvestment\": 80000, \"landArea\": 150, \"annualOutput\": 120000, \"annualTax\": 6000,"
            + " \"takesNewLand\": true, \"eiaCategory\": \"REPORT_FORM\", \"privateInvestment\": true,"
            + " \"plannedStart\": \"2027-04-01\", \"plannedProduction\": \"2028-12-31\"}";
    private static final String SHOWN = "项目（含 ETag 版本） (the project; ETag = its version)";

    @Inject
    ProjectService service;

    @Inject
    ProjectRepository projects;

    @Inject
    ProjectHistoryRepository history;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper mapper;

    /** 201 + Location; 400 listing every invalid field; 403 outside the caller's district. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "登记项目 Register a project (储备)", description = "区县工作人员在本区县、管理员在任一区县登记；"
            + "项目代码随即分配。校验全部字段，400 逐项列出 (every invalid field is listed).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectFacts.class),
            examples = @ExampleObject(name = "新建工业项目 a new industrial project", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "已登记 (registered); Location names the project",
            headers = {@Header(name = "Location", description = ApiDocs.LOCATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "403", description = "角色无权，或 district 不在调用者的区县 (the role may not register,"
            + " or the district is not the caller's)")
    public Response register(ProjectFacts body, @Context UriInfo uri) {
        if (body == null) {
            throw ApiException.badRequest(new Violation("", "required", "请求体不能为空 (a JSON body is required)", null,
                    null));
        }
        if (District.known(body.district())) { // an unknown district is a 400 from the validation
            user.requireWrite(body.district());
        }
        Project p = service.register(body, user.name());
        return Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build())
                .tag(etag(p)).entity(ProjectView.of(p)).build();
    }

    /** Newest first, within the caller's district scope ({@code district} may narrow it, never widen it). */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "项目列表 List projects", description = "最新登记的在前，限于调用者辖区 (newest first, within"
            + " the caller's scope)")
    @APIResponse(responseCode = "200", description = "一页项目 (a page of projects)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Pages.ProjectPage.class)))
    public PageView<ProjectView> list(
            @Parameter(description = "阶段 (stage)", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "RESERVE", "DECLARED", "ADMITTED", "STARTED", "IN_PRODUCTION", "WITHDRAWN"}))
            @QueryParam("stage") String stage,
            @Parameter(description = ApiDocs.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = "^[0-9]{2,6}$", example = "410106")) @QueryParam("district") String district,
            @Parameter(description = "产业链，精确匹配 (industry chain, exact)", schema = @Schema(type = SchemaType.STRING,
                    maxLength = 50, example = "通用航空")) @QueryParam("chain") String chain,
            @Parameter(description = "在名称、项目单位、项目代码中查找，不区分大小写 (text within name, owner or code)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100, example = "通航"))
            @QueryParam("q") String q,
            @Parameter(description = ApiDocs.PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100000", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = ApiDocs.SIZE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200", defaultValue = "20")) @QueryParam("size") String size) {
        String region = user.scope(district);
        PageView<Project> found = projects.list(region, Params.enumParam("stage", stage, Stage.class),
                text("chain", chain, 50), text("q", q, 100), Params.intParam("page", page, 1, 1, 100_000),
                Params.intParam("size", size, 20, 1, 200));
        return new PageView<>(found.items().stream().map(ProjectView::of).toList(), found.total(), found.page(),
                found.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "一个项目 A project")
    @APIResponse(responseCode = "200", description = SHOWN,
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN_READ)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_PROJECT)
    public Response get(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) @PathParam("id") String id) {
        Project p = projects.forRead(Params.pathId("项目 project", id), user);
        return Response.ok(ProjectView.of(p)).tag(etag(p)).build();
    }

    /** 400 for a malformed code or a wrong check character, 404 for an unknown one. */
    @GET
    @Path("/by-code/{code}")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "按项目代码查找项目 A project by its code")
    @APIResponse(responseCode = "200", description = SHOWN,
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "项目代码格式有误或校验位不符 (malformed code or wrong check character)")
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN_READ)
    @APIResponse(responseCode = "404", description = "没有该代码的项目 (no project has this code)")
    public Response byCode(@Parameter(description = "项目代码 (project code)", example = "2026-410106-37-01-00017X")
                           @PathParam("code") String code) {
        ProjectCode.check("code", code).ifPresent(v -> {
            throw ApiException.badRequest(v);
        });
        Project p = projects.byCode(code);
        user.requireRead(p.district());
        return Response.ok(ProjectView.of(p)).tag(etag(p)).build();
    }

    /** JSON merge patch of the facts; If-Match required (428 without, 409 stale). */
    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "修改项目信息（JSON 合并补丁） Edit a project's facts (JSON merge patch)", description = "请求体为"
            + " RFC 7386 合并补丁：列出的字段被替换，null 清除可选字段；district 不可修改。须带 If-Match。没有改变时 200，版本不变。"
            + " (members given replace the facts, null clears an optional one; the district cannot change)")
    @RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT,
                    description = "要修改的项目信息字段，同 POST /api/projects (facts to change, as in registration)"),
                    examples = @ExampleObject(name = "调整园区与税收 park and tax",
                            value = "{\"park\": \"上街通航试验区\", \"annualTax\": 6500}")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "同 application/merge-patch+json (the same merge patch)"),
                    examples = @ExampleObject(name = "清除产业链 clear the chain", value = "{\"chain\": null}"))})
    @APIResponse(responseCode = "200", description = SHOWN,
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "补丁不是 JSON 对象、字段不可修改 (district) 或不合规，逐项列出"
            + " (not a JSON object, a fact that cannot change, or invalid facts, each listed)")
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN_WRITE)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_PROJECT)
    @APIResponse(responseCode = "409", description = ApiDocs.STALE)
    @APIResponse(responseCode = "428", description = "缺少 If-Match 请求头 (If-Match is required)")
    public Response patch(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING,
                                  format = "uuid")) @PathParam("id") String id,
                          @Parameter(description = ApiDocs.IF_MATCH_REQUIRED, schema = @Schema(type = SchemaType.STRING,
                                  example = "\"7\"")) @HeaderParam("If-Match") String ifMatch,
                          byte[] body)
            throws IOException {
        UUID projectId = Params.pathId("项目 project", id);
        // Bytes, not a String: JSON is UTF-8 whatever charset (if any) the merge-patch content type names.
        if (body == null || body.length == 0) {
            throw ApiException.badRequest(new Violation("", "required", "请求体不能为空 (a JSON body is required)", null,
                    null));
        }
        Project p = service.patch(projectId, mapper.readTree(body), ifMatch, user);
        return Response.ok(ProjectView.of(p)).tag(etag(p)).build();
    }

    /** 200; 409 for a move the lifecycle does not allow or a stale If-Match; 422 listing every unmet condition. */
    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "阶段变更 Move the project to another stage", description = "工作人员可做的变更：储备→申报，"
            + "申报→入库（并联审批已通过、入库资料齐全），入库→开工，开工→投产，以及撤销。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Transition.class), examples = {
                    @ExampleObject(name = "申报 declare", value = "{\"to\": \"DECLARED\"}"),
                    @ExampleObject(name = "开工 start", value = "{\"to\": \"STARTED\", \"date\": \"2026-11-28\","
                            + " \"reason\": \"施工许可证已取得\"}")}))
    @APIResponse(responseCode = "200", description = SHOWN,
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN_WRITE)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_PROJECT)
    @APIResponse(responseCode = "409", description = "生命周期不允许该变更 (illegal-transition)，或 If-Match 版本过期"
            + " (stale-version)")
    @APIResponse(responseCode = "422", description = "阶段条件未满足，逐项列出 (gate-not-met: every unmet condition)")
    public Response transition(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING,
                                       format = "uuid")) @PathParam("id") String id,
                               @Parameter(description = ApiDocs.IF_MATCH, schema = @Schema(type = SchemaType.STRING,
                                       example = "\"7\"")) @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull Transition body) {
        Project p = service.transition(Params.pathId("项目 project", id), body, ifMatch, user);
        return Response.ok(ProjectView.of(p)).tag(etag(p)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "项目的变更记录 A project's history", description = "按版本升序 (oldest first)")
    @APIResponse(responseCode = "200", description = "每次变更一条 (one entry per change)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryView.class)))
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN_READ)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_PROJECT)
    public List<HistoryView> history(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(
            type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        Project p = projects.forRead(Params.pathId("项目 project", id), user);
        return history.ofProject(p.id()).stream().map(HistoryView::of).toList();
    }

    /** 领导分包 + 专班. */
    @PUT
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "领导分包与专班 Assign the leader and the task force", description = "替换现有分包；相同内容再次"
            + "提交不作改变 (replaces the assignment; the same one again changes nothing)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Assign.class), examples = @ExampleObject(name = "分包 assign",
            value = "{\"leader\": \"王副区长\", \"taskForce\": [\"区发改委\", \"区住建局\"]}")))
    @APIResponse(responseCode = "200", description = SHOWN,
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN_WRITE)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_PROJECT)
    @APIResponse(responseCode = "409", description = ApiDocs.STALE)
    public Response assign(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING,
                                   format = "uuid")) @PathParam("id") String id,
                           @Parameter(description = ApiDocs.IF_MATCH, schema = @Schema(type = SchemaType.STRING,
                                   example = "\"7\"")) @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull Assign body) {
        Project p = service.assign(Params.pathId("项目 project", id), body, ifMatch, user);
        return Response.ok(ProjectView.of(p)).tag(etag(p)).build();
    }

    /** The ETag of every answer that shows a project, or something that changed it: its version. */
    public static EntityTag etag(Project p) {
        return new EntityTag(Long.toString(p.version()));
    }

    /** A free-text query parameter: trimmed, blank as absent, no control characters, at most {@code max} long. */
    private static String text(String name, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.strip();
        if (!PlainText.Validator.valid(t)) {
            throw ApiException.badRequest(new Violation(name, "PlainText", "不能包含控制字符 (no control characters)",
                    null, null));
        }
        if (t.length() > max) {
            throw ApiException.badRequest(new Violation(name, "Size", "长度不能超过 " + max, Params.cut(raw),
                    Map.of("max", max)));
        }
        return t;
    }
}
