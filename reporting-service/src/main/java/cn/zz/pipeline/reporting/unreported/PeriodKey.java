package cn.zz.pipeline.reporting.unreported;

import cn.zz.pipeline.platform.time.InvestmentDeadlines;

import java.time.YearMonth;

/** A period 1-N月 as the 未报清单's tables store it: yyyymm (202606), January folded into 1-2月. */
public final class PeriodKey {

    private PeriodKey() {
    }

    public static int of(YearMonth period) {
        YearMonth p = InvestmentDeadlines.fold(period);
        return p.getYear() * 100 + p.getMonthValue();
    }

    public static int of(int year, int month) {
        return of(InvestmentDeadlines.period(year, month));
    }

    public static YearMonth period(int key) {
        return YearMonth.of(key / 100, key % 100);
    }
}
