package cn.zz.pipeline.reporting.pipeline;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The pipeline funnel: how many projects, and how much investment, sit in each stage. */
@Path("/api/reports/pipeline")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineReportResource {

    @Inject
    EntityManager em;

    @Inject
    CurrentUser user;

    public record StageRow(Stage stage, String label, long count, BigDecimal totalInvestment) {
    }

    public record PipelineReport(String district, List<StageRow> stages, long count, BigDecimal totalInvestment) {
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Count and total investment (万元) per stage within the caller's district")
    public PipelineReport pipeline(@QueryParam("district") String district) {
        String scope = user.readScope();
        String filter = district == null || district.isBlank() ? scope : district.trim();
        if (filter != null) {
            user.requireRead(filter);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select stage, count(*), coalesce(sum(total_investment), 0)"
                        + " from project_view where (cast(?1 as varchar) is null or district like cast(?1 as varchar) || '%')"
                        + " group by stage")
                .setParameter(1, filter).getResultList();
        Map<Stage, Object[]> byStage = new EnumMap<>(Stage.class);
        rows.forEach(r -> byStage.put(Stage.valueOf((String) r[0]), r));
        List<StageRow> stages = new ArrayList<>();
        long count = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Stage s : Stage.values()) {
            Object[] r = byStage.get(s);
            long c = r == null ? 0 : ((Number) r[1]).longValue();
            BigDecimal t = r == null ? BigDecimal.ZERO : (BigDecimal) r[2];
            stages.add(new StageRow(s, s.label(), c, t.stripTrailingZeros()));
            count += c;
            total = total.add(t);
        }
        return new PipelineReport(filter, stages, count, total.stripTrailingZeros());
    }
}
