package cn.zz.pipeline.reporting.pipeline;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.reporting.stats.Histogram;
import cn.zz.pipeline.reporting.web.Scope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline funnel: how many projects, and how much investment, sit in each stage, now or at the end of a past
 * day; and how long projects take from one stage to the next. Reads stage_count, stage_change_day and
 * stage_interval only.
 */
@Path("/api/reports/pipeline")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineReportResource {

    private static final Stage[] FUNNEL = {Stage.RESERVE, Stage.DECLARED, Stage.ADMITTED, Stage.STARTED,
        Stage.IN_PRODUCTION};

    @Inject
    EntityManager em;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    public record StageRow(Stage stage, String label, long count, BigDecimal totalInvestment) {
    }

    /** Days from entering {@code from} to entering {@code to}. */
    public record Interval(Stage from, Stage to, String label, long projects, Integer medianDays, Integer p90Days,
                           BigDecimal averageDays) {
    }

    public record PipelineReport(String district, LocalDate asOf, List<StageRow> stages, long count,
                                 BigDecimal totalInvestment, List<Interval> intervals) {
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Count and total investment (万元) per stage, now or as of the end of a past day (asOf),"
            + " and the days between stages (median, p90)")
    public PipelineReport pipeline(@QueryParam("district") String district, @QueryParam("asOf") String asOf) {
        String scope = Scope.district(user, district);
        LocalDate date = asOf == null || asOf.isBlank() ? null : Params.date("asOf", asOf);
        if (date != null && date.isAfter(today.date())) {
            throw ApiException.badRequest(new Violation("asOf", "future-date",
                    "不能查询未来日期的项目分布 (asOf must not be after today)", date.toString(), today.date().toString()));
        }
        Map<Stage, long[]> counts = new EnumMap<>(Stage.class);
        Map<Stage, BigDecimal> amounts = new EnumMap<>(Stage.class);
        add(counts, amounts, em.createNativeQuery("select stage, sum(projects), sum(investment) from stage_count"
                + " where district like ?1 group by stage").setParameter(1, Scope.like(scope)).getResultList(), 1);
        if (date != null) {
            // The state at the end of that day = now, minus every change dated after it.
            add(counts, amounts, em.createNativeQuery("select stage, sum(projects), sum(investment) from stage_change_day"
                            + " where day > ?1 and district like ?2 group by stage")
                    .setParameter(1, date).setParameter(2, Scope.like(scope)).getResultList(), -1);
        }
        List<StageRow> stages = new ArrayList<>();
        long count = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Stage s : Stage.values()) {
            long c = counts.getOrDefault(s, new long[1])[0];
            BigDecimal t = amounts.getOrDefault(s, BigDecimal.ZERO);
            stages.add(new StageRow(s, s.label(), c, t.stripTrailingZeros()));
            count += c;
            total = total.add(t);
        }
        return new PipelineReport(scope, date, stages, count, total.stripTrailingZeros(), intervals(scope));
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<Stage, long[]> counts, Map<Stage, BigDecimal> amounts, List<?> rows, int sign) {
        for (Object[] r : (List<Object[]>) rows) {
            Stage s = Stage.valueOf((String) r[0]);
            counts.computeIfAbsent(s, k -> new long[1])[0] += sign * ((Number) r[1]).longValue();
            BigDecimal v = (BigDecimal) r[2];
            amounts.merge(s, sign > 0 ? v : v.negate(), BigDecimal::add);
        }
    }

    private List<Interval> intervals(String scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select from_stage, to_stage, days, sum(projects) from stage_interval"
                        + " where district like ?1 group by from_stage, to_stage, days")
                .setParameter(1, Scope.like(scope)).getResultList();
        Map<Stage, Histogram> byFrom = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byFrom.computeIfAbsent(Stage.valueOf((String) r[0]), k -> new Histogram())
                    .add(((Number) r[2]).intValue(), ((Number) r[3]).longValue());
        }
        List<Interval> out = new ArrayList<>();
        for (int i = 0; i + 1 < FUNNEL.length; i++) {
            Histogram h = byFrom.getOrDefault(FUNNEL[i], new Histogram());
            out.add(new Interval(FUNNEL[i], FUNNEL[i + 1], FUNNEL[i].label() + "→" + FUNNEL[i + 1].label(), h.count(),
                    h.percentile(0.5), h.percentile(0.9), h.average()));
        }
        return out;
    }
}
