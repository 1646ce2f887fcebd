package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.reporting.jdbc.Sql;
import cn.zz.pipeline.reporting.problems.Overdue;
import cn.zz.pipeline.reporting.problems.ProblemReports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * 问题解决台账: every logged problem with its responsible department, deadline and resolution. A problem is 已超期
 * when it is open and its deadline has passed (as project-service counts it). The summary gives the resolution
 * rate (解决率 = resolved / logged). 登记日期 is the day the problem was logged as project-service says it (the
 * original date of an imported problem), the day of the event for events that do not carry it.
 */
public final class ProblemsLedger implements LedgerDefinition<ProblemsLedger.Selected, ProblemsLedger.Row> {

    static final List<Column> COLUMNS = List.of(
            Column.text("项目代码", 26), Column.text("项目名称", 30), Column.text("所属区县", 12),
            Column.text("问题类别", 10), Column.text("问题描述", 40), Column.text("责任部门", 18),
            Column.date("办结时限"), Column.date("登记日期"), Column.date("解决日期"), Column.text("解决情况", 30),
            Column.text("状态", 8));

    /** The status rule, in one place; takes today as its one parameter. */
    private static final String STATUS = "case when pr.resolved_on is not null then 'RESOLVED'"
            + " when " + Overdue.condition("pr", "?") + " then 'OVERDUE' else 'OPEN' end";

    @Schema(name = "ProblemsLedgerRow", description = "问题解决台账的一行 (a row of the problems ledger)")
    public record Row(@Schema(required = true, description = "问题 ID (problem id)") UUID problemId,
                      @Schema(required = true, description = "项目 ID (project id)") UUID projectId,
                      @Schema(description = "项目代码；项目尚未到达本服务时为 null (project code)") String code,
                      @Schema(description = "项目名称；项目尚未到达本服务时为 null (name)") String name,
                      @Schema(required = true, description = "区县代码 (district code)") String district,
                      @Schema(required = true, description = "区县名称 (district name)") String districtLabel,
                      @Schema(required = true, description = "问题类别 (category)", examples = "LAND") String category,
                      @Schema(required = true, description = "类别名称 (category label)", examples = "土地")
                      String categoryLabel,
                      @Schema(description = "问题描述 (description)") String description,
                      @Schema(description = "责任部门代码；未指定为 null (responsible department)") String department,
                      @Schema(description = "责任部门名称；未指定为 null (department label)") String departmentLabel,
                      @Schema(description = "解决时限；未定为 null (deadline)") LocalDate deadline,
                      @Schema(description = "登记日期 (logged on)") LocalDate loggedOn,
                      @Schema(description = "解决日期；未解决为 null (resolved on)") LocalDate resolvedOn,
                      @Schema(description = "解决情况；未解决为 null (resolution)") String resolution,
                      @Schema(required = true, description = "状态 (status)") Labels.ProblemStatus status,
                      @Schema(required = true, description = "状态名称 (status label)", examples = "未解决")
                      String statusLabel)
            implements LedgerRow {

        @Override
        public List<Object> cells() {
            return Arrays.asList(code, name, districtLabel, categoryLabel, description, departmentLabel, deadline,
                    loggedOn, resolvedOn, resolution, statusLabel);
        }
    }

    /**
     * @param resolutionRate percent with one decimal (resolved / logged); null when nothing was logged
     */
    @Schema(name = "ProblemsLedgerSummary", description = "整本台账的问题数 (the counts of the whole ledger)")
    public record Summary(@Schema(required = true, description = "登记问题数 (logged)", minimum = "0") long logged,
                          @Schema(required = true, description = "已解决 (resolved)", minimum = "0") long resolved,
                          @Schema(required = true, description = "未解决 (open)", minimum = "0") long open,
                          @Schema(required = true, description = "其中已超期 (overdue)", minimum = "0") long overdue,
                          @Schema(description = "解决率，% 一位小数；无登记为 null (resolution rate, percent)")
                          BigDecimal resolutionRate) {

        public static Summary of(long logged, long resolved, long overdue) {
            return new Summary(logged, resolved, logged - resolved, overdue, ProblemReports.rate(resolved, logged));
        }
    }

    /** Counts rows as they are written, for the summary of a streamed ledger. */
    public static final class Tally {
        private long logged;
        private long resolved;
        private long overdue;

        public void add(Row row) {
            logged++;
            if (row.status() == Labels.ProblemStatus.RESOLVED) {
                resolved++;
            } else if (row.status() == Labels.ProblemStatus.OVERDUE) {
                overdue++;
            }
        }

        public Summary summary() {
            return Summary.of(logged, resolved, overdue);
        }
    }

    /** The columns {@link #select} reads. */
    public record Selected(UUID problemId, UUID projectId, String code, String name, String district, String category,
                           String description, String department, LocalDate deadline, LocalDate loggedOn,
                           LocalDate resolvedOn, String resolution, Labels.ProblemStatus status) {
    }

    /** What {@link #summary} selects. */
    public record Counts(long logged, long resolved, long overdue) {

        public Summary summary() {
            return Summary.of(logged, resolved, overdue);
        }
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Sql select(LedgerFilter f) {
        return Sql.of("select pr.problem_id, pr.project_id, p.code, p.name, pr.district, pr.category,"
                        + " pr.description, pr.department, pr.deadline, pr.logged_on, pr.resolved_on, pr.resolution, "
                        + STATUS + " as status from problem_view pr left join project_view p on p.project_id = pr.project_id",
                        f.today())
                .append(where(f))
                .append(" order by pr.district, p.code, pr.logged_on, pr.problem_id");
    }

    @Override
    public Sql count(LedgerFilter f) {
        return Sql.of("select count(*) from problem_view pr").append(where(f));
    }

    /** logged, resolved, overdue (open past the deadline) over the whole ledger. */
    public Sql summary(LedgerFilter f) {
        return Sql.of("select count(*) as logged, count(*) filter (where s.status = 'RESOLVED') as resolved,"
                        + " count(*) filter (where s.status = 'OVERDUE') as overdue from (select " + STATUS
                        + " as status from problem_view pr", f.today())
                .append(where(f)).append(") s");
    }

    private static Sql where(LedgerFilter f) {
        return Sql.of(" where true").inScope("pr.district", f.region());
    }

    @Override
    public Class<Selected> selected() {
        return Selected.class;
    }

    @Override
    public Row row(Selected s, RowContext ctx) {
        return new Row(s.problemId(), s.projectId(), s.code(), s.name(), s.district(), ctx.district(s.district()),
                s.category(), Labels.problemCategory(s.category()), s.description(), s.department(),
                ctx.department(s.department()), s.deadline(), s.loggedOn(), s.resolvedOn(), s.resolution(),
                s.status(), s.status().label());
    }
}
