package cn.zz.pipeline.reporting.approvals;

/**
 * When an approval task counts as overdue, for every report and ledger: approval-service announced it so
 * (task-overdue), or it still waits for a decision (PENDING, clock running) past its due date. A RETURNED task is
 * with the applicant (补正): its clock is stopped, so it is not overdue by its old due date.
 */
public final class Overdue {

    private Overdue() {
    }

    /** SQL condition over approval_task_view aliased {@code t}; {@code today} is the parameter marker of today. */
    public static String condition(String today) {
        return "(t.overdue or (t.state = 'PENDING' and t.due_date < " + today + "))";
    }
}
