package cn.zz.pipeline.reporting.plans;

import cn.zz.pipeline.events.Stage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The completion rules without a service: 时序进度 of every period, rates, lagging, which plans and targets count. */
class CompletionTest {

    @Test
    void timeProgressOfEveryPeriodIsTheMonthOverTwelve() {
        String[] expected = {null, null, "16.7", "25.0", "33.3", "41.7", "50.0", "58.3", "66.7", "75.0", "83.3",
            "91.7", "100.0"};
        for (int month = 2; month <= 12; month++) {
            assertThat(Completion.timeProgress(month).toPlainString()).as("1-" + month + "月")
                    .isEqualTo(expected[month]);
        }
    }

    @Test
    void ratesHaveOneDecimalAndNeedSomethingToCompareWith() {
        assertThat(Completion.rate(new BigDecimal("17000"), new BigDecimal("25500")).toPlainString()).isEqualTo("66.7");
        assertThat(Completion.rate(new BigDecimal("10000"), new BigDecimal("12000")).toPlainString()).isEqualTo("83.3");
        assertThat(Completion.rate(BigDecimal.ZERO, new BigDecimal("5000")).toPlainString()).isEqualTo("0.0");
        assertThat(Completion.rate(new BigDecimal("13000"), new BigDecimal("10000")).toPlainString())
                .isEqualTo("130.0");
        assertThat(Completion.rate(new BigDecimal("1"), null)).isNull();
        assertThat(Completion.rate(new BigDecimal("1"), BigDecimal.ZERO)).isNull();
    }

    @Test
    void aGroupLagsWhenEitherRateIsBelowTheTimeProgress() {
        BigDecimal progress = Completion.timeProgress(10);
        assertThat(Completion.lagging(new BigDecimal("83.3"), null, progress)).isFalse();
        assertThat(Completion.lagging(new BigDecimal("83.2"), null, progress)).isTrue();
        assertThat(Completion.lagging(new BigDecimal("90"), new BigDecimal("60"), progress)).isTrue();
        assertThat(Completion.lagging(null, new BigDecimal("90"), progress)).isFalse();
        assertThat(Completion.lagging(null, null, progress)).isFalse();
    }

    @Test
    void onlyPlansOfProjectsInTheLibraryCount() {
        assertThat(Completion.counts(Stage.RESERVE)).isFalse();
        assertThat(Completion.counts(Stage.DECLARED)).isFalse();
        assertThat(Completion.counts(Stage.ADMITTED)).isTrue();
        assertThat(Completion.counts(Stage.STARTED)).isTrue();
        assertThat(Completion.counts(Stage.IN_PRODUCTION)).isTrue();
        assertThat(Completion.counts(Stage.WITHDRAWN)).isFalse();
    }

    @Test
    void theTotalIsComparedWithTheTargetOfTheAskedRegion() {
        assertThat(Completion.totalTargetRegion(null)).isEqualTo("4101");
        assertThat(Completion.totalTargetRegion("4101")).isEqualTo("4101");
        assertThat(Completion.totalTargetRegion("410106")).isEqualTo("410106");
        assertThat(Completion.totalTargetRegion("41")).isNull();
        assertThat(Completion.targetRegion("4101")).isTrue();
        assertThat(Completion.targetRegion("410108")).isTrue();
        assertThat(Completion.targetRegion("410199")).isFalse();
        assertThat(Completion.targetRegion("4102")).isFalse();
        assertThat(Completion.regionLabel("4101")).isEqualTo("郑州市");
        assertThat(Completion.regionLabel("410108")).isEqualTo("惠济区");
    }
}
