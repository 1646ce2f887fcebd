package cn.zz.pipeline.reporting.projection;

import static cn.zz.pipeline.reporting.projection.ArrayRows.col;
import static cn.zz.pipeline.reporting.projection.ArrayRows.text;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to the aggregate tables collected over one batch and written at its end: one additive upsert statement a
 * table, with a row per touched key (sorted, so concurrent writers would lock in one order).
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

    record PlanKey(int year, String dim, String district, String key) {
    }

    static final class Sum {
        long count;
        BigDecimal amount = BigDecimal.ZERO;
    }

    // Hash maps while the batch is applied (a report merges into ten keys or so); sorted once, when written.
    private final Map<DeltaKey, BigDecimal> deltas = new HashMap<>();
    private final Map<StageKey, Sum> stages = new HashMap<>();
    private final Map<DayKey, Sum> days = new HashMap<>();
    private final Map<IntervalKey, Long> intervals = new HashMap<>();
    private final Map<PlanKey, Sum> plans = new HashMap<>();

    private static final Comparator<DeltaKey> DELTA_ORDER = Comparator.comparingInt(DeltaKey::year)
            .thenComparing(DeltaKey::dim).thenComparingInt(DeltaKey::month).thenComparing(DeltaKey::district)
            .thenComparing(DeltaKey::key);
    private static final Comparator<StageKey> STAGE_ORDER = Comparator.comparing(StageKey::district)
            .thenComparing(StageKey::stage);
    private static final Comparator<DayKey> DAY_ORDER = Comparator.comparing(DayKey::day)
            .thenComparing(DayKey::district).thenComparing(DayKey::stage);
    private static final Comparator<PlanKey> PLAN_ORDER = Comparator.comparingInt(PlanKey::year)
            .thenComparing(PlanKey::dim).thenComparing(PlanKey::district).thenComparing(PlanKey::key);
    private static final Comparator<IntervalKey> INTERVAL_ORDER = Comparator.comparing(IntervalKey::district)
            .thenComparing(IntervalKey::from).thenComparing(IntervalKey::to).thenComparingInt(IntervalKey::days);

    private static <K, V> List<Map.Entry<K, V>> sorted(Map<K, V> map, Comparator<K> order) {
        List<Map.Entry<K, V>> list = new ArrayList<>(map.entrySet());
        list.sort(Map.Entry.comparingByKey(order));
        return list;
    }

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

    /**
     * A counted project's annual plan of {@code year} changes by {@code amount} under each of its keys, and the
     * number of counted projects with a plan by {@code projects} (1 for a plan that starts to count, -1 for one
     * that stops).
     */
    void plan(int year, StatKeys keys, BigDecimal amount, int projects) {
        if (amount.signum() == 0 && projects == 0) {
            return;
        }
        for (String[] k : keys.keys()) {
            Sum s = plans.computeIfAbsent(new PlanKey(year, k[0], keys.district(), k[1]), x -> new Sum());
            s.count += projects;
            s.amount = s.amount.add(amount);
        }
    }

    void interval(String district, String from, String to, int daysBetween) {
        intervals.merge(new IntervalKey(district, from, to, Math.max(0, daysBetween)), 1L, Long::sum);
    }

    /** Not the ORM: one unnest statement per table per batch ({@link ArrayRows}), measured to pay. */
    void flush(Connection c) throws SQLException {
        ArrayRows totals = new ArrayRows("investment_total", "on conflict (year, dim, month, district, key)"
                + " do update set amount = investment_total.amount + excluded.amount",
                col("year", "int4"), col("dim", "varchar"), col("month", "int4"), col("district", "varchar"),
                col("key", "varchar"), col("amount", "numeric"));
        for (Map.Entry<DeltaKey, BigDecimal> e : sorted(deltas, DELTA_ORDER)) {
            if (e.getValue().signum() != 0) {
                DeltaKey k = e.getKey();
                totals.add(k.year(), k.dim(), k.month(), k.district(), k.key(), e.getValue());
            }
        }
        totals.execute(c);
        ArrayRows stageRows = new ArrayRows("stage_count", "on conflict (district, stage) do update set"
                + " projects = stage_count.projects + excluded.projects,"
                + " investment = stage_count.investment + excluded.investment",
                col("district", "varchar"), col("stage", "varchar"), col("projects", "int8"),
                col("investment", "numeric"));
        for (Map.Entry<StageKey, Sum> e : sorted(stages, STAGE_ORDER)) {
            if (e.getValue().count != 0 || e.getValue().amount.signum() != 0) {
                stageRows.add(e.getKey().district(), e.getKey().stage(), e.getValue().count, e.getValue().amount);
            }
        }
        stageRows.execute(c);
        ArrayRows dayRows = new ArrayRows("stage_change_day", "on conflict (day, district, stage) do update set"
                + " projects = stage_change_day.projects + excluded.projects,"
                + " investment = stage_change_day.investment + excluded.investment",
                text("day", "date"), col("district", "varchar"), col("stage", "varchar"), col("projects", "int8"),
                col("investment", "numeric"));
        for (Map.Entry<DayKey, Sum> e : sorted(days, DAY_ORDER)) {
            if (e.getValue().count != 0 || e.getValue().amount.signum() != 0) {
                dayRows.add(e.getKey().day(), e.getKey().district(), e.getKey().stage(), e.getValue().count,
                        e.getValue().amount);
            }
        }
        dayRows.execute(c);
        ArrayRows intervalRows = new ArrayRows("stage_interval", "on conflict (district, from_stage, to_stage, days)"
                + " do update set projects = stage_interval.projects + excluded.projects",
                col("district", "varchar"), col("from_stage", "varchar"), col("to_stage", "varchar"),
                col("days", "int4"), col("projects", "int8"));
        for (Map.Entry<IntervalKey, Long> e : sorted(intervals, INTERVAL_ORDER)) {
            intervalRows.add(e.getKey().district(), e.getKey().from(), e.getKey().to(), e.getKey().days(),
                    e.getValue());
        }
        intervalRows.execute(c);
        ArrayRows planRows = new ArrayRows("plan_total", "on conflict (year, dim, district, key) do update set"
                + " amount = plan_total.amount + excluded.amount, projects = plan_total.projects + excluded.projects",
                col("year", "int4"), col("dim", "varchar"), col("district", "varchar"), col("key", "varchar"),
                col("amount", "numeric"), col("projects", "int8"));
        for (Map.Entry<PlanKey, Sum> e : sorted(plans, PLAN_ORDER)) {
            if (e.getValue().count != 0 || e.getValue().amount.signum() != 0) {
                PlanKey k = e.getKey();
                planRows.add(k.year(), k.dim(), k.district(), k.key(), e.getValue().amount, e.getValue().count);
            }
        }
        planRows.execute(c);
    }
}
