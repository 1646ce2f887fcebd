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
public record CaseView(UUID id, UUID projectId, String projectCode, String projectName, String district,
                       CaseState state, String stateLabel, int ruleVersion,
                       @Schema(description = "受理日期：申报日期，各事项办理时限由此起算 (acceptance date: the declaration's"
                               + " date, from which the due dates count)", format = "date", example = "2026-09-14")
                       LocalDate acceptedOn,
                       @Schema(description = "同 acceptedOn (same as acceptedOn, kept for existing clients)",
                               format = "date") LocalDate openedOn,
                       @Schema(description = "案件在本系统创建的时间 (when this service opened the case)",
                               format = "date-time") Instant openedAt,
                       @Schema(nullable = true, description = "办结时间，未办结为空 (when the case closed; null while open)",
                               format = "date-time") Instant closedAt,
                       List<TaskView> tasks) {
}
