package cn.zz.pipeline.approval.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One year of the working-day calendar as the API shows it. An unconfigured year has version 0, no holidays and
 * workdays, and counts Monday to Friday.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalendarYearView(int year, boolean configured, long version, List<Day> holidays, List<Day> workdays,
                               int workingDays, Instant updatedAt, String updatedBy) {

    public record Day(LocalDate date, String name) {
    }

    static CalendarYearView of(CalendarYear y, boolean configured, long version, Instant updatedAt, String updatedBy) {
        return new CalendarYearView(y.year(), configured, version, days(y.holidays()), days(y.workdays()),
                WorkingCalendar.of(List.of(y)).workingDaysIn(y.year()), updatedAt, updatedBy);
    }

    static CalendarYearView unconfigured(int year) {
        return new CalendarYearView(year, false, 0, List.of(), List.of(),
                WorkingCalendar.of(List.of()).workingDaysIn(year), null, null);
    }

    private static List<Day> days(Map<LocalDate, String> days) {
        return days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
    }
}
