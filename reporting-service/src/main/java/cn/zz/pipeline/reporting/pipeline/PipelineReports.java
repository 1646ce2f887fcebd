package cn.zz.pipeline.reporting.pipeline;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Sql;
import cn.zz.pipeline.reporting.stats.Histogram;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline funnel's read model: stage_count (projects and investment per district and stage now),
 * stage_change_day (their changes per day, so "as of" a day = now minus the changes after it) and stage_interval
 * (days from one stage to the next, a histogram).
 */
@ApplicationScoped
public class PipelineReports {

    private static final Stage[] FUNNEL = {Stage.RESERVE, Stage.DECLARED, Stage.ADMITTED, Stage.STARTED,
        Stage.IN_PRODUCTION};

    @Inject
    Db db;

    @Schema(description = "一个阶段的项目数与总投资 (projects and investment of a stage)")
    public record StageRow(
            @Schema(required = true, description = "阶段 (stage)") Stage stage,
            @Schema(required = true, description = "阶段名称 (its label)", examples = "入库") String label,
            @Schema(required = true, description = "项目个数 (projects)", minimum = "0") long count,
            @Schema(required = true, description = "总投资，万元 (total investment, 万元)", examples = "125000")
            BigDecimal totalInvestment) {
    }

    /** Days from entering {@code from} to entering {@code to}. */
    @Schema(name = "StageInterval", description = "相邻两阶段之间的天数 (days between two stages)")
    public record Interval(
            @Schema(required = true, description = "前一阶段 (from)") Stage from,
            @Schema(required = true, description = "后一阶段 (to)") Stage to,
            @Schema(required = true, description = "名称 (label)", examples = "储备→申报") String label,
            @Schema(required = true, description = "已走完这一段的项目数 (projects that went through)", minimum = "0")
            long projects,
            @Schema(description = "中位天数；无项目时为 null (median days; null without projects)", minimum = "0")
            Integer medianDays,
            @Schema(description = "90 分位天数（最近秩）；无项目时为 null (90th percentile, days)", minimum = "0")
            Integer p90Days,
            @Schema(description = "平均天数；无项目时为 null (average days)") BigDecimal averageDays) {
    }

    @Schema(description = "项目分布漏斗 (the pipeline funnel)")
    public record PipelineReport(
            @Schema(description = "统计范围；管理员全市时为 null (the scope; null: every district)", examples = "410106")
            String district,
            @Schema(description = "截至日期（当日结束时）；当前为 null (as of the end of this day; null: now)")
            LocalDate asOf,
            @Schema(required = true, description = "各阶段（含已撤销），按阶段顺序 (every stage)") List<StageRow> stages,
            @Schema(required = true, description = "项目总数 (projects)", minimum = "0") long count,
            @Schema(required = true, description = "总投资，万元 (total investment, 万元)") BigDecimal totalInvestment,
            @Schema(required = true, description = "储备→申报→入库→开工→投产 各段天数 (days between stages)")
            List<Interval> intervals) {
    }

    /** Projects of a district in a stage (stage_count). */
    public record StageCount(String district, Stage stage, long projects) {
    }

    record StageSum(Stage stage, long projects, BigDecimal investment) {
    }

    record IntervalDays(Stage fromStage, int days, long projects) {
    }

    /** The funnel within {@code scope}: now, or at the end of {@code asOf} when given; and the days between stages. */
    public PipelineReport report(String scope, LocalDate asOf) {
        return db.read(s -> {
            Map<Stage, StageSum> sums = new EnumMap<>(Stage.class);
            s.list(StageSum.class, Sql.of("select stage, sum(projects) as projects, sum(investment) as investment"
                    + " from stage_count where true").inScope("district", scope).append(" group by stage"))
                    .forEach(r -> sums.put(r.stage(), r));
            if (asOf != null) {
                // The state at the end of that day = now, minus every change dated after it.
                s.list(StageSum.class, Sql.of("select stage, sum(projects) as projects, sum(investment) as investment"
                        + " from stage_change_day where day > ?", asOf).inScope("district", scope)
                        .append(" group by stage"))
                        .forEach(later -> {
                            StageSum now = sums.getOrDefault(later.stage(), zero(later.stage()));
                            sums.put(later.stage(), new StageSum(later.stage(), now.projects() - later.projects(),
                                    now.investment().subtract(later.investment())));
                        });
            }
            List<StageRow> stages = new ArrayList<>();
            long count = 0;
            BigDecimal total = BigDecimal.ZERO;
            for (Stage stage : Stage.values()) {
                StageSum sum = sums.getOrDefault(stage, zero(stage));
                stages.add(new StageRow(stage, stage.label(), sum.projects(), sum.investment().stripTrailingZeros()));
                count += sum.projects();
                total = total.add(sum.investment());
            }
            Map<Stage, Histogram> byFrom = new LinkedHashMap<>();
            s.list(IntervalDays.class, Sql.of("select from_stage, days, sum(projects) as projects from stage_interval"
                    + " where true").inScope("district", scope).append(" group by from_stage, days"))
                    .forEach(r -> byFrom.computeIfAbsent(r.fromStage(), k -> new Histogram()).add(r.days(), r.projects()));
            List<Interval> intervals = new ArrayList<>();
            for (int i = 0; i + 1 < FUNNEL.length; i++) {
                Histogram h = byFrom.getOrDefault(FUNNEL[i], new Histogram());
                intervals.add(new Interval(FUNNEL[i], FUNNEL[i + 1], FUNNEL[i].label() + "→" + FUNNEL[i + 1].label(),
                        h.count(), h.percentile(0.5), h.percentile(0.9), h.average()));
            }
            return new PipelineReport(scope, asOf, stages, count, total.stripTrailingZeros(), intervals);
        });
    }

    private static StageSum zero(Stage stage) {
        return new StageSum(stage, 0, BigDecimal.ZERO);
    }

    /** Projects per district and stage now, of every district (the reconciliation's check). */
    public List<StageCount> stageCounts() {
        return db.list(StageCount.class, Sql.of("select district, stage, projects from stage_count"));
    }
}
