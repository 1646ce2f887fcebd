package cn.zz.pipeline.approval.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One year of the working-day calendar as the API shows it. An unconfigured year has version 0, no holidays and
 * workdays, and counts Monday to Friday.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CalendarYear", description = "一年的工作日历 (one year of the working-day calendar)")
public record CalendarYearView(
        @Schema(required = true, description = "年度 (year)", minimum = "2000", maximum = "2100", examples = "2027")
        int year,
        @Schema(required = true, description = "是否已维护；未维护的年度按周一至周五计工作日 (whether an admin"
                + " configured the year; an unconfigured year counts Monday to Friday)") boolean configured,
        @Schema(required = true, description = "版本，未维护为 0，即 ETag (version, 0 when unconfigured; the ETag)",
                minimum = "0") long version,
        @Schema(required = true, description = "法定节假日放假日，按日期升序 (public holidays off work, by date)")
        List<Day> holidays,
        @Schema(required = true, description = "调休上班日（周末），按日期升序 (make-up workdays on weekends, by date)")
        List<Day> workdays,
        @Schema(required = true, description = "全年工作日天数 (working days in the year)", minimum = "0",
                maximum = "366", examples = "248") int workingDays,
        @Schema(description = "最近修改时间，未维护时省略 (when last saved; absent when unconfigured)",
                format = "date-time") Instant updatedAt,
        @Schema(description = "最近修改人，未维护时省略 (who last saved; absent when unconfigured)",
                examples = "admin") String updatedBy) {

    @Schema(name = "CalendarDay", description = "日历中的一天 (one day of the calendar)")
    public record Day(
            @Schema(required = true, description = "日期 (date)", format = "date", examples = "2027-10-01")
            LocalDate date,
            @Schema(required = true, description = "名称 (name)", examples = "国庆节") String name) {
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
