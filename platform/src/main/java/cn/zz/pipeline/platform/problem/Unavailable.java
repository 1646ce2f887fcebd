package cn.zz.pipeline.platform.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a dependency that is down (the database restarting, its connections exhausted) from a fault of the request or
 * of the code: the first is answered 503 with Retry-After, so that a client waits and retries instead of reporting a
 * bug; the second stays a 500.
 */
final class Unavailable {

    /** Seconds a client should wait before retrying; the same figure the load balancer gives when no instance is up. */
    static final int RETRY_AFTER_SECONDS = 5;

    private Unavailable() {
    }

    /** True when somewhere in the cause chain a connection to a dependency could not be made or was lost. */
    static boolean dependencyDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (lostConnection(sql.getSQLState()) || poolTimedOut(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01-57P03 (the server shutting down or starting up), 53300 (too
     * many connections).
     */
    private static boolean lostConnection(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"));
    }

    /** Agroal's pool gives up waiting for a connection with a plain SQLException that has no state. */
    private static boolean poolTimedOut(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null && e.getMessage().startsWith("Acquisition timeout");
    }
}
