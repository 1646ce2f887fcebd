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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/**
 * Approval tasks (审批事项). The list is an approver's inbox: their own department's tasks, open ones by default,
 * oldest due first, each with its days left. Everyone sees the tasks within their district scope.
 */
@Path("/api/approval-tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

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
    @APIResponse(responseCode = "200", description = "A page of tasks, oldest due first")
    public PageView<TaskView> list(
            @Parameter(description = CaseResource.DISTRICT) @QueryParam("district") String district,
            @QueryParam("state") String state, @QueryParam("overdue") String overdue,
            @QueryParam("department") String department, @QueryParam("projectId") String projectId,
            @QueryParam("caseId") String caseId, @QueryParam("escalatedTo") String escalatedTo,
            @QueryParam("page") String page, @QueryParam("size") String size) {
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
    public TaskView get(@PathParam("id") String id) {
        return queries.task(Params.pathId("审批事项 (approval task)", id), user.readScope());
    }

    /** 200 with the task after the decision; 403 for another department; 409 when no longer pending. */
    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    public TaskView decide(@PathParam("id") String id, @Valid @NotNull DecisionRequest body) {
        UUID taskId = Params.pathId("审批事项 (approval task)", id);
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        if (comment == null && body.decision() == Decision.REJECT) {
            throw ApiException.badRequest(new Violation("comment", "required-for-reject", "不予批准须说明理由", null, null));
        }
        if (comment == null && body.decision() == Decision.RETURN) {
            throw ApiException.badRequest(new Violation("comment", "required-for-return", "退回补正须写明需补充的材料", null,
                    null));
        }
        Task t = cases.decide(taskId, body.decision(), comment, user);
        return queries.task(t.id(), null);
    }

    /** The applicant resubmits a returned task (补正后重新提交): its clock runs again. 409 unless returned. */
    @POST
    @Path("{id}/resubmission")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public TaskView resubmit(@PathParam("id") String id, @Valid ResubmissionRequest body) {
        UUID taskId = Params.pathId("审批事项 (approval task)", id);
        String comment = body == null || body.comment() == null || body.comment().isBlank() ? null
                : body.comment().strip();
        Task t = cases.resubmit(taskId, comment, user);
        return queries.task(t.id(), null);
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
