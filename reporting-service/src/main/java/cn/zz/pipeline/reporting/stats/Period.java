package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.web.Params;

import java.time.LocalDate;

/**
 * A statistics period 1-N月 of a year. January has no period of its own (the first is 1-2月), so month is 2..12.
 * By default the latest complete month: in March 2026 that is 1-2月 2026, in January or February 1-12月 of the year
 * before.
 */
public record Period(int year, int month) {

    public static Period latest(LocalDate today) {
        int month = today.getMonthValue() - 1;
        return month < Figures.FIRST_MONTH ? new Period(today.getYear() - 1, 12) : new Period(today.getYear(), month);
    }

    /** From the query parameters {@code year} and {@code month}, either may be absent. */
    public static Period of(String rawYear, String rawMonth, LocalDate today) {
        Period latest = latest(today);
        int year = Params.intParam("year", rawYear, latest.year(), 2000, 2100);
        int defaultMonth = year < latest.year() ? 12 : year == latest.year() ? latest.month() : Figures.FIRST_MONTH;
        if (rawMonth != null && rawMonth.trim().equals("1")) {
            throw ApiException.badRequest(new Violation("month", "january-folded",
                    "1月不单独统计，首个统计期为1-2月，请用 month=2 (January is reported with February as 1-2月)", 1, 2));
        }
        int month = Params.intParam("month", rawMonth, defaultMonth, Figures.FIRST_MONTH, 12);
        return new Period(year, month);
    }

    public String code() {
        return String.format("%04d-%02d", year, month);
    }

    /** e.g. 1-6月 */
    public String label() {
        return "1-" + month + "月";
    }

    public Period sameLastYear() {
        return new Period(year - 1, month);
    }
}
