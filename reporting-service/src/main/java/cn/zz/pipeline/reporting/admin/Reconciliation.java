package cn.zz.pipeline.reporting.admin;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.pipeline.PipelineReports;
import cn.zz.pipeline.reporting.stats.Dimension;
import cn.zz.pipeline.reporting.stats.InvestmentStats;
import cn.zz.pipeline.reporting.stats.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares what the reports say (the aggregates) with totals recomputed from the events themselves
 * ({@link EventRecount}): every district's YTD investment of a period and its projects per stage. {@code consistent}
 * is true when nothing differs.
 */
@ApplicationScoped
public class Reconciliation {

    @Inject
    EventRecount events;

    @Inject
    InvestmentStats stats;

    @Inject
    PipelineReports pipeline;

    @Inject
    ReportingConfig config;

    public record InvestmentCheck(String district, String label, BigDecimal reported, BigDecimal recomputed,
                                  BigDecimal difference) {
    }

    public record StageCheck(String district, Stage stage, long reported, long recomputed) {
    }

    public record Result(String period, String periodLabel, long events, long projects, boolean consistent,
                         BigDecimal reportedTotal, BigDecimal recomputedTotal, List<InvestmentCheck> investment,
                         List<StageCheck> stageDifferences, long millis) {
    }

    public Result check(Period period) {
        long started = System.currentTimeMillis();
        EventRecount.Recomputed recomputed = events.recompute(period);
        InvestmentStats.Report report = stats.report(period, null, Dimension.DISTRICT);
        Map<String, BigDecimal> reported = new TreeMap<>();
        report.rows().forEach(r -> reported.put(r.key(), r.ytd()));
        TreeSet<String> districts = new TreeSet<>(reported.keySet());
        districts.addAll(recomputed.ytdByDistrict().keySet());
        List<InvestmentCheck> investment = new ArrayList<>();
        boolean consistent = true;
        BigDecimal recomputedTotal = BigDecimal.ZERO;
        for (String d : districts) {
            BigDecimal r = reported.getOrDefault(d, BigDecimal.ZERO);
            BigDecimal e = InvestmentStats.amount(recomputed.ytdByDistrict().getOrDefault(d, BigDecimal.ZERO));
            recomputedTotal = recomputedTotal.add(e);
            BigDecimal diff = r.subtract(e);
            consistent &= diff.signum() == 0;
            if (r.signum() != 0 || e.signum() != 0) {
                investment.add(new InvestmentCheck(d, config.districtLabel(d), r, e, diff.stripTrailingZeros()));
            }
        }
        Map<String, Map<Stage, Long>> counted = new TreeMap<>();
        for (PipelineReports.StageCount c : pipeline.stageCounts()) {
            counted.computeIfAbsent(c.district(), k -> new TreeMap<>()).put(c.stage(), c.projects());
        }
        List<StageCheck> stageDifferences = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(counted.keySet());
        all.addAll(recomputed.stagesByDistrict().keySet());
        for (String d : all) {
            for (Stage s : Stage.values()) {
                long r = counted.getOrDefault(d, Map.of()).getOrDefault(s, 0L);
                long e = recomputed.stagesByDistrict().getOrDefault(d, Map.of()).getOrDefault(s, 0L);
                if (r != e) {
                    stageDifferences.add(new StageCheck(d, s, r, e));
                }
            }
        }
        consistent &= stageDifferences.isEmpty();
        return new Result(period.code(), period.label(), recomputed.events(), recomputed.projects(), consistent,
                report.total().ytd(), recomputedTotal.stripTrailingZeros(), investment, stageDifferences,
                System.currentTimeMillis() - started);
    }
}
