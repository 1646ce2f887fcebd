package cn.zz.pipeline.platform.time;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.events.Stage;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The reporting discipline of the monthly investment figures (月报), in one place for every service: which projects
 * owe a figure for which period, and by when.
 *
 * <ul>
 *   <li>A period is 1-N月 of a year, named by its last month N = 2..12 ({@code yyyy-MM}); January has no period of
 *   its own and folds into 1-2月 ({@link #period(int, int)}).</li>
 *   <li>A project owes a figure for every period from the one its admission (入库) date falls in, as long as it is
 *   admitted or later (入库, 开工, 投产) and not withdrawn ({@link #owes}), up to and including the period it went into
 *   production in (投产 ends the statistics of a project: its last figure is the one of that period;
 *   {@link #lastOwed}).</li>
 *   <li>The figure of 1-N月 is due by day D of month N ({@link #deadline}): D is configured, 25 by default, per
 *   district where set, and a month shorter than D ends the day earlier (D = 30 in February: the 28th or 29th).</li>
 *   <li>It is overdue from the day after the deadline ({@link #daysOverdue}); a project lacks a figure for a period
 *   when it has none for exactly that period (a cumulative figure of a later period does not fill the hole).</li>
 * </ul>
 *
 * Checked at start-up: a day outside 1–31 or an unknown district code stops the service with a message.
 */
@ApplicationScoped
@Startup
public class InvestmentDeadlines {

    /** The first period a figure can exist for (the event contract knows no year before 2000). */
    public static final YearMonth EARLIEST = YearMonth.of(2000, 2);

    private final int defaultDay;
    private final Map<String, Integer> days;

    @Inject
    public InvestmentDeadlines(InvestmentDeadlineConfig config) {
        this(config.day(), config.districts());
    }

    /** Without CDI (tests of the rule, tools): the default day and the districts' own. */
    public InvestmentDeadlines(int defaultDay, Map<String, Integer> districtDays) {
        this.defaultDay = checkedDay("pipeline.investment-deadline.day", defaultDay);
        Map<String, Integer> checked = new HashMap<>();
        districtDays.forEach((district, day) -> {
            String key = "pipeline.investment-deadline.districts.\"" + district + "\"";
            if (!District.known(district)) {
                throw new IllegalArgumentException(key + ": " + district + " is not a district of the city");
            }
            checked.put(district, checkedDay(key, day));
        });
        this.days = Map.copyOf(checked);
    }

    private static int checkedDay(String key, int day) {
        if (day < 1 || day > 31) {
            throw new IllegalArgumentException(key + " = " + day + ": the deadline day must be between 1 and 31");
        }
        return day;
    }

    /** The configured day of {@code district} (before clamping to a month's length). */
    public int day(String district) {
        return days.getOrDefault(district, defaultDay);
    }

    /** The last day the figure of {@code period} (1-N月) is due in {@code district}: day D of month N, clamped. */
    public LocalDate deadline(String district, YearMonth period) {
        YearMonth p = fold(period);
        return p.atDay(Math.min(day(district), p.lengthOfMonth()));
    }

    /** Whole days past the deadline on {@code today}; 0 on the deadline and before it. */
    public long daysOverdue(String district, YearMonth period, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(deadline(district, period), today));
    }

    /** True from the day after the deadline on. */
    public boolean overdue(String district, YearMonth period, LocalDate today) {
        return today.isAfter(deadline(district, period));
    }

    /** The latest period whose deadline in {@code district} had passed on {@code today}. */
    public YearMonth latestPassed(String district, LocalDate today) {
        YearMonth current = periodOf(today);
        // The period before the current one was due in an earlier month, so it has always passed.
        return overdue(district, current, today) ? current : previous(current);
    }

    /** The period 1-N月 of {@code year} and {@code month}; January folds into 1-2月. */
    public static YearMonth period(int year, int month) {
        return YearMonth.of(year, Math.max(2, month));
    }

    /** The period whose month a day falls in: January's days count towards 1-2月. */
    public static YearMonth periodOf(LocalDate day) {
        return period(day.getYear(), day.getMonthValue());
    }

    /** {@code p} with January folded into February. */
    public static YearMonth fold(YearMonth p) {
        return p.getMonthValue() == 1 ? p.withMonth(2) : p;
    }

    /** The next period: 1-12月 is followed by 1-2月 of the next year. */
    public static YearMonth next(YearMonth p) {
        YearMonth n = fold(p).plusMonths(1);
        return fold(n);
    }

    /** The period before: 1-2月 follows 1-12月 of the year before. */
    public static YearMonth previous(YearMonth p) {
        YearMonth f = fold(p);
        return f.getMonthValue() == 2 ? YearMonth.of(f.getYear() - 1, 12) : f.minusMonths(1);
    }

    /** The stages that owe figures: admitted (入库) and later, not withdrawn (先入库，后有数). */
    public static boolean owingStage(Stage stage) {
        return stage == Stage.ADMITTED || stage == Stage.STARTED || stage == Stage.IN_PRODUCTION;
    }

    /** The first period a project admitted on {@code admittedOn} owes; null without an admission date. */
    public static YearMonth firstOwed(LocalDate admittedOn) {
        return admittedOn == null ? null : periodOf(admittedOn);
    }

    /**
     * The last period a project owes: the one it went into production (投产) in; null while it owes on (admitted or
     * started, or in production without a date).
     */
    public static YearMonth lastOwed(Stage stage, LocalDate productionOn) {
        return stage == Stage.IN_PRODUCTION && productionOn != null ? periodOf(productionOn) : null;
    }

    /**
     * Whether a project in {@code stage}, admitted on {@code admittedOn} and in production since {@code productionOn}
     * (null: not in production), owes a figure for {@code period}.
     */
    public static boolean owes(Stage stage, LocalDate admittedOn, LocalDate productionOn, YearMonth period) {
        if (!owingStage(stage) || admittedOn == null || firstOwed(admittedOn).isAfter(fold(period))) {
            return false;
        }
        YearMonth last = lastOwed(stage, productionOn);
        return last == null || !fold(period).isAfter(last);
    }

    /** The first day whose month belongs to {@code period}: 1 January for 1-2月, else the 1st of month N. */
    public static LocalDate firstDay(YearMonth period) {
        YearMonth p = fold(period);
        return p.getMonthValue() == 2 ? LocalDate.of(p.getYear(), 1, 1) : p.atDay(1);
    }

    /** The period's Chinese name, e.g. 1-6月. */
    public static String label(YearMonth period) {
        return "1-" + fold(period).getMonthValue() + "月";
    }
}
