package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.platform.cluster.SingleRunner;
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
class OverdueScanSingleRunTest {

    @Inject
    SingleRunner single;

    @Inject
    OverdueScan overdueScan;

    @Test
    void overdueScanRunsOnOneInstanceAtATime() throws Exception {
        OverdueScan scan = overdueScan;
        assertThat(AnotherInstance.whileHolding(task -> single.run("overdue-scan", task), scan::scanAlone))
                .as("skipped").isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> scan.scanAlone().isPresent());
    }
}
