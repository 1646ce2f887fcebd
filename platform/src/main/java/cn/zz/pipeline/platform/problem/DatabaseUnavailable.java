package cn.zz.pipeline.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database is away (restarting, shutting down, unreachable) rather than a fault of the
 * request or the code: the client is told 503 with Retry-After instead of a 500.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true; // e.g. the pool found no connection within its timeout
            }
            if (t instanceof SQLException sql && away(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (admin or crash shutdown, cannot connect now). */
    private static boolean away(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
