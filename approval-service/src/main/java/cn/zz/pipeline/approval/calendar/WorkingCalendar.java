package cn.zz.pipeline.approval.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working-day arithmetic (工作日历) over the configured years; a year that is not configured counts Monday to Friday
 * as working days. Immutable and thread-safe.
 *
 * <p>Each year is held as a running count of its working days by day of year, so that counting the working days of
 * a range is two array lookups per year touched, and finding the n-th working day is a binary search.
 */
public final class WorkingCalendar {

    /** Weekend-only tables of the years around now, shared by every calendar (they never change). */
    private static final int FALLBACK_CACHE_FROM = 1900;
    private static final int FALLBACK_CACHE_TO = 2300;
    private static final Map<Integer, YearTable> FALLBACK = new ConcurrentHashMap<>();

    private final Map<Integer, YearTable> configured;

    private WorkingCalendar(Map<Integer, YearTable> configured) {
        this.configured = configured;
    }

    /**
     * @param years the configured years; a year not given falls back to Monday-Friday workdays
     * @throws IllegalArgumentException when a year is given twice
     */
    public static WorkingCalendar of(Collection<CalendarYear> years) {
        Map<Integer, YearTable> tables = new HashMap<>();
        for (CalendarYear y : years) {
            if (tables.put(y.year(), YearTable.of(y)) != null) {
                throw new IllegalArgumentException("year " + y.year() + " given twice");
            }
        }
        return new WorkingCalendar(Map.copyOf(tables));
    }

    /** True if the year's holidays and make-up workdays are known (otherwise it counts Monday to Friday). */
    public boolean configured(int year) {
        return configured.containsKey(year);
    }

    /** A weekday that is not a holiday, or a make-up workday (调休上班). */
    public boolean isWorkingDay(LocalDate day) {
        return table(day.getYear()).working(day.getDayOfYear());
    }

    /** Working days of a whole year. */
    public int workingDaysIn(int year) {
        return table(year).total();
    }

    /**
     * The n-th working day after {@code start}; {@code start} itself never counts, {@code n = 0} gives {@code start}.
     *
     * @throws IllegalArgumentException for a negative n
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return start;
        }
        int year = start.getYear();
        int after = start.getDayOfYear(); // days of year up to and including this one are behind us
        int remaining = n;
        while (true) {
            YearTable t = table(year);
            int left = t.total() - t.cum[after];
            if (remaining <= left) {
                return LocalDate.ofYearDay(year, t.dayReaching(t.cum[after] + remaining, after + 1));
            }
            remaining -= left;
            year++;
            after = 0;
        }
    }

    /** Working days in (fromExclusive, toInclusive]; 0 when {@code toInclusive} is not after {@code fromExclusive}. */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (!toInclusive.isAfter(fromExclusive)) {
            return 0;
        }
        int fromYear = fromExclusive.getYear();
        int toYear = toInclusive.getYear();
        YearTable first = table(fromYear);
        if (fromYear == toYear) {
            return first.cum[toInclusive.getDayOfYear()] - first.cum[fromExclusive.getDayOfYear()];
        }
        int count = first.total() - first.cum[fromExclusive.getDayOfYear()];
        for (int y = fromYear + 1; y < toYear; y++) {
            count += table(y).total();
        }
        return count + table(toYear).cum[toInclusive.getDayOfYear()];
    }

    /**
     * Due date of a time limit that starts on {@code start}: for {@link DayCount#WORKING} the limit-th working day
     * after the start; for {@link DayCount#CALENDAR} {@code start + limit} days, moved to the next working day when
     * that is a day off (法定期间届满日遇节假日顺延).
     *
     * @throws IllegalArgumentException for a negative limit
     */
    public LocalDate due(LocalDate start, int limit, DayCount count) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(count, "count");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (count == DayCount.WORKING) {
            return addWorkingDays(start, limit);
        }
        LocalDate end = start.plusDays(limit);
        return isWorkingDay(end) ? end : addWorkingDays(end, 1);
    }

    /**
     * Days of a limit used in (fromExclusive, toInclusive]: working days for {@link DayCount#WORKING}, calendar days
     * for {@link DayCount#CALENDAR}; 0 when {@code toInclusive} is not after {@code fromExclusive}.
     */
    public int used(LocalDate fromExclusive, LocalDate toInclusive, DayCount count) {
        Objects.requireNonNull(count, "count");
        if (!toInclusive.isAfter(fromExclusive)) {
            return 0;
        }
        if (count == DayCount.WORKING) {
            return workingDaysBetween(fromExclusive, toInclusive);
        }
        return Math.toIntExact(ChronoUnit.DAYS.between(fromExclusive, toInclusive));
    }

    private YearTable table(int year) {
        YearTable t = configured.get(year);
        if (t != null) {
            return t;
        }
        if (year >= FALLBACK_CACHE_FROM && year <= FALLBACK_CACHE_TO) {
            return FALLBACK.computeIfAbsent(year, YearTable::weekdays);
        }
        return YearTable.weekdays(year);
    }

    /** One year: {@code cum[d]} = working days among days of year 1..d ({@code cum[0] = 0}). */
    private static final class YearTable {

        private final int[] cum;

        private YearTable(int[] cum) {
            this.cum = cum;
        }

        static YearTable weekdays(int year) {
            return build(year, Map.of(), Map.of());
        }

        static YearTable of(CalendarYear y) {
            return build(y.year(), y.holidays(), y.workdays());
        }

        private static YearTable build(int year, Map<LocalDate, String> holidays, Map<LocalDate, String> workdays) {
            int length = Year.of(year).length();
            int[] cum = new int[length + 1];
            LocalDate day = LocalDate.ofYearDay(year, 1);
            for (int d = 1; d <= length; d++, day = day.plusDays(1)) {
                boolean working;
                if (workdays.containsKey(day)) {
                    working = true;
                } else if (holidays.containsKey(day)) {
                    working = false;
                } else {
                    DayOfWeek dow = day.getDayOfWeek();
                    working = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
                }
                cum[d] = cum[d - 1] + (working ? 1 : 0);
            }
            return new YearTable(cum);
        }

        int total() {
            return cum[cum.length - 1];
        }

        boolean working(int dayOfYear) {
            return cum[dayOfYear] != cum[dayOfYear - 1];
        }

        /** The first day of year, from {@code from} on, whose running count reaches {@code target} (it exists). */
        int dayReaching(int target, int from) {
            int lo = from;
            int hi = cum.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] >= target) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }
}
