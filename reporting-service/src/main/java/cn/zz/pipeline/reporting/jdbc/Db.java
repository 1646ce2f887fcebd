package cn.zz.pipeline.reporting.jdbc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The one way this service reads its read models (and writes its restated bases): plain JDBC, rows bound to records by
 * column label ({@link RecordMapper}). Not the ORM: the read models are tables of the projection's own shape, read by
 * aggregate queries, with nothing an entity would add.
 *
 * <p>Outside a transaction, work runs in a read-only transaction of its own with autocommit off, so queries run with
 * a fetch size and PostgreSQL hands rows over through a cursor ({@value Session#FETCH_SIZE} at a time): an export of
 * any length streams from the database to the response. Inside a JTA transaction (a restated base being written) it
 * runs on that transaction's connection.
 */
@ApplicationScoped
public class Db {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Work on one connection; {@code X} is what it may throw besides unchecked exceptions (e.g. IOException). */
    @FunctionalInterface
    public interface Work<T, X extends Exception> {
        T run(Session session) throws X;
    }

    /** Runs {@code work} on one connection: several queries of one answer see the same transaction. */
    public <T, X extends Exception> T read(Work<T, X> work) throws X {
        boolean own = transactions.getTransactionKey() == null;
        try (Connection c = dataSource.getConnection()) {
            if (own) {
                c.setAutoCommit(false);
                c.setReadOnly(true);
            }
            try {
                T result = work.run(new Session(c));
                if (own) {
                    c.commit();
                }
                return result;
            } catch (Exception e) {
                if (own) {
                    rollbackQuietly(c, e);
                }
                throw e;
            } finally {
                if (own) {
                    c.setReadOnly(false);
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    public <R extends Record> List<R> list(Class<R> type, Sql sql) {
        return read(s -> s.list(type, sql));
    }

    public <R extends Record> Optional<R> first(Class<R> type, Sql sql) {
        return read(s -> s.first(type, sql));
    }

    /** An insert, update or delete in the caller's transaction; the number of rows it changed. */
    public int update(Sql sql) {
        try (Connection c = dataSource.getConnection()) {
            return new Session(c).update(sql);
        } catch (SQLException e) {
            throw new DatabaseException(e);
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
