package cn.zz.pipeline.reporting.stats;

import java.math.BigDecimal;

/**
 * The rule that turns a project's reported cumulative figures (1-N月, months 2..12 of one year) into its
 * contribution to each month's year-to-date total: a month without a report carries the latest earlier figure of
 * the year forward (the project did not stop counting because it missed a report). Index = month; 0 and 1 unused.
 */
public final class Figures {

    public static final int FIRST_MONTH = 2; // January is folded into 1-2月
    public static final int MONTHS = 13;

    private Figures() {
    }

    /** Cumulative figure in force at each month (carried forward), from the reported ones (null = not reported). */
    public static BigDecimal[] carried(BigDecimal[] reported) {
        BigDecimal[] out = new BigDecimal[MONTHS];
        BigDecimal last = BigDecimal.ZERO;
        for (int m = FIRST_MONTH; m < MONTHS; m++) {
            if (reported != null && reported[m] != null) {
                last = reported[m];
            }
            out[m] = last;
        }
        return out;
    }

    /** The month-on-month changes of {@link #carried}: what investment_total stores per month. */
    public static BigDecimal[] deltas(BigDecimal[] reported) {
        BigDecimal[] carried = carried(reported);
        BigDecimal[] out = new BigDecimal[MONTHS];
        BigDecimal previous = BigDecimal.ZERO;
        for (int m = FIRST_MONTH; m < MONTHS; m++) {
            out[m] = carried[m].subtract(previous);
            previous = carried[m];
        }
        return out;
    }

    /** The latest reported figure of the year up to and including {@code month}, zero if none. */
    public static BigDecimal asOf(BigDecimal[] reported, int month) {
        return carried(reported)[Math.max(FIRST_MONTH, Math.min(month, MONTHS - 1))];
    }
}
