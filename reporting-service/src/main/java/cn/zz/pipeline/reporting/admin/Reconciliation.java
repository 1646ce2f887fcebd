package cn.zz.pipeline.reporting.admin;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.pipeline.PipelineReports;
import cn.zz.pipeline.reporting.plans.PlanTotals;
import cn.zz.pipeline.reporting.stats.Category;
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
 * ({@link EventRecount}): every district's YTD investment of a period, its projects per stage, and its counted annual
 * plans of the period's year (sum and number of projects, as plan_total holds them). {@code consistent} is true when
 * nothing differs.
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
    PlanTotals plans;

    @Inject
    ReportingConfig config;

    public record InvestmentCheck(String district, String label, BigDecimal reported, BigDecimal recomputed,
                                  BigDecimal difference) {
    }

    public record StageCheck(String district, Stage stage, long reported, long recomputed) {
    }

    /** A district's counted annual plans of the year (万元) and the number of projects with one, both ways. */
    public record PlanCheck(String district, String label, BigDecimal reported, BigDecimal recomputed,
                            BigDecimal difference, long reportedProjects, long recomputedProjects) {
    }

    public record Result(String period, String periodLabel, long events, long projects, boolean consistent,
                         BigDecimal reportedTotal, BigDecimal recomputedTotal, List<InvestmentCheck> investment,
                         List<StageCheck> stageDifferences, List<PlanCheck> plans, long millis) {
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
        List<PlanCheck> planChecks = plans(period.year(), recomputed.plansByDistrict());
        consistent &= planChecks.stream().allMatch(c -> c.difference().signum() == 0
                && c.reportedProjects() == c.recomputedProjects());
        return new Result(period.code(), period.label(), recomputed.events(), recomputed.projects(), consistent,
                report.total().ytd(), recomputedTotal.stripTrailingZeros(), investment, stageDifferences, planChecks,
                System.currentTimeMillis() - started);
    }

    /** Every district with a counted plan of {@code year} in the read model or in the events. */
    private List<PlanCheck> plans(int year, Map<String, EventRecount.Plans> recomputed) {
        Map<String, PlanTotals.DistrictCategory> reported = new TreeMap<>();
        for (PlanTotals.DistrictCategory r : plans.byDistrictAndCategory(year, null)) {
            if (r.category() == Category.ALL) {
                reported.put(r.district(), r);
            }
        }
        TreeSet<String> districts = new TreeSet<>(reported.keySet());
        districts.addAll(recomputed.keySet());
        List<PlanCheck> out = new ArrayList<>();
        for (String d : districts) {
            PlanTotals.DistrictCategory r = reported.get(d);
            EventRecount.Plans e = recomputed.getOrDefault(d, new EventRecount.Plans(BigDecimal.ZERO, 0));
            BigDecimal r1 = r == null ? BigDecimal.ZERO : r.amount();
            out.add(new PlanCheck(d, config.districtLabel(d), r1.stripTrailingZeros(), e.amount().stripTrailingZeros(),
                    r1.subtract(e.amount()).stripTrailingZeros(), r == null ? 0 : r.projects(), e.projects()));
        }
        return out;
    }
}
