package cn.zz.pipeline.events.approval;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One department's task within a parallel approval case. Not a payload by itself.
 *
 * @param department department code, e.g. NDRC, NR, EE, HC
 * @param item approval item code, e.g. FILING, LAND_PRE_APPROVAL
 * @param timeLimitDays statutory time limit (working days unless the rule says calendar days)
 * @param dueDate computed from the time limit and the working-day calendar
 */
public record ApprovalTask(UUID taskId, String department, String item, int timeLimitDays, LocalDate dueDate) {
}
