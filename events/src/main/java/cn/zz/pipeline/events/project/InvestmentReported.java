package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.EventPayload;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Completed investment of a project for one period, cumulative 1-N月 in 万元. A later report for the same period is
 * a correction and replaces the earlier one.
 *
 * @param period {@code yyyy-MM}, always consistent with {@code year} and {@code month}
 * @param previousAmount the amount this report replaces for the same period, null for the first report
 */
public record InvestmentReported(UUID projectId, String code, String district, String period, int year, int month,
                                                                  BigDecimal amount, BigDecimal previousAmount, String reason, String actor)
        implements EventPayload {

    public InvestmentReported {
        amount = Decimals.canonical(amount);
        previousAmount = Decimals.canonical(previousAmount);
        // period duplicates year/month for readability; a mismatch would let consumers count the wrong month.
        if (period != null && !samePeriod(period, year, month)) {
            throw new IllegalArgumentException("period " + period + " does not match year " + year + " month " + month);
        }
    }

    /** {@code period.equals(String.format("%04d-%02d", year, month))} without a formatter (a hot path of consumers). */
    private static boolean samePeriod(String period, int year, int month) {
        if (year < 0 || year > 9999 || month < 0 || month > 99) {
            return period.equals(String.format("%04d-%02d", year, month));
        }
        return period.length() == 7 && period.charAt(4) == '-'
                && period.charAt(0) == '0' + year / 1000 && period.charAt(1) == '0' + year / 100 % 10
                && period.charAt(2) == '0' + year / 10 % 10 && period.charAt(3) == '0' + year % 10
                && period.charAt(5) == '0' + month / 10 && period.charAt(6) == '0' + month % 10;
    }
}
