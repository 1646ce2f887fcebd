package cn.zz.pipeline.reporting.jdbc;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Binds result rows to a record by column label, never by position: component {@code projectId} reads column
 * {@code project_id}. Columns the record does not name are ignored; a component without a column is a mistake in the
 * query and fails at its first row, naming the column.
 */
final class RecordMapper<R extends Record> {

    private static final ClassValue<RecordMapper<?>> MAPPERS = new ClassValue<>() {
        @Override
        protected RecordMapper<?> computeValue(Class<?> type) {
            return new RecordMapper<>(type.asSubclass(Record.class));
        }
    };

    /** Reads one column into the value of one component. */
    @FunctionalInterface
    private interface Getter {
        Object get(ResultSet rs, int column) throws SQLException;
    }

    private final Class<R> type;
    private final Constructor<R> constructor;
    private final String[] columns;
    private final Getter[] getters;

    private RecordMapper(Class<R> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        columns = new String[components.length];
        getters = new Getter[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            columns[i] = snakeCase(components[i].getName());
            getters[i] = getter(components[i]);
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("no canonical constructor in " + type.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> RecordMapper<R> of(Class<R> type) {
        return (RecordMapper<R>) MAPPERS.get(type);
    }

    /** The reader of one result set: the columns are looked up by label once, then each row is read by index. */
    Reader<R> reader(ResultSetMetaData meta) throws SQLException {
        Map<String, Integer> byLabel = new HashMap<>();
        for (int c = meta.getColumnCount(); c >= 1; c--) {
            byLabel.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), c);
        }
        int[] index = new int[columns.length];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            Integer c = byLabel.get(columns[i]);
            if (c == null) {
                missing.add(columns[i]);
            } else {
                index[i] = c;
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the query selects no column " + missing + " for " + type.getSimpleName()
                    + " (columns: " + byLabel.keySet() + ")");
        }
        return rs -> {
            Object[] values = new Object[index.length];
            for (int i = 0; i < index.length; i++) {
                values[i] = getters[i].get(rs, index[i]);
            }
            try {
                return constructor.newInstance(values);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot make a " + type.getSimpleName() + " of a row", e);
            }
        };
    }

    @FunctionalInterface
    interface Reader<R> {
        R read(ResultSet rs) throws SQLException;
    }

    /** {@code projectId} → {@code project_id}, {@code m12} → {@code m12}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char ch : name.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append('_').append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static Getter getter(RecordComponent component) {
        Class<?> t = component.getType();
        String name = component.getName();
        if (t == String.class) {
            return ResultSet::getString;
        }
        if (t == BigDecimal.class) {
            return ResultSet::getBigDecimal;
        }
        if (t == LocalDate.class || t == OffsetDateTime.class || t == UUID.class) {
            return (rs, c) -> rs.getObject(c, t);
        }
        if (t == Instant.class) {
            return (rs, c) -> {
                OffsetDateTime v = rs.getObject(c, OffsetDateTime.class);
                return v == null ? null : v.toInstant();
            };
        }
        if (t == Integer.class) {
            return (rs, c) -> orNull(rs, rs.getInt(c));
        }
        if (t == Long.class) {
            return (rs, c) -> orNull(rs, rs.getLong(c));
        }
        if (t == Boolean.class) {
            return (rs, c) -> orNull(rs, rs.getBoolean(c));
        }
        if (t == int.class) {
            return (rs, c) -> notNull(rs, rs.getInt(c), name);
        }
        if (t == long.class) {
            return (rs, c) -> notNull(rs, rs.getLong(c), name);
        }
        if (t == boolean.class) {
            return (rs, c) -> notNull(rs, rs.getBoolean(c), name);
        }
        if (t == BigDecimal[].class) {
            return (rs, c) -> {
                java.sql.Array v = rs.getArray(c);
                return v == null ? null : (BigDecimal[]) v.getArray();
            };
        }
        if (t.isEnum()) {
            return (rs, c) -> {
                String v = rs.getString(c);
                return v == null ? null : enumValue(t, v);
            };
        }
        throw new IllegalArgumentException("no column mapping for " + t.getName() + " " + name);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String value) {
        return Enum.valueOf((Class) type, value);
    }

    private static Object orNull(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private static Object notNull(ResultSet rs, Object value, String component) throws SQLException {
        if (rs.wasNull()) {
            throw new IllegalStateException("column " + snakeCase(component) + " is null; " + component
                    + " is a primitive");
        }
        return value;
    }
}
