package cn.zz.pipeline.project;

import cn.zz.pipeline.platform.cluster.SingleRunner;
import cn.zz.pipeline.project.investment.InvestmentOverdueScan;
import cn.zz.pipeline.project.milestones.MilestoneScan;
import cn.zz.pipeline.testsupport.AnotherInstance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scheduled scan fires on every instance; while one instance runs it (holds its advisory lock), the others skip the
 * round instead of doing the same work again.
 */
@QuarkusTest
class ScansSingleRunTest {

    @Inject
    SingleRunner single;

    @Inject
    MilestoneScan milestoneScan;

    @Inject
    InvestmentOverdueScan investmentOverdueScan;

    @Test
    void milestoneScanRunsOnOneInstanceAtATime() throws Exception {
        MilestoneScan scan = milestoneScan;
        assertThat(AnotherInstance.whileHolding(task -> single.run("milestone-scan", task), scan::scanAlone))
                .as("skipped").isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> scan.scanAlone().isPresent());
    }

    @Test
    void investmentOverdueScanRunsOnOneInstanceAtATime() throws Exception {
        InvestmentOverdueScan scan = investmentOverdueScan;
        assertThat(AnotherInstance.whileHolding(task -> single.run("investment-overdue-scan", task), scan::scanAlone))
                .as("skipped").isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> scan.scanAlone().isPresent());
    }
}
