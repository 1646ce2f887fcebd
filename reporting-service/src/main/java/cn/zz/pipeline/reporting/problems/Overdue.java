package cn.zz.pipeline.reporting.problems;

import java.time.LocalDate;

/**
 * When a problem counts as overdue, for the problem report and the problems ledger: still open (not resolved) past
 * its deadline, as project-service counts it. A problem without a deadline is never overdue.
 */
public final class Overdue {

    private Overdue() {
    }

    /** SQL condition over problem_view aliased {@code alias}; {@code today} is the parameter marker of today. */
    public static String condition(String alias, String today) {
        return "(" + alias + ".resolved_on is null and " + alias + ".deadline < " + today + ")";
    }

    /** The same for an open problem read already. */
    static boolean open(LocalDate deadline, LocalDate today) {
        return deadline != null && deadline.isBefore(today);
    }
}
