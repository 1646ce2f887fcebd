package cn.zz.pipeline.reporting.stats;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Investment reports as computed, kept until the statistics change, on every instance of the service. The version
 * lives in the database (row "reports" of {@code shared_version}): every transaction that changes what the reports
 * read (a projection batch, a restated base or target written or removed, a rebuild's reset) bumps it
 * ({@link #changedOnCommit}), so the new version becomes visible to all instances exactly when the change commits,
 * and a report computed meanwhile from the old rows is never served under the new version. Each request compares the
 * version (one primary-key read) before serving a kept report: leaders' dashboards ask the same few reports over and
 * over, and between two batches they are served without the report's queries.
 */
@ApplicationScoped
public class ReportCache {

    /** Distinct reports kept; past it the cache starts afresh (keys are period × scope × grouping: few in use). */
    static final int MAX_ENTRIES = 2_000;

    static final String NAME = "reports";

    private record Entry(long version, Object value) {
    }

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    /** The report under {@code key} as of the current version, computed if it is not known yet. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        long v = version(); // read before computing: a commit meanwhile makes the result stale, not wrong
        Entry e = entries.get(key);
        if (e != null && e.version() == v) {
            return (T) e.value();
        }
        T value = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(v, value));
        return value;
    }

    /**
     * The current transaction changes the statistics: the shared version moves with it (and only if it commits).
     * The row stays locked until the commit, so call it late in a long transaction.
     */
    public void changedOnCommit() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "update shared_version set version = version + 1 where name = ?")) {
            s.setString(1, NAME);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The shared version as committed (a row written by another instance counts at once). */
    long version() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select version from shared_version where name = ?")) {
            s.setString(1, NAME);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
