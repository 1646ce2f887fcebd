package cn.zz.pipeline.events.approval;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One department's task within a parallel approval case. Not a payload by itself.
 *
 * @param department department code, e.g. NDRC, NR, EE, HC
 * @param item approval item code, e.g. PROJECT_FILING, LAND_PRE_APPROVAL; the first of {@code items}
 * @param timeLimitDays statutory time limit (working days unless the rule says calendar days)
 * @param dueDate computed from the time limit and the working-day calendar
 * @param items every item the department's task covers when several rules of one department apply (e.g. NR's
 *     用地预审与选址 and 用地规划许可); null (omitted) or empty when the task covers {@code item} alone
 */
public record ApprovalTask(UUID taskId, String department, String item, int timeLimitDays, LocalDate dueDate,
                                                      List<String> items) {

    public ApprovalTask {
        items = items == null || items.isEmpty() ? null : List.copyOf(items);
    }

    /** A task of a single item. */
    public ApprovalTask(UUID taskId, String department, String item, int timeLimitDays, LocalDate dueDate) {
        this(taskId, department, item, timeLimitDays, dueDate, null);
    }
}
