package cn.zz.pipeline.reporting.pipeline;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Sql;
import cn.zz.pipeline.reporting.stats.Histogram;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    public record StageRow(Stage stage, String label, long count, BigDecimal totalInvestment) {
    }

    /** Days from entering {@code from} to entering {@code to}. */
    public record Interval(Stage from, Stage to, String label, long projects, Integer medianDays, Integer p90Days,
                           BigDecimal averageDays) {
    }

    public record PipelineReport(String district, LocalDate asOf, List<StageRow> stages, long count,
                                 BigDecimal totalInvestment, List<Interval> intervals) {
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
