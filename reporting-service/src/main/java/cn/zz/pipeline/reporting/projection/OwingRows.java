package cn.zz.pipeline.reporting.projection;

import static cn.zz.pipeline.reporting.projection.ArrayRows.col;

import cn.zz.pipeline.platform.time.InvestmentDeadlines;
import cn.zz.pipeline.reporting.stats.Figures;
import cn.zz.pipeline.reporting.unreported.PeriodKey;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The 未报清单's read model (owing_project, owing_gap, owing_count; see V8__unreported.sql) over one batch: what each
 * project owed before its first event of the batch is kept, what it owes after the batch is computed from its state,
 * and only the difference is written at the end, like the aggregates (a figure for the next period moves one
 * LATEST count and updates one row).
 */
final class OwingRows {

    /**
     * What a project owes as the tables hold it: the first period it owes, the last (the period it went into
     * production in; null while open), the period of its latest figure (the one before {@code from} without any) and
     * the periods owed before that without a figure, ascending.
     */
    record Owing(String district, String code, int from, Integer until, int latest, int[] gaps) {

        boolean sameRow(Owing o) {
            return district.equals(o.district) && code.equals(o.code) && from == o.from
                    && Objects.equals(until, o.until) && latest == o.latest;
        }

        /** Whether it is behind for some period: its latest figure is before the last period it owes. */
        boolean everBehind() {
            return until == null || latest < until;
        }

        boolean sameGaps(Owing o) {
            return district.equals(o.district) && code.equals(o.code) && Arrays.equals(gaps, o.gaps);
        }
    }

    record CountKey(String district, String kind, int period) {
    }

    private static final Comparator<CountKey> COUNT_ORDER = Comparator.comparing(CountKey::district)
            .thenComparing(CountKey::kind).thenComparingInt(CountKey::period);

    /** Per project of the batch: what it owed before its first event (null: nothing). */
    private final Map<UUID, Owing> before = new LinkedHashMap<>();

    /** Called before a project event is applied; the first call per project keeps what the tables hold. */
    void before(UUID id, ProjectState p) {
        if (!before.containsKey(id)) {
            before.put(id, owing(p));
        }
    }

    /**
     * What {@code p} owes now; null when it owes nothing (not admitted yet, withdrawn, no admission date, or in
     * production before the period of its admission).
     */
    static Owing owing(ProjectState p) {
        if (p == null || !InvestmentDeadlines.owingStage(p.stage) || p.admittedOn == null) {
            return null;
        }
        YearMonth first = InvestmentDeadlines.firstOwed(p.admittedOn);
        int from = PeriodKey.of(first);
        YearMonth last = InvestmentDeadlines.lastOwed(p.stage, p.productionOn);
        Integer until = last == null ? null : PeriodKey.of(last);
        if (until != null && until < from) {
            return null;
        }
        int latest = PeriodKey.of(InvestmentDeadlines.previous(first));
        // Figures of periods before admission are kept, but owed is only what comes after it.
        for (Map.Entry<Integer, BigDecimal[]> year : p.figures.entrySet()) {
            BigDecimal[] months = year.getValue();
            for (int m = Figures.MONTHS - 1; m >= Figures.FIRST_MONTH; m--) {
                int key = year.getKey() * 100 + m;
                if (months[m] != null && key >= from) {
                    latest = Math.max(latest, key);
                    break;
                }
            }
        }
        List<Integer> gaps = new ArrayList<>();
        for (YearMonth q = first; PeriodKey.of(q) < latest && (until == null || PeriodKey.of(q) <= until);
                q = InvestmentDeadlines.next(q)) {
            BigDecimal[] months = p.figures.get(q.getYear());
            if (months == null || months[q.getMonthValue()] == null) {
                gaps.add(PeriodKey.of(q));
            }
        }
        return new Owing(p.district, p.code, from, until, latest,
                gaps.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Writes the difference between what each project of the batch owed before it and what it owes now. */
    void flush(Connection c, ProjectStore store) throws SQLException {
        ArrayRows rows = new ArrayRows("owing_project", "on conflict (project_id) do update set"
                + " district = excluded.district, code = excluded.code, from_period = excluded.from_period,"
                + " until_period = excluded.until_period, latest_period = excluded.latest_period",
                col("project_id", "uuid"), col("district", "varchar"), col("code", "varchar"),
                col("from_period", "int4"), col("until_period", "int4"), col("latest_period", "int4"));
        List<UUID> gone = new ArrayList<>();
        ArrayRows newGaps = new ArrayRows("owing_gap", "", col("project_id", "uuid"), col("period", "int4"),
                col("district", "varchar"), col("code", "varchar"));
        List<UUID> filledIds = new ArrayList<>();
        List<Integer> filledPeriods = new ArrayList<>();
        Map<CountKey, Long> counts = new HashMap<>();
        for (Map.Entry<UUID, Owing> e : before.entrySet()) {
            UUID id = e.getKey();
            Owing was = e.getValue();
            Owing now = owing(store.get(id));
            if (was == null && now == null || was != null && now != null && was.sameRow(now) && was.sameGaps(now)) {
                continue;
            }
            if (now == null) {
                gone.add(id);
            } else if (was == null || !was.sameRow(now)) {
                rows.add(id, now.district(), now.code(), now.from(), now.until(), now.latest());
            }
            if (was == null || now == null || !was.sameGaps(now)) {
                int[] old = was == null ? new int[0] : was.gaps();
                int[] add = now == null ? new int[0] : now.gaps();
                boolean moved = was != null && now != null
                        && (!was.district().equals(now.district()) || !was.code().equals(now.code()));
                for (int g : old) {
                    if (moved || Arrays.binarySearch(add, g) < 0) {
                        filledIds.add(id);
                        filledPeriods.add(g);
                    }
                }
                for (int g : add) {
                    if (moved || Arrays.binarySearch(old, g) < 0) {
                        newGaps.add(id, g, now.district(), now.code());
                    }
                }
            }
            count(counts, was, -1);
            count(counts, now, 1);
        }
        if (!gone.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("delete from owing_project where project_id = any(?)")) {
                s.setArray(1, c.createArrayOf("uuid", gone.toArray()));
                s.executeUpdate();
            }
        }
        rows.execute(c);
        if (!filledIds.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("delete from owing_gap g using unnest(?::uuid[], ?::int4[])"
                    + " as f(project_id, period) where g.project_id = f.project_id and g.period = f.period")) {
                s.setArray(1, c.createArrayOf("uuid", filledIds.toArray()));
                s.setArray(2, c.createArrayOf("int4", filledPeriods.toArray()));
                s.executeUpdate();
            }
        }
        newGaps.execute(c);
        writeCounts(c, counts);
    }

    private static void count(Map<CountKey, Long> counts, Owing o, long sign) {
        if (o == null) {
            return;
        }
        counts.merge(new CountKey(o.district(), "FROM", o.from()), sign, Long::sum);
        if (o.until() != null) {
            counts.merge(new CountKey(o.district(), "UNTIL", o.until()), sign, Long::sum);
        }
        if (o.everBehind()) {
            counts.merge(new CountKey(o.district(), "LATEST", o.latest()), sign, Long::sum);
            if (o.until() != null) {
                counts.merge(new CountKey(o.district(), "CLOSE", o.until()), sign, Long::sum);
            }
        }
        for (int g : o.gaps()) {
            counts.merge(new CountKey(o.district(), "GAP", g), sign, Long::sum);
        }
    }

    /** Additive upsert of the changed counts (sorted keys), then the keys that came to 0 go. */
    private static void writeCounts(Connection c, Map<CountKey, Long> counts) throws SQLException {
        List<Map.Entry<CountKey, Long>> changed = new ArrayList<>();
        counts.entrySet().stream().filter(e -> e.getValue() != 0).forEach(changed::add);
        if (changed.isEmpty()) {
            return;
        }
        changed.sort(Map.Entry.comparingByKey(COUNT_ORDER));
        ArrayRows upsert = new ArrayRows("owing_count", "on conflict (district, kind, period) do update set"
                + " projects = owing_count.projects + excluded.projects",
                col("district", "varchar"), col("kind", "varchar"), col("period", "int4"), col("projects", "int8"));
        List<Object> districts = new ArrayList<>();
        List<Object> kinds = new ArrayList<>();
        List<Object> periods = new ArrayList<>();
        for (Map.Entry<CountKey, Long> e : changed) {
            CountKey k = e.getKey();
            upsert.add(k.district(), k.kind(), k.period(), e.getValue());
            districts.add(k.district());
            kinds.add(k.kind());
            periods.add(k.period());
        }
        upsert.execute(c);
        try (PreparedStatement s = c.prepareStatement("delete from owing_count o using unnest(?::varchar[],"
                + " ?::varchar[], ?::int4[]) as k(district, kind, period) where o.district = k.district"
                + " and o.kind = k.kind and o.period = k.period and o.projects = 0")) {
            s.setArray(1, c.createArrayOf("varchar", districts.toArray()));
            s.setArray(2, c.createArrayOf("varchar", kinds.toArray()));
            s.setArray(3, c.createArrayOf("int4", periods.toArray()));
            s.executeUpdate();
        }
    }
}
