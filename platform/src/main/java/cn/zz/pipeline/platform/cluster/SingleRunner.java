package cn.zz.pipeline.platform.cluster;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a task on one instance of a service at a time: a scheduled scan fires on every instance, and the one that gets
 * the PostgreSQL advisory lock named after the scan runs it while the others skip this round. The lock is held on a
 * connection of its own for the whole task (the scans commit in many small transactions) and goes with that
 * connection, so an instance that dies mid-scan cannot keep it. The scans stay safe to overlap (each write checks
 * again under its row's lock); the lock only keeps them from doing the same work twice.
 */
@ApplicationScoped
public class SingleRunner {

    private static final Logger LOG = Logger.getLogger(SingleRunner.class);

    @Inject
    AgroalDataSource dataSource;

    /**
     * The task's result, or empty when another instance holds {@code name}'s lock (or the database cannot be reached:
     * the next round tries again).
     */
    public <T> Optional<T> call(String name, Supplier<T> task) {
        try (Connection c = dataSource.getConnection()) {
            if (!lock(c, "select pg_try_advisory_lock(hashtextextended(?, 0))", name)) {
                LOG.debugf("%s: running on another instance, skipped", name);
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(task.get());
            } finally {
                lock(c, "select pg_advisory_unlock(hashtextextended(?, 0))", name);
            }
        } catch (SQLException e) {
            LOG.warnf("%s: no lock (%s), skipped this round", name, e.getMessage());
            return Optional.empty();
        }
    }

    /** True when {@code name} ran here, false when another instance holds it. */
    public boolean run(String name, Runnable task) {
        return call(name, () -> {
            task.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    private static boolean lock(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
