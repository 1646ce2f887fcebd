package cn.zz.pipeline.reporting.approvals;

import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Sql;
import cn.zz.pipeline.reporting.stats.Histogram;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    @Schema(name = "ApprovalDepartment", description = "一个审批部门的时长与待办 (a department's lead time and open tasks)")
    public record Department(
            @Schema(required = true, description = "部门代码 (department code)", examples = "NDRC") String department,
            @Schema(required = true, description = "部门名称 (its label)", examples = "发展改革委") String label,
            @Schema(required = true, description = "已办结事项数 (tasks decided)", minimum = "0") long decided,
            @Schema(required = true, description = "在办事项数（待审批、补正中） (open tasks)", minimum = "0") long open,
            @Schema(required = true, description = "其中超期 (of which overdue)", minimum = "0") long overdue,
            @Schema(description = "受理至办结的中位天数；无办结时为 null (median days from 受理 to decision)")
            BigDecimal medianDays,
            @Schema(description = "受理至办结的 90 分位天数；无办结时为 null (90th percentile, days)")
            BigDecimal p90Days) {
    }

    @Schema(description = "一个超期的审批事项 (an overdue approval task)")
    public record OverdueTask(
            @Schema(required = true, description = "审批事项 ID (task id)") UUID taskId,
            @Schema(required = true, description = "项目 ID (project id)") UUID projectId,
            @Schema(description = "项目代码；项目尚未到达本服务时为 null (project code)") String code,
            @Schema(description = "项目名称；项目尚未到达本服务时为 null (project name)") String name,
            @Schema(description = "区县代码 (district code)", examples = "410106") String district,
            @Schema(required = true, description = "部门代码 (department code)", examples = "NR") String department,
            @Schema(required = true, description = "部门名称 (department label)") String departmentLabel,
            @Schema(description = "审批事项名称 (the approval item)") String item,
            @Schema(required = true, description = "办理期限 (due date)") LocalDate dueDate,
            @Schema(required = true, description = "超期天数 (days overdue)", minimum = "0") long daysOverdue,
            @Schema(description = "已升级督办至（如分管领导）；未升级为 null (escalated to; null when not)")
            String escalatedTo) {
    }

    @Schema(description = "审批效能报表 (the approvals report)")
    public record ApprovalReport(
            @Schema(description = "统计范围；全市时为 null (the scope; null: every district)") String district,
            @Schema(required = true, description = "各部门，按部门代码 (every department)") List<Department> departments,
            @Schema(required = true, description = "超期事项总数 (overdue tasks)", minimum = "0") long overdueCount,
            @Schema(required = true, description = "超期最久的事项（至多 50 条），期限最早的在前 (the most overdue"
                    + " tasks, earliest due first)") List<OverdueTask> overdue) {
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
