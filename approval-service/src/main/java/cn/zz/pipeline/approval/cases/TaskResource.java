package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.events.Decision;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * Approval tasks (审批事项). The list is an approver's inbox: their own department's tasks, open ones by default,
 * oldest due first, each with its days left. Everyone sees the tasks within their district scope.
 */
@Path("/api/approval-tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "审批事项 Approval tasks", description = "各部门的审批事项：审批人员的待办、办理决定、补正后重新提交"
        + " (the departments' tasks: an approver's inbox, decisions, resubmission after a return)")
public class TaskResource {

    private static final String TASK_ID = "事项 ID (task id)";

    @Inject
    CaseService cases;

    @Inject
    CaseQueries queries;

    @Inject
    CurrentUser user;

    /**
     * @param state PENDING, RETURNED, APPROVED, REJECTED, CANCELLED, OPEN (pending and returned; the default) or ALL
     * @param overdue true: pending past the due date; false: the others
     * @param district a region within the caller's district scope (403 when wider or outside), absent: all of it
     */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "审批事项列表（待办） Approval tasks (inbox)", description = "期限最早的在前，附剩余天数；"
            + "审批人员只看本部门的事项，查询其他部门为 403 (oldest due first, each with its days left; approvers see"
            + " their own department's tasks only: another department is 403, like a district out of scope)")
    @APIResponse(responseCode = "200", description = "一页事项，期限最早的在前 (a page of tasks, oldest due first)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PageSchemas.TaskPage.class)))
    public PageView<TaskView> list(
            @Parameter(description = CaseResource.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = "^\\d{2,6}$"), example = "410184") @QueryParam("district") String district,
            @Parameter(description = "事项状态：OPEN 办理中和退回补正（默认），ALL 全部，或单一状态 (task state: OPEN, the"
                    + " default, is PENDING and RETURNED; ALL is every state)",
                    schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"OPEN", "ALL", "PENDING", "RETURNED", "APPROVED", "REJECTED", "CANCELLED"},
                    defaultValue = "OPEN")) @QueryParam("state") String state,
            @Parameter(description = "true：办理中且已过期限；false：其余 (true: pending past the due date; false: the"
                    + " others)", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @Parameter(description = "审批部门代码；审批人员只能是本部门 (department code; an approver's own only)",
                    schema = @Schema(type = SchemaType.STRING), example = "NDRC")
            @QueryParam("department") String department,
            @Parameter(description = CaseResource.PROJECT_ID, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("projectId") String projectId,
            @Parameter(description = "只看该案件的 (only this case's), a case id", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("caseId") String caseId,
            @Parameter(description = "超期后提醒的分包领导 (the leader overdue tasks were escalated to)",
                    schema = @Schema(type = SchemaType.STRING), example = "leader.city")
            @QueryParam("escalatedTo") String escalatedTo,
            @Parameter(description = CaseResource.PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100000", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = CaseResource.SIZE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("size") String size) {
        String dept = department == null || department.isBlank() ? null : department.trim();
        if (user.is(Roles.APPROVER) && !user.isAdmin()) {
            if (dept != null && !dept.equals(user.department())) {
                throw ApiException.forbidden("审批人员只能查看本部门（" + user.department() + "）的待办事项"
                        + " (approvers see their own department's tasks)");
            }
            dept = user.department();
        }
        CaseQueries.TaskFilter filter = new CaseQueries.TaskFilter(user.scope(district), dept, states(state),
                Params.bool("overdue", overdue), projectId == null ? null : Params.uuid("projectId", projectId),
                caseId == null ? null : Params.uuid("caseId", caseId),
                escalatedTo == null || escalatedTo.isBlank() ? null : escalatedTo.trim());
        return queries.tasks(filter, Params.intParam("page", page, 1, 1, 100_000),
                Params.intParam("size", size, 50, 1, 500));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "一个审批事项及其办理记录 An approval task with its history")
    @APIResponse(responseCode = "200", description = "事项，附 history (the task with its history)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "事项不存在或不在您的辖区内 (no such task within your district)")
    public TaskView get(@Parameter(description = TASK_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                        @PathParam("id") String id) {
        return queries.task(Params.pathId("审批事项 (approval task)", id), user.readScope());
    }

    /** 200 with the task after the decision; 403 for another department; 409 when no longer pending. */
    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "办理：批准、不予批准或退回补正 Decide: approve, reject or return for supplement",
            description = "事项所属部门的审批人员办理。一个部门不予批准则案件不予批准，其余事项撤销；全部批准则案件批准。"
                    + " (by an approver of the task's department: one rejection rejects the case and cancels the"
                    + " other tasks; when every task is approved the case is approved)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionRequest.class), examples = {
                    @ExampleObject(name = "批准 approve", value = "{\"decision\": \"APPROVE\", \"comment\": \"符合产业政策\"}"),
                    @ExampleObject(name = "退回补正 return", value = "{\"decision\": \"RETURN\", \"comment\": \"请补充"
                            + "规划选址图件\"}"),
                    @ExampleObject(name = "不予批准 reject", value = "{\"decision\": \"REJECT\", \"comment\": \"选址位于"
                            + "饮用水水源保护区\"}")}))
    @APIResponse(responseCode = "200", description = "办理后的事项，附 history (the task after the decision, with its"
            + " history)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "请求有误：decision 缺失或无效，comment 过长；不予批准未说明理由"
            + " (required-for-reject)，退回补正未写明需补充的材料 (required-for-return)")
    @APIResponse(responseCode = "403", description = "不是事项所属部门的审批人员，或事项不在您的辖区内 (not an approver"
            + " of the task's department, or the task is outside your district)")
    @APIResponse(responseCode = "404", description = "事项不存在 (no such task)")
    @APIResponse(responseCode = "409", description = "事项不在办理中：已退回补正待重新提交 (awaiting-supplement)、已撤销"
            + " (task-cancelled) 或已办结 (already-decided) (the task is not pending)")
    public TaskView decide(@Parameter(description = TASK_ID, schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) @PathParam("id") String id, @Valid @NotNull DecisionRequest body) {
        UUID taskId = Params.pathId("审批事项 (approval task)", id);
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        if (comment == null && body.decision() == Decision.REJECT) {
            throw ApiException.badRequest(new Violation("comment", "required-for-reject", "不予批准须说明理由", null, null));
        }
        if (comment == null && body.decision() == Decision.RETURN) {
            throw ApiException.badRequest(new Violation("comment", "required-for-return", "退回补正须写明需补充的材料", null,
                    null));
        }
        return cases.decide(taskId, body.decision(), comment, user);
    }

    /** The applicant resubmits a returned task (补正后重新提交): its clock runs again. 409 unless returned. */
    @POST
    @Path("{id}/resubmission")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "补正后重新提交 Resubmit a returned task", description = "项目所在区县的工作人员或管理员提交，"
            + "事项恢复办理，期限按剩余天数重新计算；补正说明可省略，请求体至少为 {} (by staff of the project's district or admin:"
            + " the task is pending again, due after the days it had left; the comment is optional, the body at"
            + " least {})")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResubmissionRequest.class), examples = {
                    @ExampleObject(name = "补正 resubmit", value = "{\"comment\": \"已补充规划选址图件\"}"),
                    @ExampleObject(name = "无说明 without comment", value = "{}")}))
    @APIResponse(responseCode = "200", description = "重新提交后的事项，附 history (the task, pending again, with its"
            + " history)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "403", description = "角色无权，或项目不在您的区县 (the role may not, or the project is"
            + " outside your district)")
    @APIResponse(responseCode = "404", description = "事项不存在 (no such task)")
    @APIResponse(responseCode = "409", description = "事项不是退回补正状态 (not-returned: only a returned task can be"
            + " resubmitted)")
    public TaskView resubmit(@Parameter(description = TASK_ID, schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) @PathParam("id") String id, @Valid ResubmissionRequest body) {
        UUID taskId = Params.pathId("审批事项 (approval task)", id);
        String comment = body == null || body.comment() == null || body.comment().isBlank() ? null
                : body.comment().strip();
        return cases.resubmit(taskId, comment, user);
    }

    private static List<TaskState> states(String raw) {
        if (raw == null || raw.isBlank() || raw.trim().equalsIgnoreCase("OPEN")) {
            return List.of(TaskState.PENDING, TaskState.RETURNED);
        }
        if (raw.trim().equalsIgnoreCase("ALL")) {
            return null;
        }
        TaskState s = Params.enumParam("state", raw, TaskState.class);
        return s == null ? null : List.of(s);
    }
}
