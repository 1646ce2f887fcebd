package cn.zz.pipeline.reporting.stats;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report cache of one instance forgets its reports when another instance changes the statistics. */
@QuarkusTest
class ReportCacheTest {

    @Inject
    ReportCache cache;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aVersionBumpedByAnotherInstanceInvalidatesTheCache() throws SQLException {
        Object key = "report-cache-test-" + System.nanoTime();
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.<Integer>get(key, computed::incrementAndGet)).isEqualTo(1);
        assertThat(cache.<Integer>get(key, computed::incrementAndGet)).as("served from the cache").isEqualTo(1);

        // Another instance's transaction: a plain statement on a connection of its own, not through this cache.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update shared_version set version = version + 1 where name = 'reports'");
        }
        assertThat(cache.<Integer>get(key, computed::incrementAndGet)).as("computed again").isEqualTo(2);
        assertThat(cache.<Integer>get(key, computed::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void aChangeCountsOnlyOnceItCommits() {
        Object key = "report-cache-commit-" + System.nanoTime();
        AtomicInteger computed = new AtomicInteger();
        cache.get(key, computed::incrementAndGet);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            cache.changedOnCommit();
            throw new IllegalStateException("rolled back");
        })).hasMessageContaining("rolled back");
        assertThat(cache.<Integer>get(key, computed::incrementAndGet)).as("a rolled back change").isEqualTo(1);
        QuarkusTransaction.requiringNew().run(cache::changedOnCommit);
        assertThat(cache.<Integer>get(key, computed::incrementAndGet)).as("a committed change").isEqualTo(2);
    }
}
