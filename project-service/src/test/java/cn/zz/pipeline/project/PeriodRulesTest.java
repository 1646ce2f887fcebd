package cn.zz.pipeline.project;

import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.investment.PeriodRules;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule of reportable periods, on the calendar's edges (plain unit test, no server). */
class PeriodRulesTest {

    private static Iterable<String> codes(String period, String current) {
        return PeriodRules.check("period", YearMonth.parse(period), YearMonth.parse(current)).stream()
                .map(Violation::code).toList();
    }

    @Test
    void everyBrokenRuleIsListed() {
        assertThat(codes("2026-01", "2025-12")).containsExactly("january-folded", "future-period");
        assertThat(codes("1999-01", "2025-06")).containsExactly("january-folded", "period-out-of-range");
        assertThat(codes("2026-01", "2026-01")).containsExactly("january-folded");
        assertThat(codes("2025-07", "2025-06")).containsExactly("future-period");
        assertThat(codes("1999-12", "2025-06")).containsExactly("period-out-of-range");
    }

    @Test
    void theCurrentMonthAndThePastMayBeReported() {
        assertThat(codes("2025-12", "2025-12")).isEmpty();
        assertThat(codes("2028-02", "2028-02")).isEmpty(); // 29 February 2028 is in it
        assertThat(codes("2000-02", "2026-12")).isEmpty();
        assertThat(codes("2026-12", "2027-01")).isEmpty();
    }

    @Test
    void aViolationNamesTheFieldAndItsLimit() {
        var v = PeriodRules.check("reports[2].period", YearMonth.of(2026, 1), YearMonth.of(2025, 12));
        assertThat(v).extracting(Violation::field).containsOnly("reports[2].period");
        assertThat(v).extracting(Violation::limit).containsExactly("2026-02", "2025-12");
        assertThat(v).extracting(Violation::value).containsOnly("2026-01");
    }
}
