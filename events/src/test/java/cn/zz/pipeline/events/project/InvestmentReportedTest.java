package cn.zz.pipeline.events.project;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvestmentReportedTest {

    private static InvestmentReported report(String period, int year, int month) {
        return new InvestmentReported(UUID.randomUUID(), "c", "410181", period, year, month, BigDecimal.ONE, null, null,
                "staff");
    }

    @ParameterizedTest
    @CsvSource({"2025-06,2025,6", "2025-12,2025,12", "0999-01,999,1", "2025-00,2025,0"})
    void periodMatchingYearAndMonthIsAccepted(String period, int year, int month) {
        assertThatCode(() -> report(period, year, month)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"2025-6,2025,6", "2025-07,2025,6", "2024-06,2025,6", "2025/06,2025,6", "999-01,999,1",
            "'2025-06 ',2025,6", "9999-01,10000,1"})
    void periodNotMatchingIsRejected(String period, int year, int month) {
        assertThatThrownBy(() -> report(period, year, month)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match year " + year + " month " + month);
    }

    @Test
    void outOfRangeNumbersFollowTheFormattedText() {
        // "%04d" of -1 is "-001": the slow path keeps the old rule for numbers outside 0000-9999
        assertThatCode(() -> report("-001-01", -1, 1)).doesNotThrowAnyException();
    }
}
