package cn.zz.pipeline.reporting.approvals;

import cn.zz.pipeline.platform.persistence.SqlValues;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.reporting.config.ReportingConfig;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Approval lead time per department (case opened → task decided: median and p90 in days, from the hour histogram),
 * open and overdue tasks, and the most overdue ones. A task is overdue when approval-service announced it so, or
 * when it waits for a decision (PENDING, clock running) past its due date; a returned task's clock is stopped.
 */
@Path("/api/reports/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalReportResource {

    static final int LIST_LIMIT = 50;

    @Inject
    EntityManager em;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @Inject
    ReportingConfig config;

    public record Department(String department, String label, long decided, long open, long overdue,
                             BigDecimal medianDays, BigDecimal p90Days) {
    }

    public record OverdueTask(UUID taskId, UUID projectId, String code, String name, String district,
                              String department, String departmentLabel, String item, LocalDate dueDate,
                              long daysOverdue, String escalatedTo) {
    }

    public record ApprovalReport(String district, List<Department> departments, long overdueCount,
                                 List<OverdueTask> overdue) {
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Approval lead time per department (median, p90 days), open and overdue tasks")
    public ApprovalReport approvals(@QueryParam("district") String district) {
        String scope = Scope.district(user, district);
        LocalDate now = today.date();
        Map<String, Histogram> lead = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> hist = em.createNativeQuery("select department, hours, sum(tasks) from approval_lead"
                + " where district like ?1 group by department, hours").setParameter(1, Scope.like(scope)).getResultList();
        for (Object[] r : hist) {
            lead.computeIfAbsent((String) r[0], k -> new Histogram()).add(((Number) r[1]).intValue(),
                    ((Number) r[2]).longValue());
        }
        Map<String, long[]> open = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("select department, count(*),"
                        + " count(*) filter (where overdue or (state = 'PENDING' and due_date < ?2))"
                        + " from approval_task_view where state in ('PENDING', 'RETURNED') and district like ?1"
                        + " group by department")
                .setParameter(1, Scope.like(scope)).setParameter(2, now).getResultList();
        for (Object[] r : counts) {
            open.put((String) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        TreeMap<String, Boolean> departments = new TreeMap<>();
        config.departments().keySet().forEach(d -> departments.put(d, true));
        lead.keySet().forEach(d -> departments.put(d, true));
        open.keySet().forEach(d -> departments.put(d, true));
        List<Department> rows = new ArrayList<>();
        long overdueCount = 0;
        for (String d : departments.keySet()) {
            Histogram h = lead.getOrDefault(d, new Histogram());
            long[] o = open.getOrDefault(d, new long[2]);
            overdueCount += o[1];
            rows.add(new Department(d, config.departmentLabel(d), h.count(), o[0], o[1],
                    Histogram.hoursAsDays(h.percentile(0.5)), Histogram.hoursAsDays(h.percentile(0.9))));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> late = em.createNativeQuery("select t.task_id, t.project_id, p.code, p.name, t.district,"
                        + " t.department, t.item, t.due_date, t.escalated_to from approval_task_view t"
                        + " left join project_view p on p.project_id = t.project_id"
                        + " where t.state in ('PENDING', 'RETURNED') and t.district like ?1"
                        + " and (t.overdue or (t.state = 'PENDING' and t.due_date < ?2))"
                        + " order by t.due_date, t.task_id limit " + LIST_LIMIT)
                .setParameter(1, Scope.like(scope)).setParameter(2, now).getResultList();
        List<OverdueTask> overdue = new ArrayList<>();
        for (Object[] r : late) {
            LocalDate due = SqlValues.date(r[7]);
            overdue.add(new OverdueTask((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], config.departmentLabel((String) r[5]), (String) r[6], due,
                    Math.max(0, ChronoUnit.DAYS.between(due, now)), (String) r[8]));
        }
        return new ApprovalReport(scope, rows, overdueCount, overdue);
    }
}
