package cn.zz.pipeline.approval.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The State Council's schedule for one year: days off that would otherwise be working days (holidays, e.g.
 * 2025-01-28 "春节") and make-up workdays (调休上班) that would otherwise be weekend days. The value of each entry is
 * the display name. Both maps are copied, sorted by date, and unmodifiable.
 *
 * @throws IllegalArgumentException when a date lies outside {@code year} or is both a holiday and a workday
 */
public record CalendarYear(int year, Map<LocalDate, String> holidays, Map<LocalDate, String> workdays) {

    public CalendarYear {
        holidays = copy(year, holidays, "holiday");
        workdays = copy(year, workdays, "workday");
        for (LocalDate day : workdays.keySet()) {
            if (holidays.containsKey(day)) {
                throw new IllegalArgumentException(day + " is both a holiday and a workday");
            }
        }
    }

    /** A year with no holidays and no make-up workdays: configured, but Monday to Friday only. */
    public static CalendarYear empty(int year) {
        return new CalendarYear(year, Map.of(), Map.of());
    }

    private static Map<LocalDate, String> copy(int year, Map<LocalDate, String> days, String what) {
        TreeMap<LocalDate, String> sorted = new TreeMap<>();
        if (days != null) {
            for (Map.Entry<LocalDate, String> e : days.entrySet()) {
                LocalDate day = Objects.requireNonNull(e.getKey(), what + " date");
                if (day.getYear() != year) {
                    throw new IllegalArgumentException(what + " " + day + " is not in " + year);
                }
                sorted.put(day, Objects.requireNonNull(e.getValue(), what + " name"));
            }
        }
        return Collections.unmodifiableMap(sorted);
    }
}
