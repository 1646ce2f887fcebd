package cn.zz.pipeline.reporting.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Many rows written by one statement: each column travels as one array and {@code unnest} turns them back into
 * rows. Unlike a JDBC batch (rewritten into statements of up to 128 VALUES rows, each parsed and planned), the
 * statement text never changes, so the server prepares it once; a projection batch writes thousands of rows a table.
 * Dates and times go as text and are cast by the statement.
 */
final class ArrayRows {

    /** A column: its name, the element type of the JDBC array, and the SQL array type it is cast to. */
    record Column(String name, String jdbcType, String sqlType) {
    }

    static Column col(String name, String type) {
        return new Column(name, type, type);
    }

    static Column text(String name, String sqlType) {
        return new Column(name, "text", sqlType);
    }

    private final String sql;
    private final Column[] columns;
    private final List<List<Object>> values = new ArrayList<>();

    /**
     * @param table the table to insert into
     * @param tail what follows the rows, e.g. {@code on conflict (...) do update set ...}
     */
    ArrayRows(String table, String tail, Column... columns) {
        this.columns = columns;
        StringBuilder names = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        for (Column c : columns) {
            names.append(names.length() == 0 ? "" : ", ").append(c.name());
            arrays.append(arrays.length() == 0 ? "" : ", ").append("?::").append(c.sqlType()).append("[]");
        }
        this.sql = "insert into " + table + " (" + names + ") select * from unnest(" + arrays + ") " + tail;
        for (int i = 0; i < columns.length; i++) {
            values.add(new ArrayList<>());
        }
    }

    /** One row, its values in the order of the columns (dates and instants as objects, sent as their ISO text). */
    void add(Object... row) {
        if (row.length != columns.length) {
            throw new IllegalArgumentException(row.length + " values for " + columns.length + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            values.get(i).add(v != null && columns[i].jdbcType().equals("text") ? v.toString() : v);
        }
    }

    int size() {
        return values.get(0).size();
    }

    /**
     * Writes the rows added so far; nothing when there are none. Not the ORM: measured to pay, one statement per table
     * per batch instead of a statement (or a batched insert) per row.
     */
    void execute(Connection c) throws SQLException {
        if (size() == 0) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < columns.length; i++) {
                s.setArray(i + 1, c.createArrayOf(columns[i].jdbcType(), values.get(i).toArray()));
            }
            s.executeUpdate();
        }
    }
}
