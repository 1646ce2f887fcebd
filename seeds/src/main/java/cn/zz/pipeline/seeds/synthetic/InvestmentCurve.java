package cn.zz.pipeline.seeds.synthetic;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.HistoricalTimeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A synthetic project's monthly reports of completed investment, from its history and size, and its annual plans. */
final class InvestmentCurve {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LocalDate lastDay;
    private final YearMonth lastPeriod;

    /** @param lastPeriod the latest period with reports (last month); lastDay the day before "today" */
    InvestmentCurve(LocalDate lastDay, YearMonth lastPeriod) {
        this.lastDay = lastDay;
        this.lastPeriod = lastPeriod;
    }

    /**
     * Monthly cumulative reports (1-N月, 万元, January folded into 1-2月) from the admission month to last month,
     * the production month or the last month ending before the withdrawal. Completed investment follows a small
     * linear preparation share from admission to the start, then an S-curve (smoothstep) to the completion share
     * at the end of construction; a year's figure is the curve's growth since 1 January, floored to 0.1 万元, so
     * figures never go down within a year and never add up past the total investment.
     */
    List<HistoricalTimeline.Report> reports(HistoricalTimeline.Dates d, Stage stage, long total,
                                                    double preShare, double finalShare,
                                                    LocalDate plannedProduction, int overrun) {
        if (d.admittedOn() == null) {
            return List.of();
        }
        YearMonth first = YearMonth.from(d.admittedOn());
        if (first.getMonthValue() == 1) {
            first = first.plusMonths(1);
        }
        YearMonth last = lastPeriod;
        if (d.productionOn() != null && YearMonth.from(d.productionOn()).isBefore(last)) {
            last = YearMonth.from(d.productionOn());
        }
        if (d.withdrawnOn() != null && YearMonth.from(d.withdrawnOn()).minusMonths(1).isBefore(last)) {
            last = YearMonth.from(d.withdrawnOn()).minusMonths(1);
        }
        if (first.isAfter(last)) {
            return List.of();
        }
        long admitted = d.admittedOn().toEpochDay();
        long started = d.startedOn() == null ? -1 : d.startedOn().toEpochDay();
        long end;
        if (d.productionOn() != null) {
            end = d.productionOn().toEpochDay();
        } else {
            end = plannedProduction.toEpochDay();
            if (stage == Stage.STARTED) { // still building: late projects finish some months after today
                end = Math.max(end, lastDay.toEpochDay() + overrun);
            }
        }
        Curve curve = new Curve(admitted, started, Math.max(end, started + 90), total * preShare, total * finalShare);
        List<HistoricalTimeline.Report> out = new ArrayList<>();
        for (YearMonth p = first; !p.isAfter(last); p = p.plusMonths(1)) {
            if (p.getMonthValue() == 1) {
                continue;
            }
            long yearStart = curve.tenths(LocalDate.of(p.getYear(), 1, 1).toEpochDay());
            long monthEnd = curve.tenths(p.plusMonths(1).atDay(1).toEpochDay());
            out.add(new HistoricalTimeline.Report(p, Generator.tenths(monthEnd - yearStart), null));
        }
        return out;
    }

    /**
     * Annual plans (年度计划投资) of an admitted project, as the seeds' plans.csv has them: one for each year it
     * reports in, 1.00–1.25 times (a percent drawn from {@code r}) what the year's figures reach, rounded up to
     * 100万元. What a year reaches is its last cumulative figure; in the year of last month, for a project still
     * building, that figure extrapolated to twelve months (the year is not over). Every year lies within the
     * project's life as the plan rule has it: from its admission (not before its registration) to last month's year
     * or its production's year.
     *
     * @param reports the project's reports, periods in order
     * @param building no production date: the project still reports next month
     */
    List<HistoricalTimeline.Plan> plans(List<HistoricalTimeline.Report> reports, boolean building, Rng r) {
        List<HistoricalTimeline.Plan> out = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            HistoricalTimeline.Report last = reports.get(i);
            int year = last.period().getYear();
            if (i + 1 < reports.size() && reports.get(i + 1).period().getYear() == year) {
                continue; // not the year's last figure
            }
            int months = building && last.period().equals(lastPeriod) ? last.period().getMonthValue() : 12;
            BigDecimal percent = BigDecimal.valueOf(100 + r.nextInt(26));
            // reached × 12 / months × percent / 100, in 100万元, rounded up; at least 100万元 (a plan is > 0)
            BigDecimal hundreds = last.amount().multiply(BigDecimal.valueOf(12)).multiply(percent)
                    .divide(BigDecimal.valueOf(months * 100L * 100L), 0, RoundingMode.CEILING);
            out.add(new HistoricalTimeline.Plan(year, HUNDRED.multiply(hundreds.max(BigDecimal.ONE))));
        }
        return out;
    }

    /** Completed investment before a given day (epoch days), in 0.1 万元, floored. */
    private record Curve(long admitted, long started, long end, double preparation, double completion) {

        long tenths(long day) {
            if (day <= admitted) {
                return 0;
            }
            double c;
            if (started < 0 || day <= started) {
                long prepEnd = started >= 0 ? started : admitted + 180;
                c = preparation * Math.min(1.0, (day - admitted) / (double) Math.max(1, prepEnd - admitted));
            } else {
                double x = Math.min(1.0, (day - started) / (double) Math.max(1, end - started));
                c = preparation + (completion - preparation) * x * x * (3 - 2 * x);
            }
            return (long) Math.floor(c * 10);
        }
    }
}
