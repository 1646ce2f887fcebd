package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.approval.calendar.DayCount;
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
public record TaskView(UUID id, UUID caseId, UUID projectId, String projectCode, String projectName, String district,
                       String department, String departmentName, String item, List<String> items, String itemName,
                       TaskState state, String stateLabel, int timeLimit, DayCount dayCount,
                       @Schema(description = "受理日期：申报日期，办理时限由此起算 (acceptance date of the case: the"
                               + " declaration's date, from which the due date counts)", format = "date",
                               example = "2026-09-14") LocalDate acceptedOn,
                       LocalDate startDate,
                       LocalDate dueDate, int daysUsed, int daysLeft, boolean overdue, boolean clockRunning,
                       int returns, String decidedBy, Instant decidedAt, String comment, Instant overdueAt,
                       String escalatedTo, LocalDate closedOn, long version, List<ActionView> history) {

    /** One entry of a task's history. */
    public record ActionView(Instant at, String actor, String action, String comment, LocalDate dueDate) {
    }
}
