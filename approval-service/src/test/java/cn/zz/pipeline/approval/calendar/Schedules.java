package cn.zz.pipeline.approval.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The published holiday schedules 2024-2026 written out independently of the migration, for the unit tests and to
 * check what the migration stored.
 */
final class Schedules {

    private Schedules() {
    }

    static final CalendarYear Y2024 = year(2024,
            off("元旦", "2024-01-01", "2024-01-01"), off("春节", "2024-02-10", "2024-02-17"),
            off("清明节", "2024-04-04", "2024-04-06"), off("劳动节", "2024-05-01", "2024-05-05"),
            off("端午节", "2024-06-10", "2024-06-10"), off("中秋节", "2024-09-15", "2024-09-17"),
            off("国庆节", "2024-10-01", "2024-10-07"),
            on("春节调休", "2024-02-04", "2024-02-18"), on("清明节调休", "2024-04-07"),
            on("劳动节调休", "2024-04-28", "2024-05-11"), on("中秋节调休", "2024-09-14"),
            on("国庆节调休", "2024-09-29", "2024-10-12"));

    static final CalendarYear Y2025 = year(2025,
            off("元旦", "2025-01-01", "2025-01-01"), off("春节", "2025-01-28", "2025-02-04"),
            off("清明节", "2025-04-04", "2025-04-06"), off("劳动节", "2025-05-01", "2025-05-05"),
            off("端午节", "2025-05-31", "2025-06-02"), off("国庆节、中秋节", "2025-10-01", "2025-10-08"),
            on("春节调休", "2025-01-26", "2025-02-08"), on("劳动节调休", "2025-04-27"),
            on("国庆节调休", "2025-09-28", "2025-10-11"));

    static final CalendarYear Y2026 = year(2026,
            off("元旦", "2026-01-01", "2026-01-03"), off("春节", "2026-02-15", "2026-02-23"),
            off("清明节", "2026-04-04", "2026-04-06"), off("劳动节", "2026-05-01", "2026-05-05"),
            off("端午节", "2026-06-19", "2026-06-21"), off("中秋节", "2026-09-25", "2026-09-27"),
            off("国庆节", "2026-10-01", "2026-10-07"),
            on("元旦调休", "2026-01-04"), on("春节调休", "2026-02-14", "2026-02-28"), on("劳动节调休", "2026-05-09"),
            on("国庆节调休", "2026-09-20", "2026-10-10"));

    static final WorkingCalendar PUBLISHED = WorkingCalendar.of(List.of(Y2024, Y2025, Y2026));

    private record Days(boolean holiday, Map<LocalDate, String> days) {
    }

    /** A range of days off, first to last inclusive. */
    private static Days off(String name, String first, String last) {
        Map<LocalDate, String> days = new TreeMap<>();
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            days.put(d, name);
        }
        return new Days(true, days);
    }

    /** Single make-up workdays. */
    private static Days on(String name, String... dates) {
        Map<LocalDate, String> days = new TreeMap<>();
        for (String d : dates) {
            days.put(LocalDate.parse(d), name);
        }
        return new Days(false, days);
    }

    private static CalendarYear year(int year, Days... parts) {
        Map<LocalDate, String> holidays = new TreeMap<>();
        Map<LocalDate, String> workdays = new TreeMap<>();
        for (Days p : parts) {
            (p.holiday() ? holidays : workdays).putAll(p.days());
        }
        return new CalendarYear(year, holidays, workdays);
    }
}
