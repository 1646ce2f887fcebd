package cn.zz.pipeline.reporting.projection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to the aggregate tables collected over one batch and written at its end, one additive upsert per touched
 * row (sorted, so concurrent writers would lock in one order).
 */
final class Aggregates {

    record DeltaKey(int year, String dim, int month, String district, String key) {
    }

    record StageKey(String district, String stage) {
    }

    record DayKey(LocalDate day, String district, String stage) {
    }

    record IntervalKey(String district, String from, String to, int days) {
    }

    static final class Sum {
        long count;
        BigDecimal amount = BigDecimal.ZERO;
    }

    private final Map<DeltaKey, BigDecimal> deltas = new TreeMap<>(Comparator.comparingInt(DeltaKey::year)
            .thenComparing(DeltaKey::dim).thenComparingInt(DeltaKey::month).thenComparing(DeltaKey::district)
            .thenComparing(DeltaKey::key));
    private final Map<StageKey, Sum> stages = new TreeMap<>(
            Comparator.comparing(StageKey::district).thenComparing(StageKey::stage));
    private final Map<DayKey, Sum> days = new TreeMap<>(Comparator.comparing(DayKey::day)
            .thenComparing(DayKey::district).thenComparing(DayKey::stage));
    private final Map<IntervalKey, Long> intervals = new TreeMap<>(Comparator.comparing(IntervalKey::district)
            .thenComparing(IntervalKey::from).thenComparing(IntervalKey::to).thenComparingInt(IntervalKey::days));

    /** The change of a project's carried-forward figure at a month, under each of its keys. */
    void delta(int year, int month, StatKeys keys, BigDecimal amount) {
        if (amount.signum() == 0) {
            return;
        }
        for (String[] k : keys.keys()) {
            deltas.merge(new DeltaKey(year, k[0], month, keys.district(), k[1]), amount, BigDecimal::add);
        }
    }

    /** A project enters ({@code sign} 1) or leaves (-1) a stage of a district on a business day. */
    void stage(String district, String stage, int sign, BigDecimal investment, LocalDate day) {
        BigDecimal signed = sign > 0 ? investment : investment.negate();
        Sum now = stages.computeIfAbsent(new StageKey(district, stage), k -> new Sum());
        now.count += sign;
        now.amount = now.amount.add(signed);
        if (day != null) {
            Sum d = days.computeIfAbsent(new DayKey(day, district, stage), k -> new Sum());
            d.count += sign;
            d.amount = d.amount.add(signed);
        }
    }

    void interval(String district, String from, String to, int daysBetween) {
        intervals.merge(new IntervalKey(district, from, to, Math.max(0, daysBetween)), 1L, Long::sum);
    }

    void flush(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into investment_total (year, dim, month, district, key,"
                + " amount) values (?, ?, ?, ?, ?, ?) on conflict (year, dim, month, district, key)"
                + " do update set amount = investment_total.amount + excluded.amount")) {
            for (Map.Entry<DeltaKey, BigDecimal> e : deltas.entrySet()) {
                if (e.getValue().signum() == 0) {
                    continue;
                }
                DeltaKey k = e.getKey();
                s.setInt(1, k.year());
                s.setString(2, k.dim());
                s.setInt(3, k.month());
                s.setString(4, k.district());
                s.setString(5, k.key());
                s.setBigDecimal(6, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("insert into stage_count (district, stage, projects, investment)"
                + " values (?, ?, ?, ?) on conflict (district, stage) do update set"
                + " projects = stage_count.projects + excluded.projects,"
                + " investment = stage_count.investment + excluded.investment")) {
            for (Map.Entry<StageKey, Sum> e : stages.entrySet()) {
                if (e.getValue().count == 0 && e.getValue().amount.signum() == 0) {
                    continue;
                }
                s.setString(1, e.getKey().district());
                s.setString(2, e.getKey().stage());
                s.setLong(3, e.getValue().count);
                s.setBigDecimal(4, e.getValue().amount);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("insert into stage_change_day (day, district, stage, projects,"
                + " investment) values (?, ?, ?, ?, ?) on conflict (day, district, stage) do update set"
                + " projects = stage_change_day.projects + excluded.projects,"
                + " investment = stage_change_day.investment + excluded.investment")) {
            for (Map.Entry<DayKey, Sum> e : days.entrySet()) {
                if (e.getValue().count == 0 && e.getValue().amount.signum() == 0) {
                    continue;
                }
                s.setDate(1, Date.valueOf(e.getKey().day()));
                s.setString(2, e.getKey().district());
                s.setString(3, e.getKey().stage());
                s.setLong(4, e.getValue().count);
                s.setBigDecimal(5, e.getValue().amount);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("insert into stage_interval (district, from_stage, to_stage, days,"
                + " projects) values (?, ?, ?, ?, ?) on conflict (district, from_stage, to_stage, days)"
                + " do update set projects = stage_interval.projects + excluded.projects")) {
            for (Map.Entry<IntervalKey, Long> e : intervals.entrySet()) {
                s.setString(1, e.getKey().district());
                s.setString(2, e.getKey().from());
                s.setString(3, e.getKey().to());
                s.setInt(4, e.getKey().days());
                s.setLong(5, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
