package cn.zz.pipeline.reporting.jdbc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Plain JDBC reads of the read model in one read-only transaction. Queries run with a fetch size, so PostgreSQL
 * hands the rows over through a cursor ({@value #FETCH_SIZE} at a time) instead of the whole result at once: an
 * export of any length streams from the database to the response.
 */
@ApplicationScoped
public class ReadOnlyJdbc {

    public static final int FETCH_SIZE = 1000;

    @Inject
    AgroalDataSource dataSource;

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException, IOException;
    }

    /** Runs {@code work} on a connection in a read-only transaction (autocommit off: what a cursor needs). */
    public <T> T read(Work<T> work) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        }
    }

    /** Runs the query, handing each row to {@code each} as it arrives from the cursor. */
    public static void query(Connection c, Sql sql, RowHandler each) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(sql.text(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            bind(ps, sql.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.row(rs);
                }
            }
        }
    }

    /** The first column of the first row as a long (a count), 0 without rows. */
    public static long count(Connection c, Sql sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            bind(ps, sql.params());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
