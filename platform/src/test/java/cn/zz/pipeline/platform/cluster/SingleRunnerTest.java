package cn.zz.pipeline.platform.cluster;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class SingleRunnerTest {

    @Inject
    SingleRunner single;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void ofTwoRunnersAtOnceOneRunsAndTheOtherSkips() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        // Two instances: each runner call takes a connection of its own, as another JVM would.
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> single.run("test-scan", () -> {
            runs.incrementAndGet();
            running.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        boolean second = CompletableFuture.supplyAsync(() -> single.run("test-scan", runs::incrementAndGet))
                .get(10, TimeUnit.SECONDS);
        assertThat(second).as("skipped while the first runs").isFalse();
        assertThat(single.run("other-scan", runs::incrementAndGet)).as("another name is another lock").isTrue();
        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.get()).isEqualTo(2);
        assertThat(single.run("test-scan", runs::incrementAndGet)).as("free again once the first is done").isTrue();
        assertThat(single.call("test-scan", () -> 42)).contains(42);
    }

    @Test
    void aFailingTaskLetsTheLockGo() {
        assertThatThrownBy(() -> single.run("failing-scan", () -> {
            assertThat(advisoryLocks()).isEqualTo(1);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        // Not merely re-entrant on the same pooled connection: the lock is gone from the database.
        assertThat(advisoryLocks()).isZero();
    }

    private long advisoryLocks() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             // The lock of this name only (the outbox relay takes one of its own now and then).
             ResultSet rs = s.executeQuery("select count(*) from pg_locks where locktype = 'advisory'"
                     + " and objsubid = 1 and objid::bigint = (hashtextextended('failing-scan', 0) & 4294967295)")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
