package cn.zz.pipeline.approval.calendar;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.web.Params;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT /api/calendars/{year}}: the whole schedule of the year, replacing what was there. Dates are
 * taken as strings so that every malformed one is reported with the others, each naming its field
 * ({@code holidays[2].date}).
 */
@Schema(name = "CalendarYearRequest", description = "一年的完整日程，替换原有内容 (the whole schedule of the year,"
        + " replacing what was there)")
public record CalendarBody(
        @Schema(required = true, description = "放假日，可为空数组；日期须在该年度内且不重复 (public holidays off work; may"
                + " be empty; dates within the year, no duplicates)", maxItems = MAX_ENTRIES) List<Entry> holidays,
        @Schema(required = true, description = "调休上班日，须为周六或周日且不与放假日重复，可为空数组 (make-up workdays: a"
                + " Saturday or Sunday of the year that is not a holiday; may be empty)", maxItems = MAX_ENTRIES)
        List<Entry> workdays) {

    public static final int MAX_NAME_LENGTH = 50;
    /** More entries than days in a year cannot be right (and a hostile body stops here). */
    public static final int MAX_ENTRIES = 366;

    @Schema(name = "CalendarEntry", description = "日历中的一天 (one day of the schedule)")
    public record Entry(
            @Schema(required = true, description = "日期 yyyy-MM-dd，须在该年度内 (date within the year)",
                    format = "date", examples = "2027-10-01") String date,
            @Schema(required = true, description = "名称，不含控制字符 (name, no control characters)", minLength = 1,
                    maxLength = MAX_NAME_LENGTH, examples = "国庆节") String name) {
    }

    /**
     * The year this body describes.
     *
     * @throws ApiException 400 listing every broken rule: required, invalid-format, not-in-year, duplicate,
     *                      conflict (both holiday and workday), not-a-weekend (a make-up workday on a weekday),
     *                      NotBlank, Size, PlainText
     */
    public CalendarYear toYear(int year) {
        List<Violation> violations = new ArrayList<>();
        Map<LocalDate, String> off = read("holidays", holidays, year, null, violations);
        Map<LocalDate, String> on = read("workdays", workdays, year, off, violations);
        if (!violations.isEmpty()) {
            throw ApiException.badRequest(summary(violations), violations);
        }
        return new CalendarYear(year, off, on);
    }

    /** @param holidays null when reading the holidays; the holidays read when reading the workdays */
    private static Map<LocalDate, String> read(String list, List<Entry> entries, int year,
                                               Map<LocalDate, String> holidays, List<Violation> out) {
        Map<LocalDate, String> days = new LinkedHashMap<>();
        if (entries == null) {
            out.add(Violation.of(list, "required", "必须提供（可为空数组） (required; may be an empty array)"));
            return days;
        }
        if (entries.size() > MAX_ENTRIES) {
            out.add(new Violation(list, "Size", "最多 " + MAX_ENTRIES + " 项 (at most " + MAX_ENTRIES + " entries)",
                    entries.size(), Map.of("max", MAX_ENTRIES)));
            return days;
        }
        Map<LocalDate, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String field = list + "[" + i + "]";
            Entry e = entries.get(i);
            if (e == null) {
                out.add(Violation.of(field, "required", "不能为空 (an entry must not be null)"));
                continue;
            }
            LocalDate day = date(field + ".date", e.date(), year, out);
            String name = name(field + ".name", e.name(), out);
            if (day == null) {
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(day, i);
            if (earlier != null) {
                out.add(new Violation(field + ".date", "duplicate", "日期与 " + list + "[" + earlier + "] 重复"
                        + " (duplicate of " + list + "[" + earlier + "])", day.toString(), null));
                continue;
            }
            if (holidays != null) {
                if (holidays.containsKey(day)) {
                    out.add(new Violation(field + ".date", "conflict", "同一天不能既是放假日又是调休上班日"
                            + " (a day cannot be both a holiday and a workday)", day.toString(), null));
                    continue;
                }
                DayOfWeek dow = day.getDayOfWeek();
                if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                    out.add(new Violation(field + ".date", "not-a-weekend", "调休上班日应为周六或周日，该日为工作日"
                            + " (a make-up workday must be a Saturday or Sunday)", day.toString(),
                            List.of("SATURDAY", "SUNDAY")));
                    continue;
                }
            }
            days.put(day, name == null ? "" : name); // a bad name is reported; the date still counts for conflicts
        }
        return days;
    }

    private static LocalDate date(String field, String raw, int year, List<Violation> out) {
        if (raw == null || raw.isBlank()) {
            out.add(Violation.of(field, "required", "日期不能为空 (date is required)"));
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(raw.strip()); // ISO yyyy-MM-dd, strict: 2027-02-30 is refused
        } catch (DateTimeException e) {
            out.add(new Violation(field, "invalid-format", "日期格式应为 yyyy-MM-dd (expected yyyy-MM-dd)",
                    Params.cut(raw), "yyyy-MM-dd"));
            return null;
        }
        if (day.getYear() != year) {
            out.add(new Violation(field, "not-in-year", "日期不在 " + year + " 年内 (date is not in " + year + ")",
                    day.toString(), year));
            return null;
        }
        return day;
    }

    private static String name(String field, String raw, List<Violation> out) {
        if (raw == null || raw.isBlank()) {
            out.add(Violation.of(field, "NotBlank", "名称不能为空 (name is required)"));
            return null;
        }
        String name = raw.strip();
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            out.add(new Violation(field, "PlainText", "不能包含控制字符 (no control characters)", null, null));
            return null;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            out.add(new Violation(field, "Size", "名称不能超过 " + MAX_NAME_LENGTH + " 个字符 (at most "
                    + MAX_NAME_LENGTH + " characters)", Params.cut(name), Map.of("max", MAX_NAME_LENGTH)));
            return null;
        }
        return name;
    }

    private static String summary(List<Violation> violations) {
        if (violations.size() == 1) {
            return violations.get(0).field() + ": " + violations.get(0).message();
        }
        return violations.size() + " 处输入有误 (" + violations.size() + " invalid fields)";
    }
}
