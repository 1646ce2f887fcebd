package cn.zz.pipeline.reporting.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The queries of one {@link Db#read} on its connection; rows come as records bound by column label. */
public final class Session {

    /** Rows a cursor hands over at a time. */
    public static final int FETCH_SIZE = 1000;

    private final Connection connection;

    Session(Connection connection) {
        this.connection = connection;
    }

    /** What is done with each row as it arrives from the cursor; {@code X} is what it may throw (e.g. IOException). */
    @FunctionalInterface
    public interface Each<R, X extends Exception> {
        void row(R row) throws X;
    }

    public <R extends Record> List<R> list(Class<R> type, Sql sql) {
        List<R> out = new ArrayList<>();
        each(type, sql, out::add);
        return out;
    }

    public <R extends Record> Optional<R> first(Class<R> type, Sql sql) {
        List<R> one = new ArrayList<>(1);
        each(type, sql, row -> {
            if (one.isEmpty()) {
                one.add(row);
            }
        });
        return one.stream().findFirst();
    }

    /** Runs the query, handing each row to {@code each} as it arrives from the cursor. */
    public <R extends Record, X extends Exception> void each(Class<R> type, Sql sql, Each<R, X> each) throws X {
        try (PreparedStatement ps = connection.prepareStatement(sql.text(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            bind(ps, sql.params());
            try (ResultSet rs = ps.executeQuery()) {
                RecordMapper.Reader<R> reader = RecordMapper.of(type).reader(rs.getMetaData());
                while (rs.next()) {
                    each.row(reader.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** A count: the column {@code count} of the first row ({@code select count(*) …} names it so), 0 without rows. */
    public long count(Sql sql) {
        return first(Count.class, sql).map(Count::count).orElse(0L);
    }

    record Count(long count) {
    }

    int update(Sql sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
            bind(ps, sql.params());
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
