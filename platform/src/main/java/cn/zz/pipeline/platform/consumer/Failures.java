package cn.zz.pipeline.platform.consumer;

/** Reads a handler's failure: whether to retry it without end, dead-letter the event at once, or retry a few times. */
final class Failures {

    enum Kind {
        /** A lost connection, a timeout or a lost race: retried without end, never skipped. */
        TRANSIENT,
        /** A {@link PermanentEventException} among the causes: retrying is pointless, the event is dead-lettered. */
        PERMANENT,
        /** Anything else: retried {@code pipeline.consumer.max-attempts} times, then dead-lettered. */
        RETRY_THEN_DEAD_LETTER
    }

    private Failures() {
    }

    /** A permanent cause wins over a transient one: it would fail the same way after the retry. */
    static Kind kind(Throwable e) {
        if (permanentCause(e) != null) {
            return Kind.PERMANENT;
        }
        return isTransient(e) ? Kind.TRANSIENT : Kind.RETRY_THEN_DEAD_LETTER;
    }

    static Throwable permanentCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PermanentEventException) {
                return t;
            }
        }
        return null;
    }

    /** Lost connections, timeouts, serialization failures, deadlocks and optimistic-lock races. */
    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("40001")
                        || state.equals("40P01") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The root cause's message, for logs and dead-letter reasons. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
