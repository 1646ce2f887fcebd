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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    @Schema(description = "一个区县的 1-N月累计：报表与由事件重算 (a district's YTD: reported and recomputed)")
    public record InvestmentCheck(
            @Schema(required = true, description = "区县代码 (district)") String district,
            @Schema(required = true, description = "区县名称 (label)") String label,
            @Schema(required = true, description = "报表值，万元 (reported, 万元)") BigDecimal reported,
            @Schema(required = true, description = "由事件重算，万元 (recomputed from the events, 万元)")
            BigDecimal recomputed,
            @Schema(required = true, description = "差额 = 报表 − 重算，万元 (difference, 万元)") BigDecimal difference) {
    }

    @Schema(description = "一个区县一个阶段的项目数不一致 (a stage count that differs)")
    public record StageCheck(
            @Schema(required = true, description = "区县代码 (district)") String district,
            @Schema(required = true, description = "阶段 (stage)") Stage stage,
            @Schema(required = true, description = "报表项目数 (reported)") long reported,
            @Schema(required = true, description = "由事件重算的项目数 (recomputed)") long recomputed) {
    }

    /** A district's counted annual plans of the year (万元) and the number of projects with one, both ways. */
    @Schema(description = "一个区县本年度年度计划之和与项目数：报表与重算 (a district's annual plans, both ways)")
    public record PlanCheck(
            @Schema(required = true, description = "区县代码 (district)") String district,
            @Schema(required = true, description = "区县名称 (label)") String label,
            @Schema(required = true, description = "报表计划之和，万元 (reported, 万元)") BigDecimal reported,
            @Schema(required = true, description = "重算计划之和，万元 (recomputed, 万元)") BigDecimal recomputed,
            @Schema(required = true, description = "差额，万元 (difference, 万元)") BigDecimal difference,
            @Schema(required = true, description = "报表中有计划的项目数 (projects, reported)") long reportedProjects,
            @Schema(required = true, description = "重算中有计划的项目数 (projects, recomputed)") long recomputedProjects) {
    }

    @Schema(name = "ReconciliationResult", description = "对账结果 (the reconciliation)")
    public record Result(
            @Schema(required = true, description = "期间代码 yyyy-MM (period)", examples = "2025-06") String period,
            @Schema(required = true, description = "期间名称 (period label)", examples = "1-6月") String periodLabel,
            @Schema(required = true, description = "读取的事件数 (events read)") long events,
            @Schema(required = true, description = "事件中的项目数 (projects in the events)") long projects,
            @Schema(required = true, description = "全部一致 (everything matches)") boolean consistent,
            @Schema(required = true, description = "报表全市合计，万元 (reported total, 万元)") BigDecimal reportedTotal,
            @Schema(required = true, description = "重算全市合计，万元 (recomputed total, 万元)") BigDecimal recomputedTotal,
            @Schema(required = true, description = "各区县 1-N月累计 (YTD per district)") List<InvestmentCheck> investment,
            @Schema(required = true, description = "不一致的阶段项目数（一致时为空） (stage counts that differ)")
            List<StageCheck> stageDifferences,
            @Schema(required = true, description = "各区县年度计划 (plans per district)") List<PlanCheck> plans,
            @Schema(required = true, description = "耗时，毫秒 (took, ms)") long millis) {
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
