package cn.zz.pipeline.reporting.landstart;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.stats.Histogram;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 拿地即开工 figures. Days = 开工 date - LAND actual date; a project started before its land date counts 0 days (it did
 * not wait for its land at all). Percentiles by nearest rank, as the other reports' ({@link Histogram}): the value at
 * rank ceil(p × n) of the sorted days (median: the lower middle of an even count), always a day count that occurred.
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

    /** One row: percentiles from the reports' one nearest-rank rule ({@link Histogram}). */
    static LandToStart.Row row(String district, String label, List<Integer> days, int within) {
        Histogram h = new Histogram();
        long inTime = 0;
        for (int d : days) {
            h.add(d, 1);
            inTime += d <= within ? 1 : 0;
        }
        if (h.count() == 0) {
            return new LandToStart.Row(district, label, 0, null, null, within, null);
        }
        double share = BigDecimal.valueOf(inTime).divide(BigDecimal.valueOf(h.count()), 4, RoundingMode.HALF_UP)
                .doubleValue();
        return new LandToStart.Row(district, label, h.count(), h.percentile(0.5), h.percentile(0.9), within,
                share);
    }
}
