package cn.zz.pipeline.reporting.landstart;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.jdbc.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 拿地即开工 figures. Days = 开工 date - LAND actual date; a project started before its land date counts 0 days (it did
 * not wait for its land at all). Percentiles by nearest rank over the sorted days: the p-th is the value at rank
 * ceil(p × n) (median: p = 0.5, so the lower middle of an even count; p90: p = 0.9), always a day count that occurred.
 */
@ApplicationScoped
public class LandToStartReport {

    @Inject
    Db db;

    @Inject
    ReportingConfig config;

    public LandToStart of(String scope, int year) {
        int within = config.landToStartDays();
        Map<String, List<Integer>> byDistrict = new HashMap<>();
        List<Integer> all = new ArrayList<>();
        for (LandToStartQueries.Started s : db.read(s -> LandToStartQueries.started(s, scope, year))) {
            int days = Math.max(0, s.days());
            byDistrict.computeIfAbsent(s.district(), d -> new ArrayList<>()).add(days);
            all.add(days);
        }
        List<LandToStart.Row> rows = new ArrayList<>();
        for (District d : District.all()) {
            if (scope == null || d.code().startsWith(scope)) {
                rows.add(row(d.code(), d.name(), byDistrict.getOrDefault(d.code(), List.of()), within));
            }
        }
        return new LandToStart(year, within, rows, row(null, "合计", all, within));
    }

    static LandToStart.Row row(String district, String label, List<Integer> days, int within) {
        int[] sorted = days.stream().mapToInt(Integer::intValue).sorted().toArray();
        if (sorted.length == 0) {
            return new LandToStart.Row(district, label, 0, null, null, within, null);
        }
        long inTime = Arrays.stream(sorted).filter(d -> d <= within).count();
        double share = BigDecimal.valueOf(inTime).divide(BigDecimal.valueOf(sorted.length), 4, RoundingMode.HALF_UP)
                .doubleValue();
        return new LandToStart.Row(district, label, sorted.length, percentile(sorted, 50), percentile(sorted, 90),
                within, share);
    }

    /** Nearest rank: the value at rank ceil(p / 100 × n), 1-based, of the sorted values. */
    static int percentile(int[] sorted, int p) {
        int rank = (int) Math.ceil(p * sorted.length / 100.0);
        return sorted[Math.max(rank, 1) - 1];
    }
}
