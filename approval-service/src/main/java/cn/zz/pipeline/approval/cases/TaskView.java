package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.approval.calendar.DayCount;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A task as the API shows it: its clock as of today ({@code daysUsed}, {@code daysLeft}, {@code overdue}) and, on
 * the single-task read, its history.
 *
 * @param acceptedOn 受理日期 of the task's case: the declaration's date, from which the due date counts
 * @param daysLeft negative once the due date has passed
 * @param clockRunning false while returned for supplement (补正) and after the task closed
 * @param history null in lists
 */
@Schema(name = "ApprovalTask", description = "一个部门的审批事项 (one department's approval task)")
public record TaskView(
        @Schema(required = true, description = "事项 ID (task id)") UUID id,
        @Schema(required = true, description = "所属案件 ID (case id)") UUID caseId,
        @Schema(required = true, description = "项目 ID (project id)") UUID projectId,
        @Schema(required = true, description = "项目代码 (project code)", examples = "2026-410184-39-01-000123")
        String projectCode,
        @Schema(required = true, description = "项目名称 (project name)") String projectName,
        @Schema(required = true, description = "项目所在区县代码 (region code of the project)", examples = "410184")
        String district,
        @Schema(required = true, description = "审批部门代码 (department code, as in the approvers' department"
                + " claim)", examples = "NDRC") String department,
        @Schema(required = true, description = "审批部门名称 (department name)", examples = "发展和改革委员会")
        String departmentName,
        @Schema(required = true, description = "主事项代码，即 items 的第一项 (the main item code: the first of"
                + " items)", examples = "PROJECT_FILING") String item,
        @Schema(required = true, description = "本事项涵盖的全部事项代码 (every item code this task covers)")
        List<String> items,
        @Schema(required = true, description = "事项名称，多项以、连接 (item names, joined by 、)",
                examples = "用地预审与选址意见书、建设用地规划许可证") String itemName,
        @Schema(required = true, description = "事项状态 (task state): PENDING 办理中, RETURNED 退回补正, APPROVED 已批准,"
                + " REJECTED 不予批准, CANCELLED 已撤销") TaskState state,
        @Schema(required = true, description = "状态中文名 (state label)", examples = "办理中") String stateLabel,
        @Schema(required = true, description = "法定办理时限，单位为天，按 dayCount 计 (statutory time limit in days,"
                + " counted as dayCount says)", minimum = "1", maximum = "365") int timeLimit,
        @Schema(required = true, description = "时限计法：WORKING 工作日, CALENDAR 自然日 (how the limit counts days)")
        DayCount dayCount,
        @Schema(required = true, description = "受理日期：申报日期，办理时限由此起算 (acceptance date of the case: the"
                + " declaration's date, from which the due date counts)", format = "date", examples = "2026-09-14")
        LocalDate acceptedOn,
        @Schema(required = true, description = "计时起始日 (the day the clock started)", format = "date")
        LocalDate startDate,
        @Schema(required = true, description = "办理期限，补正后重新计算 (due date; recomputed after a resubmission)",
                format = "date") LocalDate dueDate,
        @Schema(required = true, description = "已用天数（按 dayCount 计） (days used so far, counted as dayCount"
                + " says)", minimum = "0") int daysUsed,
        @Schema(required = true, description = "剩余天数，超期为负 (days left; negative once past due)") int daysLeft,
        @Schema(required = true, description = "办理中且已过期限 (pending and past its due date)") boolean overdue,
        @Schema(required = true, description = "计时中；退回补正期间和办结后为 false (the clock runs; false while"
                + " returned and once closed)") boolean clockRunning,
        @Schema(required = true, description = "退回补正次数 (times returned for supplement)", minimum = "0")
        int returns,
        @Schema(description = "办结人，未办结为空 (who decided; null until decided)", examples = "approver.ndrc")
        String decidedBy,
        @Schema(description = "办结时间，未办结为空 (when decided; null until decided)", format = "date-time")
        Instant decidedAt,
        @Schema(description = "最近一次决定或退回的意见 (the comment of the last decision or return)") String comment,
        @Schema(description = "标记超期的时间，未超期为空 (when marked overdue; null if never)", format = "date-time")
        Instant overdueAt,
        @Schema(description = "超期后提醒的分包领导，未超期或项目未指定领导为空 (the leader the overdue task was"
                + " escalated to; null if not overdue or no leader assigned)", examples = "leader.city")
        String escalatedTo,
        @Schema(description = "办结或撤销日期，未办结为空 (the day the task closed; null while open)", format = "date")
        LocalDate closedOn,
        @Schema(required = true, description = "事项的版本，每次变更加一 (the task's version, bumped by each change)",
                minimum = "0") long version,
        @Schema(description = "办理记录，仅单个事项查询时给出，列表中为空 (the task's history, oldest first; only on"
                + " GET /api/approval-tasks/{id}, null in lists)") List<ActionView> history) {

    /** One entry of a task's history. */
    @Schema(name = "ApprovalTaskAction", description = "办理记录一条 (one entry of a task's history)")
    public record ActionView(
            @Schema(required = true, description = "时间 (when)", format = "date-time") Instant at,
            @Schema(required = true, description = "办理人，系统操作为 system (who; system for automatic actions)",
                    examples = "approver.ndrc") String actor,
            @Schema(required = true, description = "动作 (action): OPENED 受理, APPROVE 批准, REJECT 不予批准, RETURN"
                    + " 退回补正, RESUBMIT 补正后重新提交, OVERDUE 超期, CANCELLED 撤销", type = SchemaType.STRING,
                    enumeration = {"OPENED", "APPROVE", "REJECT", "RETURN", "RESUBMIT", "OVERDUE", "CANCELLED"})
            String action,
            @Schema(description = "意见或说明 (comment or note)") String comment,
            @Schema(description = "此时的办理期限（受理、补正、超期时给出） (the due date then: on OPENED, RESUBMIT"
                    + " and OVERDUE)", format = "date") LocalDate dueDate) {
    }
}
