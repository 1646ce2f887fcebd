package cn.zz.pipeline.reporting.admin;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.stats.Dimension;
import cn.zz.pipeline.reporting.stats.InvestmentStats;
import cn.zz.pipeline.reporting.stats.Period;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares what the reports say (the aggregates) with totals recomputed from the events themselves: every
 * district's YTD investment of a period and its projects per stage. {@code consistent} is true when nothing differs.
 * Reads the whole project topic: an operator's check, not a page.
 */
@Path("/api/admin/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    @Inject
    Reconciliation reconciliation;

    @Inject
    InvestmentStats stats;

    @Inject
    EntityManager em;

    @Inject
    Today today;

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

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Report totals against totals recomputed from the events (YTD per district, stage counts)")
    public Result check(@QueryParam("year") String year, @QueryParam("month") String month) {
        long started = System.currentTimeMillis();
        Period period = Period.of(year, month, today.date());
        Reconciliation.Recomputed events = reconciliation.recompute(period);
        InvestmentStats.Report report = stats.report(period, null, Dimension.DISTRICT);
        Map<String, BigDecimal> reported = new TreeMap<>();
        report.rows().forEach(r -> reported.put(r.key(), r.ytd()));
        TreeSet<String> districts = new TreeSet<>(reported.keySet());
        districts.addAll(events.ytdByDistrict().keySet());
        List<InvestmentCheck> investment = new ArrayList<>();
        boolean consistent = true;
        BigDecimal recomputedTotal = BigDecimal.ZERO;
        for (String d : districts) {
            BigDecimal r = reported.getOrDefault(d, BigDecimal.ZERO);
            BigDecimal e = InvestmentStats.amount(events.ytdByDistrict().getOrDefault(d, BigDecimal.ZERO));
            recomputedTotal = recomputedTotal.add(e);
            BigDecimal diff = r.subtract(e);
            consistent &= diff.signum() == 0;
            if (r.signum() != 0 || e.signum() != 0) {
                investment.add(new InvestmentCheck(d, config.districtLabel(d), r, e, diff.stripTrailingZeros()));
            }
        }
        Map<String, Map<Stage, Long>> counted = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select district, stage, projects from stage_count").getResultList();
        for (Object[] r : rows) {
            counted.computeIfAbsent((String) r[0], k -> new TreeMap<>())
                    .put(Stage.valueOf((String) r[1]), ((Number) r[2]).longValue());
        }
        List<StageCheck> stageDifferences = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(counted.keySet());
        all.addAll(events.stagesByDistrict().keySet());
        for (String d : all) {
            for (Stage s : Stage.values()) {
                long r = counted.getOrDefault(d, Map.of()).getOrDefault(s, 0L);
                long e = events.stagesByDistrict().getOrDefault(d, Map.of()).getOrDefault(s, 0L);
                if (r != e) {
                    stageDifferences.add(new StageCheck(d, s, r, e));
                }
            }
        }
        consistent &= stageDifferences.isEmpty();
        return new Result(period.code(), period.label(), events.events(), events.projects(), consistent,
                report.total().ytd(), recomputedTotal.stripTrailingZeros(), investment, stageDifferences,
                System.currentTimeMillis() - started);
    }
}
