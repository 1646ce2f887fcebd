package cn.zz.pipeline.platform.time;

import cn.zz.pipeline.events.Stage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule of the monthly deadline on fixed days: month ends, leap years, January, per-district days. */
class InvestmentDeadlinesTest {

    /** Default 25; 上街区 the 20th; 金水区 the 31st (every month shorter than that ends it earlier). */
    private final InvestmentDeadlines rules = new InvestmentDeadlines(25, Map.of("410106", 20, "410105", 31));

    @Test
    void theDayOfMonthNClampedToTheMonthsLength() {
        assertThat(rules.deadline("410184", YearMonth.of(2026, 6))).isEqualTo(LocalDate.of(2026, 6, 25));
        assertThat(rules.deadline("410106", YearMonth.of(2026, 6))).isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(rules.deadline("410105", YearMonth.of(2026, 6))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(rules.deadline("410105", YearMonth.of(2026, 7))).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(rules.deadline("410105", YearMonth.of(2024, 2))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(rules.deadline("410105", YearMonth.of(2026, 2))).isEqualTo(LocalDate.of(2026, 2, 28));
        // January folds into 1-2月
        assertThat(rules.deadline("410184", YearMonth.of(2026, 1))).isEqualTo(LocalDate.of(2026, 2, 25));
        assertThat(rules.day("410106")).isEqualTo(20);
        assertThat(rules.day("410184")).isEqualTo(25);
    }

    @Test
    void overdueFromTheDayAfter() {
        YearMonth june = YearMonth.of(2026, 6);
        assertThat(rules.overdue("410184", june, LocalDate.of(2026, 6, 25))).isFalse();
        assertThat(rules.daysOverdue("410184", june, LocalDate.of(2026, 6, 25))).isZero();
        assertThat(rules.overdue("410184", june, LocalDate.of(2026, 6, 26))).isTrue();
        assertThat(rules.daysOverdue("410184", june, LocalDate.of(2026, 6, 26))).isEqualTo(1);
        assertThat(rules.daysOverdue("410184", june, LocalDate.of(2026, 1, 1))).isZero();
        assertThat(rules.daysOverdue("410184", YearMonth.of(2025, 12), LocalDate.of(2026, 1, 1))).isEqualTo(7);
    }

    @Test
    void theLatestPassedPeriodOnTheYearsEdges() {
        // December 31: 1-12月 (due on the 25th) has passed; in 金水区 (31st) not yet.
        assertThat(rules.latestPassed("410184", LocalDate.of(2025, 12, 31))).isEqualTo(YearMonth.of(2025, 12));
        assertThat(rules.latestPassed("410105", LocalDate.of(2025, 12, 31))).isEqualTo(YearMonth.of(2025, 11));
        // January 1 and the whole of January: the current period is 1-2月, not due; the latest passed is 1-12月.
        assertThat(rules.latestPassed("410184", LocalDate.of(2026, 1, 1))).isEqualTo(YearMonth.of(2025, 12));
        assertThat(rules.latestPassed("410105", LocalDate.of(2026, 1, 31))).isEqualTo(YearMonth.of(2025, 12));
        // February 28 and 29
        assertThat(rules.latestPassed("410184", LocalDate.of(2026, 2, 28))).isEqualTo(YearMonth.of(2026, 2));
        assertThat(rules.latestPassed("410105", LocalDate.of(2026, 2, 28))).isEqualTo(YearMonth.of(2025, 12));
        assertThat(rules.latestPassed("410105", LocalDate.of(2024, 2, 29))).isEqualTo(YearMonth.of(2023, 12));
        assertThat(rules.latestPassed("410105", LocalDate.of(2024, 3, 1))).isEqualTo(YearMonth.of(2024, 2));
    }

    @Test
    void periodsFoldJanuaryAndFollowEachOther() {
        assertThat(InvestmentDeadlines.period(2026, 1)).isEqualTo(YearMonth.of(2026, 2));
        assertThat(InvestmentDeadlines.periodOf(LocalDate.of(2026, 1, 31))).isEqualTo(YearMonth.of(2026, 2));
        assertThat(InvestmentDeadlines.next(YearMonth.of(2025, 12))).isEqualTo(YearMonth.of(2026, 2));
        assertThat(InvestmentDeadlines.next(YearMonth.of(2026, 2))).isEqualTo(YearMonth.of(2026, 3));
        assertThat(InvestmentDeadlines.previous(YearMonth.of(2026, 2))).isEqualTo(YearMonth.of(2025, 12));
        assertThat(InvestmentDeadlines.previous(YearMonth.of(2026, 1))).isEqualTo(YearMonth.of(2025, 12));
        assertThat(InvestmentDeadlines.previous(YearMonth.of(2026, 7))).isEqualTo(YearMonth.of(2026, 6));
        assertThat(InvestmentDeadlines.label(YearMonth.of(2026, 1))).isEqualTo("1-2月");
        assertThat(InvestmentDeadlines.label(YearMonth.of(2026, 6))).isEqualTo("1-6月");
    }

    @Test
    void whoOwesWhat() {
        LocalDate admitted = LocalDate.of(2026, 1, 20);
        assertThat(InvestmentDeadlines.firstOwed(admitted)).isEqualTo(YearMonth.of(2026, 2));
        assertThat(InvestmentDeadlines.owes(Stage.ADMITTED, admitted, null, YearMonth.of(2026, 2))).isTrue();
        assertThat(InvestmentDeadlines.owes(Stage.STARTED, admitted, null, YearMonth.of(2026, 1))).isTrue();
        assertThat(InvestmentDeadlines.owes(Stage.IN_PRODUCTION, admitted, null, YearMonth.of(2027, 5))).isTrue(); // no date
        assertThat(InvestmentDeadlines.owes(Stage.ADMITTED, admitted, null, YearMonth.of(2025, 12))).isFalse();
        assertThat(InvestmentDeadlines.owes(Stage.WITHDRAWN, admitted, null, YearMonth.of(2026, 6))).isFalse();
        assertThat(InvestmentDeadlines.owes(Stage.DECLARED, admitted, null, YearMonth.of(2026, 6))).isFalse();
        assertThat(InvestmentDeadlines.owes(Stage.STARTED, null, null, YearMonth.of(2026, 6))).isFalse();
        assertThat(InvestmentDeadlines.owes(Stage.ADMITTED, LocalDate.of(2026, 6, 28), null, YearMonth.of(2026, 6)))
                .isTrue();
    }

    @Test
    void productionEndsWhatIsOwed() {
        LocalDate admitted = LocalDate.of(2025, 3, 3);
        LocalDate produced = LocalDate.of(2026, 6, 30);
        assertThat(InvestmentDeadlines.lastOwed(Stage.IN_PRODUCTION, produced)).isEqualTo(YearMonth.of(2026, 6));
        assertThat(InvestmentDeadlines.lastOwed(Stage.STARTED, null)).isNull();
        assertThat(InvestmentDeadlines.owes(Stage.IN_PRODUCTION, admitted, produced, YearMonth.of(2026, 6))).isTrue();
        assertThat(InvestmentDeadlines.owes(Stage.IN_PRODUCTION, admitted, produced, YearMonth.of(2026, 7))).isFalse();
        assertThat(InvestmentDeadlines.owes(Stage.IN_PRODUCTION, admitted, produced, YearMonth.of(2027, 2))).isFalse();
        // In production in January: the last figure owed is 1-2月's.
        LocalDate january = LocalDate.of(2027, 1, 12);
        assertThat(InvestmentDeadlines.owes(Stage.IN_PRODUCTION, admitted, january, YearMonth.of(2027, 2))).isTrue();
        assertThat(InvestmentDeadlines.owes(Stage.IN_PRODUCTION, admitted, january, YearMonth.of(2027, 3))).isFalse();
        assertThat(InvestmentDeadlines.firstDay(YearMonth.of(2027, 2))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(InvestmentDeadlines.firstDay(YearMonth.of(2027, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(InvestmentDeadlines.firstDay(YearMonth.of(2027, 7))).isEqualTo(LocalDate.of(2027, 7, 1));
    }

    @Test
    void aBadSettingStopsTheService() {
        assertThatThrownBy(() -> new InvestmentDeadlines(0, Map.of()))
                .hasMessageContaining("pipeline.investment-deadline.day");
        assertThatThrownBy(() -> new InvestmentDeadlines(25, Map.of("410106", 32)))
                .hasMessageContaining("\"410106\"").hasMessageContaining("1 and 31");
        assertThatThrownBy(() -> new InvestmentDeadlines(25, Map.of("999999", 20)))
                .hasMessageContaining("999999");
    }
}
