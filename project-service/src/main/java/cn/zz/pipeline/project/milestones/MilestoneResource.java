package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.project.api.ApiDocs;
import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.lifecycle.ProjectResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/**
 * A project's milestone plan (倒排工期): generate it from a target start, replan by hand, complete a node by hand,
 * read it with its statuses and light. Staff of the project's district and admin write; staff, leaders and
 * approvers read within their district claim.
 */
@Path("/api/projects/{id}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "倒排工期 Milestone plans", description = "倒排工期：按模板从目标开工日期倒排的节点计划、手工调整与填报、"
        + "里程碑模板 (milestone plans counted back from the target start, their templates)")
public class MilestoneResource {

    private static final String PLAN = "项目的倒排计划（与 GET 相同，状态按今天计算） the plan as GET shows it";

    @Inject
    MilestoneService milestones;

    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "项目的倒排计划 A project's milestone plan", description = "各节点的计划与实际日期、状态"
            + "（DONE、ON_TRACK、AT_RISK、LATE）与整体红黄绿灯；ETag 为项目版本")
    @APIResponse(responseCode = "200", description = PLAN,
            headers = @Header(name = "ETag", description = "项目的版本 the project's version, e.g. \"7\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MilestoneViews.Plan.class)))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "项目不在调用者的辖区内 outside the caller's district",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "项目不存在或尚无倒排计划 unknown project, or no plan yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                        @PathParam("id") String id) {
        return answer(milestones.get(Params.pathId("项目 project", id), user));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "生成或调整倒排计划 Generate or replan", description = "targetStart：按项目类型（及建设性质）的"
            + "当前模板倒排生成，START 开工计划在目标日期，之前各节点按模板天数提前，PRODUCTION 投产在其后；已完成的节点保留实际日期，"
            + "项目已开工、投产或审批已通过的，对应节点随即完成。nodes：手工调整节点计划日期，调整后须按节点顺序不减；调整 START "
            + "即调整目标开工日期。没有任何改变时 200，版本不变，无事件。If-Match 可选，版本过期为 409。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SetMilestones.class), examples = {
                    @ExampleObject(name = "生成 generate", value = "{\"targetStart\": \"2027-03-01\"}"),
                    @ExampleObject(name = "调整 replan", value = "{\"nodes\": [{\"code\": \"LAND\", \"planned\": "
                            + "\"2026-12-15\"}], \"reason\": \"土地挂牌推迟\"}")}))
    @APIResponse(responseCode = "200", description = PLAN,
            headers = @Header(name = "ETag", description = "项目的新版本 the project's version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MilestoneViews.Plan.class)))
    @APIResponse(responseCode = "400", description = "请求有误：targetStart 与 nodes 都缺失；日期格式错误或不在 2000-01-01 至"
            + "今后 10 年；nodes 为空或多于 30 个，节点缺 code 或 planned；reason 过长；If-Match 格式有误。violations 逐项列出字段",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "角色无权（领导、审批人员）或项目不在本区县 role or district may not write",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "项目不存在 unknown project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "If-Match 版本过期或并发修改 (stale-version)，或项目已撤销 (project-closed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "尚无计划又未给 targetStart (milestones-not-planned)；节点不在计划中"
            + "(unknown-node) 或重复 (duplicate)，见 invalid-replan；调整后日期不按节点顺序 (out-of-order)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response set(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                        @PathParam("id") String id,
                        @Parameter(description = ApiDocs.IF_MATCH, schema = @Schema(type = SchemaType.STRING, example = "\"7\""))
                        @HeaderParam("If-Match") String ifMatch,
                        SetMilestones body) {
        return answer(milestones.set(Params.pathId("项目 project", id), body, ifMatch, user));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "手工填报节点完成 Complete a node by hand", description = "仅限手工完成的节点（MANUAL，如 LAND 拿地）；"
            + "APPROVED、START、PRODUCTION 由项目事件完成。日期不晚于今天、不早于项目登记日期；已填报的可更正，同一日期再次提交"
            + "不作改变。If-Match 可选，版本过期为 409。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CompleteMilestone.class), examples = @ExampleObject(name = "拿地 land",
            value = "{\"actual\": \"2026-11-20\", \"reason\": \"土地成交确认书已签订\"}")))
    @APIResponse(responseCode = "200", description = PLAN,
            headers = @Header(name = "ETag", description = "项目的新版本 the project's version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MilestoneViews.Plan.class)))
    @APIResponse(responseCode = "400", description = "请求有误：actual 缺失、格式错误或早于 2000-01-01；reason 过长；"
            + "If-Match 格式有误",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "角色无权（领导、审批人员）或项目不在本区县 role or district may not write",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "项目不存在、尚无倒排计划或计划中没有该节点 unknown project, plan or node",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "节点由项目事件完成 (completes-by-event)；If-Match 版本过期或并发修改"
            + " (stale-version)；项目已撤销 (project-closed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "日期晚于今天 (in-future) 或早于项目登记日期 (before-registration)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response complete(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                             @PathParam("id") String id,
                             @Parameter(description = "节点代码，如 LAND (node code)", schema = @Schema(
                                     type = SchemaType.STRING, pattern = "^[A-Z][A-Z0-9_]{0,39}$", example = "LAND"))
                             @PathParam("code") String code,
                             @Parameter(description = ApiDocs.IF_MATCH, schema = @Schema(type = SchemaType.STRING, example = "\"7\""))
                             @HeaderParam("If-Match") String ifMatch,
                             CompleteMilestone body) {
        return answer(milestones.complete(Params.pathId("项目 project", id), code, body, ifMatch, user));
    }

    private Response answer(MilestoneService.Stored stored) {
        return Response.ok(milestones.view(stored)).tag(ProjectResource.etag(stored.project())).build();
    }
}
