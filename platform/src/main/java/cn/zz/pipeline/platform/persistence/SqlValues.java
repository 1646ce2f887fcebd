package cn.zz.pipeline.platform.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Column values of native queries as java.time types. Which class the driver and Hibernate hand back for a
 * {@code timestamptz} or {@code date} column depends on versions and settings, so reads go through here.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} value; null stays null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp value " + value.getClass());
    }

    /** A {@code date} value; null stays null. */
    public static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("unexpected date value " + value.getClass());
    }
}
