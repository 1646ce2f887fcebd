package cn.zz.pipeline.approval.cases;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case with all its tasks; {@code ruleVersion} is the rule table version that chose them.
 *
 * @param acceptedOn 受理日期: the declaration's date, from which the tasks' due dates count
 * @param openedOn the same day as {@code acceptedOn} (kept for existing clients)
 * @param openedAt when this service opened the case (may be later than the acceptance date)
 */
@Schema(name = "ApprovalCase", description = "并联审批案件及其各部门事项 (a parallel approval case with its tasks)")
public record CaseView(
        @Schema(required = true, description = "案件 ID (case id)") UUID id,
        @Schema(required = true, description = "项目 ID (project id)") UUID projectId,
        @Schema(required = true, description = "项目代码 (project code)", examples = "2026-410184-39-01-000123")
        String projectCode,
        @Schema(required = true, description = "项目名称 (project name)") String projectName,
        @Schema(required = true, description = "项目所在区县代码 (region code of the project)", examples = "410184")
        String district,
        @Schema(required = true, description = "案件状态 (case state): OPEN 办理中, APPROVED 已批准, REJECTED 不予批准,"
                + " CANCELLED 已撤销") CaseState state,
        @Schema(required = true, description = "状态中文名 (state label)", examples = "办理中") String stateLabel,
        @Schema(required = true, description = "选定各事项的审批规则表版本 (the rule table version that chose the"
                + " tasks)", minimum = "1") int ruleVersion,
        @Schema(required = true, description = "受理日期：申报日期，各事项办理时限由此起算 (acceptance date: the"
                + " declaration's date, from which the due dates count)", format = "date", examples = "2026-09-14")
        LocalDate acceptedOn,
        @Schema(required = true, description = "同 acceptedOn (same as acceptedOn, kept for existing clients)",
                format = "date", deprecated = true) LocalDate openedOn,
        @Schema(required = true, description = "案件在本系统创建的时间 (when this service opened the case)",
                format = "date-time") Instant openedAt,
        @Schema(description = "办结时间，未办结为空 (when the case closed; null while open)", format = "date-time")
        Instant closedAt,
        @Schema(required = true, description = "各部门的审批事项，无 history (the departments' tasks, without history)")
        List<TaskView> tasks) {
}
