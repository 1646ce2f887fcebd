package cn.zz.pipeline.project.plans;

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
 * A project's annual plans (年度计划投资): set or correct one year's plan, and list them. Staff of the project's
 * district and admin write; staff, leaders and approvers read within their district claim.
 */
@Path("/api/projects/{id}/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "年度计划 Annual plans", description = "项目的年度计划投资（万元）：设定、调整、查询，及从 Excel 导入"
        + " (a project's annual planned investment, set, corrected, listed and imported)")
public class PlanResource {

    @Inject
    PlanService plans;

    @Inject
    CurrentUser user;

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "设定或调整年度计划投资 Set or correct a year's plan", description = "年度须在项目周期内（登记之年与计划开工之年"
            + "取早者起，至投产之年；未投产的项目至计划投产之年，已过则至当年；无计划投产日期则不设上限），且最多提前一年。"
            + "同一数字再次提交不作任何改变（200，版本不变，无事件）；调整保留原数字（谁、何时、原值、新值、原因）。"
            + "If-Match 可选，版本过期为 409。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SetPlan.class), examples = {
                    @ExampleObject(name = "设定 set", value = "{\"amount\": 65000, \"reason\": \"区重点项目年度计划下达\"}"),
                    @ExampleObject(name = "调整 correct", value = "{\"amount\": 58000.5, \"reason\": \"年中计划调整\"}")}))
    @APIResponse(responseCode = "200", description = "该年度的计划（与 GET 所列相同），也包括未作改变时 the plan as GET shows it",
            headers = @Header(name = "ETag", description = "项目的新版本 the project's version, e.g. \"7\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanViews.Plan.class)))
    @APIResponse(responseCode = "400", description = "请求有误：amount 缺失、不大于 0、超过 10000000 万元或多于 4 位小数；"
            + "reason 过长或含控制字符；year 不是 4 位数字或不在 2000-2100；If-Match 格式有误。violations 逐项列出字段与规则",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "角色无权（领导、审批人员）或项目不在本区县 role or district may not write",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "项目不存在 unknown project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "If-Match 版本过期或并发修改 (stale-version)，或项目已撤销 (project-closed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "年度不可编制计划：before-project-life、after-project-life、"
            + "too-far-ahead（多条时为 year-not-plannable，逐条列出）；计划超过项目总投资而未填原因 (reason-required)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response set(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                        @PathParam("id") String id,
                        @Parameter(description = "年度 yyyy (year)", schema = @Schema(type = SchemaType.INTEGER,
                                minimum = "2000", maximum = "2100", example = "2026")) @PathParam("year") String year,
                        @Parameter(description = ApiDocs.IF_MATCH, schema = @Schema(type = SchemaType.STRING, example = "\"7\""))
                        @HeaderParam("If-Match") String ifMatch,
                        SetPlan body) {
        PlanService.Outcome outcome = plans.set(Params.pathId("项目 project", id), PlanRules.year("year", year), body,
                ifMatch, user);
        return Response.ok(PlanViews.Plan.of(outcome.plan(), outcome.history()))
                .tag(ProjectResource.etag(outcome.project())).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "项目的年度计划 A project's annual plans", description = "按年度升序，每年附每次设定与调整的记录")
    @APIResponse(responseCode = "200", description = "各年度计划 the plans by year",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanViews.Plans.class)))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "项目不在调用者的辖区内 outside the caller's district",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "项目不存在 unknown project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanViews.Plans list(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return PlanViews.Plans.of(plans.list(Params.pathId("项目 project", id), user));
    }
}
