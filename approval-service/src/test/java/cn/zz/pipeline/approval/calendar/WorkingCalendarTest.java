package cn.zz.pipeline.approval.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.approval.calendar.DayCount.CALENDAR;
import static cn.zz.pipeline.approval.calendar.DayCount.WORKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working-day arithmetic on the published schedules 2024-2026 (no Quarkus). */
class WorkingCalendarTest {

    private final WorkingCalendar cal = Schedules.PUBLISHED;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void springFestival2025() {
        // Fri 01-24; Sun 01-26 is a make-up workday; 01-28..02-04 off; Sat 02-08 is a make-up workday.
        LocalDate friday = d("2025-01-24");
        assertThat(cal.addWorkingDays(friday, 0)).isEqualTo(friday);
        assertThat(cal.addWorkingDays(friday, 1)).isEqualTo(d("2025-01-26"));
        assertThat(cal.addWorkingDays(friday, 2)).isEqualTo(d("2025-01-27"));
        assertThat(cal.addWorkingDays(friday, 3)).isEqualTo(d("2025-02-05"));
        assertThat(cal.addWorkingDays(friday, 5)).isEqualTo(d("2025-02-07"));
        assertThat(cal.addWorkingDays(friday, 6)).isEqualTo(d("2025-02-08"));
        assertThat(cal.addWorkingDays(friday, 7)).isEqualTo(d("2025-02-10"));
        assertThat(cal.workingDaysBetween(friday, d("2025-02-10"))).isEqualTo(7);
        assertThat(cal.workingDaysBetween(d("2025-01-27"), d("2025-02-04"))).isZero();

        assertThat(cal.isWorkingDay(d("2025-01-25"))).isFalse();
        assertThat(cal.isWorkingDay(d("2025-01-26"))).isTrue();
        assertThat(cal.isWorkingDay(d("2025-01-28"))).isFalse();
        assertThat(cal.isWorkingDay(d("2025-02-04"))).isFalse();
        assertThat(cal.isWorkingDay(d("2025-02-05"))).isTrue();
        assertThat(cal.isWorkingDay(d("2025-02-08"))).isTrue();
        assertThat(cal.isWorkingDay(d("2025-02-09"))).isFalse();
    }

    @Test
    void nationalDay2025() {
        // Fri 09-26; Sun 09-28 works; 10-01..10-08 off; Sat 10-11 works.
        LocalDate friday = d("2025-09-26");
        assertThat(cal.addWorkingDays(friday, 1)).isEqualTo(d("2025-09-28"));
        assertThat(cal.addWorkingDays(friday, 3)).isEqualTo(d("2025-09-30"));
        assertThat(cal.addWorkingDays(friday, 4)).isEqualTo(d("2025-10-09"));
        assertThat(cal.addWorkingDays(friday, 5)).isEqualTo(d("2025-10-10"));
        assertThat(cal.addWorkingDays(friday, 6)).isEqualTo(d("2025-10-11"));
        assertThat(cal.addWorkingDays(friday, 7)).isEqualTo(d("2025-10-13"));
        assertThat(cal.due(d("2025-09-30"), 1, WORKING)).isEqualTo(d("2025-10-09"));
        assertThat(cal.due(friday, 7, WORKING)).isEqualTo(d("2025-10-13"));
        assertThat(cal.workingDaysBetween(friday, d("2025-10-13"))).isEqualTo(7);
    }

    @Test
    void aCalendarDayLimitEndingOnADayOffRollsForward() {
        assertThat(cal.due(d("2025-09-26"), 5, CALENDAR)).isEqualTo(d("2025-10-09")); // 10-01 off
        assertThat(cal.due(d("2025-01-01"), 30, CALENDAR)).isEqualTo(d("2025-02-05")); // 01-31 off
        assertThat(cal.due(d("2024-12-25"), 7, CALENDAR)).isEqualTo(d("2025-01-02")); // 元旦, across the year
        assertThat(cal.due(d("2025-03-01"), 8, CALENDAR)).isEqualTo(d("2025-03-10")); // an ordinary Sunday
        // A make-up workday is a working day: no roll.
        assertThat(cal.due(d("2025-09-26"), 2, CALENDAR)).isEqualTo(d("2025-09-28"));
        assertThat(cal.due(d("2025-10-04"), 7, CALENDAR)).isEqualTo(d("2025-10-11"));
        assertThat(cal.due(d("2025-03-03"), 15, CALENDAR)).isEqualTo(d("2025-03-18"));
        assertThat(cal.due(d("2025-03-03"), 0, CALENDAR)).isEqualTo(d("2025-03-03"));
        assertThat(cal.due(d("2025-03-03"), 0, WORKING)).isEqualTo(d("2025-03-03"));
    }

    @Test
    void usedCountsWorkingOrCalendarDays() {
        // 09-28, 09-29, 09-30, 10-09 are working days of (09-26, 10-09].
        assertThat(cal.used(d("2025-09-26"), d("2025-10-09"), WORKING)).isEqualTo(4);
        assertThat(cal.used(d("2025-09-26"), d("2025-10-09"), CALENDAR)).isEqualTo(13);
        assertThat(cal.used(d("2025-09-30"), d("2025-10-08"), WORKING)).isZero();
        assertThat(cal.used(d("2025-09-30"), d("2025-10-08"), CALENDAR)).isEqualTo(8);
        assertThat(cal.used(d("2025-10-09"), d("2025-09-26"), WORKING)).isZero();
        assertThat(cal.used(d("2025-10-09"), d("2025-09-26"), CALENDAR)).isZero();
        assertThat(cal.used(d("2025-10-09"), d("2025-10-09"), CALENDAR)).isZero();
        assertThat(cal.workingDaysBetween(d("2025-10-09"), d("2025-10-09"))).isZero();
    }

    @Test
    void anUnconfiguredYearCountsMondayToFriday() {
        WorkingCalendar none = WorkingCalendar.of(List.of());
        assertThat(cal.configured(2025)).isTrue();
        assertThat(cal.configured(2027)).isFalse();
        assertThat(none.configured(2025)).isFalse();
        assertThat(cal.isWorkingDay(d("2027-01-01"))).isTrue(); // a Friday; nobody configured 元旦 2027
        assertThat(cal.isWorkingDay(d("2027-01-02"))).isFalse();
        assertThat(cal.addWorkingDays(d("2027-01-01"), 1)).isEqualTo(d("2027-01-04"));
        assertThat(cal.workingDaysIn(2027)).isEqualTo(261);
        assertThat(none.workingDaysIn(2025)).isEqualTo(261);
        assertThat(none.isWorkingDay(d("2025-01-28"))).isTrue();
        assertThat(none.addWorkingDays(d("2025-01-24"), 3)).isEqualTo(d("2025-01-29"));
        // Crossing from a configured year into one that is not.
        assertThat(cal.addWorkingDays(d("2026-12-30"), 3)).isEqualTo(d("2027-01-04"));
        assertThat(cal.workingDaysBetween(d("2026-12-30"), d("2027-01-04"))).isEqualTo(3);
        // A configured year without days off is Monday to Friday too, but configured.
        WorkingCalendar empty = WorkingCalendar.of(List.of(CalendarYear.empty(2030)));
        assertThat(empty.configured(2030)).isTrue();
        assertThat(empty.workingDaysIn(2030)).isEqualTo(none.workingDaysIn(2030));
    }

    @Test
    void spotChecks2024() {
        assertThat(cal.isWorkingDay(d("2024-01-01"))).isFalse();
        assertThat(cal.isWorkingDay(d("2024-02-04"))).isTrue(); // Sunday, make-up
        assertThat(cal.isWorkingDay(d("2024-02-09"))).isTrue(); // 除夕 was not a day off in 2024
        assertThat(cal.isWorkingDay(d("2024-02-18"))).isTrue();
        assertThat(cal.isWorkingDay(d("2024-04-07"))).isTrue();
        assertThat(cal.isWorkingDay(d("2024-05-11"))).isTrue();
        assertThat(cal.isWorkingDay(d("2024-06-10"))).isFalse();
        assertThat(cal.isWorkingDay(d("2024-10-07"))).isFalse();
        assertThat(cal.isWorkingDay(d("2024-10-12"))).isTrue();
        assertThat(cal.addWorkingDays(d("2024-09-13"), 1)).isEqualTo(d("2024-09-14"));
        assertThat(cal.addWorkingDays(d("2024-09-13"), 2)).isEqualTo(d("2024-09-18"));
        assertThat(cal.addWorkingDays(d("2024-04-30"), 1)).isEqualTo(d("2024-05-06"));
        assertThat(cal.addWorkingDays(d("2024-12-31"), 1)).isEqualTo(d("2025-01-02"));
    }

    @Test
    void spotChecks2026() {
        assertThat(cal.isWorkingDay(d("2026-01-02"))).isFalse();
        assertThat(cal.isWorkingDay(d("2026-01-04"))).isTrue(); // Sunday, make-up
        assertThat(cal.isWorkingDay(d("2026-02-14"))).isTrue();
        assertThat(cal.isWorkingDay(d("2026-02-23"))).isFalse();
        assertThat(cal.isWorkingDay(d("2026-02-28"))).isTrue();
        assertThat(cal.isWorkingDay(d("2026-06-19"))).isFalse();
        assertThat(cal.isWorkingDay(d("2026-09-20"))).isTrue();
        assertThat(cal.isWorkingDay(d("2026-09-25"))).isFalse();
        assertThat(cal.isWorkingDay(d("2026-10-10"))).isTrue();
        assertThat(cal.addWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
        assertThat(cal.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(cal.addWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
        assertThat(cal.due(d("2026-09-21"), 10, CALENDAR)).isEqualTo(d("2026-10-08")); // 10-01 off
    }

    @Test
    void workingDaysPerYear() {
        // 2024: 366 days - 104 weekend days - 11 statutory holidays. From 2025 on there are 13 (除夕 and 5-02 added).
        assertThat(cal.workingDaysIn(2024)).isEqualTo(251);
        assertThat(cal.workingDaysIn(2025)).isEqualTo(248);
        assertThat(cal.workingDaysIn(2026)).isEqualTo(248);
        assertThat(cal.workingDaysBetween(d("2023-12-31"), d("2026-12-31"))).isEqualTo(251 + 248 + 248);
        assertThat(cal.addWorkingDays(d("2023-12-31"), 747)).isEqualTo(d("2026-12-31"));
        assertThat(cal.addWorkingDays(d("2023-12-31"), 748)).isEqualTo(d("2027-01-01"));
        assertThat(Schedules.Y2024.holidays()).hasSize(28);
        assertThat(Schedules.Y2024.workdays()).hasSize(8);
        assertThat(Schedules.Y2025.holidays()).hasSize(28);
        assertThat(Schedules.Y2025.workdays()).hasSize(5);
        assertThat(Schedules.Y2026.holidays()).hasSize(33);
        assertThat(Schedules.Y2026.workdays()).hasSize(6);
        for (CalendarYear y : List.of(Schedules.Y2024, Schedules.Y2025, Schedules.Y2026)) {
            assertThat(y.workdays().keySet()).allSatisfy(day -> assertThat(day.getDayOfWeek())
                    .isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        }
    }

    /** Every day from December 2023 to January 2027, against a day-by-day walk. */
    @Test
    void agreesWithADayByDayWalk() {
        int[] steps = {0, 1, 2, 3, 5, 10, 20, 30, 60, 100, 250, 400};
        for (LocalDate start = d("2023-12-01"); start.isBefore(d("2027-02-01")); start = start.plusDays(1)) {
            for (int n : steps) {
                LocalDate expected = start;
                for (int left = n; left > 0; ) {
                    expected = expected.plusDays(1);
                    if (naiveWorking(expected)) {
                        left--;
                    }
                }
                assertThat(cal.addWorkingDays(start, n)).as("%s + %d", start, n).isEqualTo(expected);
                assertThat(cal.workingDaysBetween(start, expected)).as("(%s, %s]", start, expected).isEqualTo(n);
                LocalDate to = start.plusDays(n);
                int count = 0;
                for (LocalDate x = start.plusDays(1); !x.isAfter(to); x = x.plusDays(1)) {
                    count += naiveWorking(x) ? 1 : 0;
                }
                assertThat(cal.used(start, to, WORKING)).isEqualTo(count);
                assertThat(cal.used(start, to, CALENDAR)).isEqualTo(n);
                LocalDate due = to;
                while (!naiveWorking(due)) {
                    due = due.plusDays(1);
                }
                assertThat(cal.due(start, n, CALENDAR)).isEqualTo(due);
            }
            assertThat(cal.isWorkingDay(start)).as("%s", start).isEqualTo(naiveWorking(start));
        }
    }

    @Test
    void refusesWhatMakesNoSense() {
        assertThatThrownBy(() -> cal.addWorkingDays(d("2025-01-01"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cal.due(d("2025-01-01"), -1, CALENDAR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarYear(2025, Map.of(d("2026-01-01"), "元旦"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarYear(2025, Map.of(d("2025-01-04"), "x"), Map.of(d("2025-01-04"), "y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingCalendar.of(List.of(CalendarYear.empty(2025), CalendarYear.empty(2025))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean naiveWorking(LocalDate day) {
        for (CalendarYear y : List.of(Schedules.Y2024, Schedules.Y2025, Schedules.Y2026)) {
            if (y.workdays().containsKey(day)) {
                return true;
            }
            if (y.holidays().containsKey(day)) {
                return false;
            }
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
