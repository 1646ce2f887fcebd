package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default statistics period on the days of the year where it turns: the last of the year, January, leap day. */
class PeriodTest {

    @Test
    void theLatestCompleteMonthFoldsJanuaryAndFebruaryIntoLastYearsDecember() {
        assertThat(Period.latest(LocalDate.of(2026, 12, 31))).isEqualTo(new Period(2026, 11));
        assertThat(Period.latest(LocalDate.of(2027, 1, 1))).isEqualTo(new Period(2026, 12));
        assertThat(Period.latest(LocalDate.of(2028, 2, 28))).isEqualTo(new Period(2027, 12));
        assertThat(Period.latest(LocalDate.of(2028, 2, 29))).isEqualTo(new Period(2027, 12));
        assertThat(Period.latest(LocalDate.of(2028, 3, 1))).isEqualTo(new Period(2028, 2));
    }

    @Test
    void missingParametersDefaultToTheLatestPeriodOrTheYearsLast() {
        LocalDate newYear = LocalDate.of(2027, 1, 1);
        assertThat(Period.of(null, null, newYear)).isEqualTo(new Period(2026, 12));
        assertThat(Period.of("2026", null, newYear)).isEqualTo(new Period(2026, 12));
        assertThat(Period.of("2025", null, newYear)).isEqualTo(new Period(2025, 12));
        assertThat(Period.of(null, "6", LocalDate.of(2028, 2, 29))).isEqualTo(new Period(2027, 6));
        assertThat(Period.of(null, null, LocalDate.of(2026, 12, 31)).label()).isEqualTo("1-11月");
        assertThat(new Period(2028, 2).sameLastYear().code()).isEqualTo("2027-02");
    }

    @Test
    void januaryIsNoPeriodOfItsOwn() {
        assertThatThrownBy(() -> Period.of(null, "1", LocalDate.of(2027, 1, 1))).isInstanceOf(ApiException.class)
                .hasMessageContaining("1-2月");
    }
}
