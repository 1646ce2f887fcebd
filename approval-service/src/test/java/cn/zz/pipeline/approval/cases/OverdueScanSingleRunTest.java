package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.platform.cluster.SingleRunner;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
        assertThat(whileAnotherInstanceHolds("overdue-scan", scan::scanAlone)).as("skipped").isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> scan.scanAlone().isPresent());
    }

    /** Runs {@code scan} while "another instance" (a connection of its own, on another thread) holds the lock. */
    private OptionalInt whileAnotherInstanceHolds(String name, Supplier<OptionalInt> scan) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> single.run(name, () -> {
            holding.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            // The scheduler of this very instance may hold it for a moment: wait until the other one has it.
            while (!holding.await(100, TimeUnit.MILLISECONDS)) {
                if (other.isDone()) {
                    return whileAnotherInstanceHolds(name, scan);
                }
            }
            return scan.get();
        } finally {
            release.countDown();
            other.get(20, TimeUnit.SECONDS);
        }
    }
}
