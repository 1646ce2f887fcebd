package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.reporting.jdbc.Sql;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 手续办理台账: every approval task. A task is overdue when approval-service said so (task-overdue), or when it is
 * still pending and its due date has passed; a task returned for supplement (补正) is not, as its clock stops until
 * the applicant resubmits. 受理时间 is the case's acceptance date (受理日期: the declaration's date, from which the due
 * dates count; the day the case opened for events that do not carry it). 用时 = calendar days from acceptance to the
 * decision, or to today while undecided.
 */
public final class ProceduresLedger implements LedgerDefinition<ProceduresLedger.Selected, ProceduresLedger.Row> {

    static final List<Column> COLUMNS = List.of(
            Column.text("项目代码", 26), Column.text("项目名称", 30), Column.text("所属区县", 12),
            Column.text("审批部门", 18), Column.text("事项", 30), Column.text("状态", 8),
            Column.date("受理时间"), new Column("时限（日）", Column.Format.INTEGER, 10),
            Column.date("到期日"), new Column("办结时间", Column.Format.DATE_TIME, 17),
            new Column("用时（自然日）", Column.Format.INTEGER, 12), Column.text("是否超期", 9));

    /** Overdue as the ledger counts it; takes today as its one parameter. */
    private static final String OVERDUE = cn.zz.pipeline.reporting.approvals.Overdue.condition("?");

    /**
     * @param items every item code the task covers (at least {@code item})
     * @param acceptedOn 受理日期, from which the due date counts
     * @param openedAt when approval-service opened the case (later than the acceptance date for a declaration
     *     entered after the fact)
     * @param daysUsed null for a task cancelled without a decision
     */
    @Schema(name = "ProceduresLedgerRow", description = "手续办理台账的一行：一个审批事项 (a row of the procedures ledger: an approval task)")
    public record Row(@Schema(required = true, description = "审批事项 ID (task id)") UUID taskId,
                      @Schema(required = true, description = "项目 ID (project id)") UUID projectId,
                      @Schema(description = "项目代码；项目尚未到达本服务时为 null (project code)") String code,
                      @Schema(description = "项目名称；项目尚未到达本服务时为 null (name)") String name,
                      @Schema(required = true, description = "区县代码 (district code)") String district,
                      @Schema(required = true, description = "区县名称 (district name)") String districtLabel,
                      @Schema(required = true, description = "审批部门代码 (department code)", examples = "NR")
                      String department,
                      @Schema(required = true, description = "审批部门名称 (department label)") String departmentLabel,
                      @Schema(required = true, description = "事项代码 (item code)") String item,
                      @Schema(required = true, description = "本事项涵盖的全部事项代码（至少 item） (every item covered)")
                      List<String> items,
                      @Schema(required = true, description = "事项名称，以顿号分隔 (item labels)") String itemLabel,
                      @Schema(required = true, description = "状态 (state)", enumeration = {"PENDING", "RETURNED",
                              "APPROVED", "REJECTED", "CANCELLED"}) String state,
                      @Schema(required = true, description = "状态名称 (state label)", examples = "待审批")
                      String stateLabel,
                      @Schema(description = "受理日期，期限由此起算 (accepted on)") LocalDate acceptedOn,
                      @Schema(description = "审批服务立案时间 (opened at)") OffsetDateTime openedAt,
                      @Schema(required = true, description = "办理时限，日 (time limit, days)", minimum = "0")
                      int timeLimitDays,
                      @Schema(description = "到期日 (due date)") LocalDate dueDate,
                      @Schema(description = "办结时间；未办结为 null (decided at)") OffsetDateTime decidedAt,
                      @Schema(description = "用时，自然日（受理至办结或今天）；未决定即取消的为 null (days used)")
                      Long daysUsed,
                      @Schema(required = true, description = "是否超期 (overdue)") boolean overdue)
            implements LedgerRow {

        @Override
        public List<Object> cells() {
            return Arrays.asList(code, name, districtLabel, departmentLabel, itemLabel, stateLabel, acceptedOn,
                    timeLimitDays, dueDate, local(decidedAt), daysUsed, Labels.yesNo(overdue));
        }

        private static LocalDateTime local(OffsetDateTime t) {
            return t == null ? null : t.toLocalDateTime();
        }
    }

    /** The columns {@link #select} reads. */
    public record Selected(UUID taskId, UUID projectId, String code, String name, String district, String department,
                           String item, String items, String state, LocalDate acceptedOn, OffsetDateTime openedAt,
                           int timeLimitDays, LocalDate dueDate, OffsetDateTime decidedAt, boolean isOverdue) {
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Sql select(LedgerFilter f) {
        return Sql.of("select t.task_id, t.project_id, p.code, p.name, t.district, t.department, t.item, t.items,"
                        + " t.state, t.accepted_on, t.opened_at, t.time_limit_days, t.due_date, t.decided_at, "
                        + OVERDUE
                        + " as is_overdue from approval_task_view t left join project_view p on p.project_id = t.project_id",
                        f.today())
                .append(where(f))
                .append(" order by t.district, p.code, t.opened_at, t.department, t.task_id");
    }

    @Override
    public Sql count(LedgerFilter f) {
        return Sql.of("select count(*) from approval_task_view t").append(where(f));
    }

    private static Sql where(LedgerFilter f) {
        Sql sql = Sql.of(" where true").inScope("t.district", f.region());
        if (f.taskState() != null) {
            sql.append(" and t.state = ?", f.taskState().name());
        }
        if (f.overdue() != null) {
            sql.append(" and " + OVERDUE + " = ?", f.today(), f.overdue());
        }
        return sql;
    }

    @Override
    public Class<Selected> selected() {
        return Selected.class;
    }

    @Override
    public Row row(Selected s, RowContext ctx) {
        List<String> items = s.items() == null || s.items().isBlank() ? List.of(s.item())
                : Arrays.stream(s.items().split(",")).map(String::strip).filter(i -> !i.isEmpty()).toList();
        OffsetDateTime opened = ctx.local(s.openedAt());
        OffsetDateTime decided = ctx.local(s.decidedAt());
        // Rows written before accepted_on was kept: the case was accepted the day it opened.
        LocalDate accepted = s.acceptedOn() != null ? s.acceptedOn() : opened == null ? null : opened.toLocalDate();
        boolean open = "PENDING".equals(s.state()) || "RETURNED".equals(s.state());
        LocalDate end = decided != null ? decided.toLocalDate() : open ? ctx.today() : null;
        Long days = end == null || accepted == null ? null : ChronoUnit.DAYS.between(accepted, end);
        return new Row(s.taskId(), s.projectId(), s.code(), s.name(), s.district(), ctx.district(s.district()),
                s.department(), ctx.department(s.department()), s.item(), items,
                items.stream().map(Labels::approvalItem).collect(Collectors.joining("、")), s.state(),
                Labels.taskState(s.state()), accepted, opened, s.timeLimitDays(), s.dueDate(), decided, days,
                s.isOverdue());
    }
}
