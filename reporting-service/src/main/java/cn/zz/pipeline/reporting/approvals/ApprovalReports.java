package cn.zz.pipeline.reporting.approvals;

import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Sql;
import cn.zz.pipeline.reporting.stats.Histogram;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The approval report's read model: approval_lead (lead-time histogram per district and department) and
 * approval_task_view (open and overdue tasks, {@link Overdue}).
 */
@ApplicationScoped
public class ApprovalReports {

    static final int LIST_LIMIT = 50;

    @Inject
    Db db;

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

    /** Tasks decided after {@code hours} hours. */
    record LeadTime(String department, int hours, long tasks) {
    }

    record OpenTasks(String department, long open, long overdue) {
    }

    record LateTask(UUID taskId, UUID projectId, String code, String name, String district, String department,
                    String item, LocalDate dueDate, String escalatedTo) {
    }

    /**
     * Lead time per department (accepted (受理) → task decided: median and p90 in days, from the hour histogram), open
     * and overdue tasks as of {@code today}, and the {@value #LIST_LIMIT} most overdue ones, within {@code scope}.
     */
    public ApprovalReport report(String scope, LocalDate today) {
        return db.read(s -> {
            Map<String, Histogram> lead = new TreeMap<>();
            for (LeadTime r : s.list(LeadTime.class, Sql.of("select department, hours, sum(tasks) as tasks"
                    + " from approval_lead where true").inScope("district", scope).append(" group by department, hours"))) {
                lead.computeIfAbsent(r.department(), k -> new Histogram()).add(r.hours(), r.tasks());
            }
            Map<String, OpenTasks> open = new TreeMap<>();
            for (OpenTasks r : s.list(OpenTasks.class, Sql.of("select t.department, count(*) as open,"
                    + " count(*) filter (where " + Overdue.condition("?") + ") as overdue from approval_task_view t"
                    + " where t.state in ('PENDING', 'RETURNED')", today)
                    .inScope("t.district", scope).append(" group by t.department"))) {
                open.put(r.department(), r);
            }
            TreeSet<String> departments = new TreeSet<>(config.departments().keySet());
            departments.addAll(lead.keySet());
            departments.addAll(open.keySet());
            List<Department> rows = new ArrayList<>();
            long overdueCount = 0;
            for (String d : departments) {
                Histogram h = lead.getOrDefault(d, new Histogram());
                OpenTasks o = open.getOrDefault(d, new OpenTasks(d, 0, 0));
                overdueCount += o.overdue();
                rows.add(new Department(d, config.departmentLabel(d), h.count(), o.open(), o.overdue(),
                        Histogram.hoursAsDays(h.percentile(0.5)), Histogram.hoursAsDays(h.percentile(0.9))));
            }
            List<OverdueTask> overdue = s.list(LateTask.class, Sql.of("select t.task_id, t.project_id, p.code, p.name,"
                            + " t.district, t.department, t.item, t.due_date, t.escalated_to from approval_task_view t"
                            + " left join project_view p on p.project_id = t.project_id"
                            + " where t.state in ('PENDING', 'RETURNED') and " + Overdue.condition("?"), today)
                    .inScope("t.district", scope)
                    .append(" order by t.due_date, t.task_id limit " + LIST_LIMIT))
                    .stream().map(t -> new OverdueTask(t.taskId(), t.projectId(), t.code(), t.name(), t.district(),
                            t.department(), config.departmentLabel(t.department()), t.item(), t.dueDate(),
                            Math.max(0, ChronoUnit.DAYS.between(t.dueDate(), today)), t.escalatedTo()))
                    .toList();
            return new ApprovalReport(scope, rows, overdueCount, overdue);
        });
    }
}
