package cn.zz.pipeline.reporting.problems;

import cn.zz.pipeline.platform.persistence.SqlValues;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.reporting.config.ReportingConfig;
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
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The problem ledger's figures: logged, resolved, open, overdue and the resolution rate (resolved / logged), by
 * category and by responsible department, with the open problems nearest their deadline. Counts come from
 * problem_stat; open and overdue ones from problem_view's partial index of open problems.
 */
@Path("/api/reports/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemReportResource {

    static final int LIST_LIMIT = 50;
    /** Labels of the problem categories of project-service (问题解决台账). */
    public static final Map<String, String> CATEGORY_LABELS = Map.of("LAND", "土地", "FUNDING", "资金",
            "PROCEDURE", "手续", "UTILITIES", "水电", "FINANCING", "融资", "LABOUR", "用工", "OTHER", "其他");

    @Inject
    EntityManager em;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @Inject
    ReportingConfig config;

    public record Group(String key, String label, long logged, long resolved, long open, long overdue,
                        BigDecimal resolutionRate) {
    }

    public record OpenProblem(UUID problemId, UUID projectId, String code, String name, String category,
                              String categoryLabel, String department, LocalDate deadline, boolean overdue) {
    }

    public record ProblemReport(String district, long logged, long resolved, long open, long overdue,
                                BigDecimal resolutionRate, List<Group> byCategory, List<Group> byDepartment,
                                List<OpenProblem> openProblems) {
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Problems logged, resolved, open and overdue, resolution rate %, by category and department")
    public ProblemReport problems(@QueryParam("district") String district) {
        String scope = Scope.district(user, district);
        LocalDate now = today.date();
        @SuppressWarnings("unchecked")
        List<Object[]> stats = em.createNativeQuery("select category, department, sum(logged), sum(resolved)"
                + " from problem_stat where district like ?1 group by category, department")
                .setParameter(1, Scope.like(scope)).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> overdueRows = em.createNativeQuery("select category, coalesce(department, ''), count(*)"
                        + " from problem_view where resolved_on is null and deadline < ?2 and district like ?1"
                        + " group by category, coalesce(department, '')")
                .setParameter(1, Scope.like(scope)).setParameter(2, now).getResultList();
        Map<String, long[]> byCategory = new TreeMap<>();
        Map<String, long[]> byDepartment = new TreeMap<>();
        long[] total = new long[3];
        for (Object[] r : stats) {
            long logged = ((Number) r[2]).longValue();
            long resolved = ((Number) r[3]).longValue();
            for (long[] acc : new long[][] {byCategory.computeIfAbsent((String) r[0], k -> new long[3]),
                byDepartment.computeIfAbsent((String) r[1], k -> new long[3]), total}) {
                acc[0] += logged;
                acc[1] += resolved;
            }
        }
        for (Object[] r : overdueRows) {
            long n = ((Number) r[2]).longValue();
            byCategory.computeIfAbsent((String) r[0], k -> new long[3])[2] += n;
            byDepartment.computeIfAbsent((String) r[1], k -> new long[3])[2] += n;
            total[2] += n;
        }
        List<Group> categories = new ArrayList<>();
        byCategory.forEach((k, v) -> categories.add(group(k, CATEGORY_LABELS.getOrDefault(k, k), v)));
        List<Group> departments = new ArrayList<>();
        byDepartment.forEach((k, v) -> departments.add(group(k, k.isEmpty() ? "未指定" : config.departmentLabel(k), v)));
        @SuppressWarnings("unchecked")
        List<Object[]> openRows = em.createNativeQuery("select v.problem_id, v.project_id, p.code, p.name, v.category,"
                        + " v.department, v.deadline from problem_view v left join project_view p on p.project_id = v.project_id"
                        + " where v.resolved_on is null and v.district like ?1 order by v.deadline nulls last, v.problem_id"
                        + " limit " + LIST_LIMIT)
                .setParameter(1, Scope.like(scope)).getResultList();
        List<OpenProblem> open = new ArrayList<>();
        for (Object[] r : openRows) {
            LocalDate deadline = SqlValues.date(r[6]);
            open.add(new OpenProblem((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                    CATEGORY_LABELS.getOrDefault((String) r[4], (String) r[4]), (String) r[5], deadline,
                    deadline != null && deadline.isBefore(now)));
        }
        return new ProblemReport(scope, total[0], total[1], total[0] - total[1], total[2], rate(total[1], total[0]),
                categories, departments, open);
    }

    private static Group group(String key, String label, long[] v) {
        return new Group(key, label, v[0], v[1], v[0] - v[1], v[2], rate(v[1], v[0]));
    }

    /** resolved / logged in percent with one decimal; null when nothing was logged. */
    static BigDecimal rate(long resolved, long logged) {
        return logged == 0 ? null
                : BigDecimal.valueOf(resolved * 100).divide(BigDecimal.valueOf(logged), 1, RoundingMode.HALF_UP);
    }
}
