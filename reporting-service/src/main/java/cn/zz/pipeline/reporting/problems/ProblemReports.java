package cn.zz.pipeline.reporting.problems;

import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The problem report's read model: problem_stat (logged and resolved per district, category and department) and
 * problem_view's open problems (a partial index holds them), {@link Overdue} when open past their deadline.
 */
@ApplicationScoped
public class ProblemReports {

    static final int LIST_LIMIT = 50;
    /** Labels of the problem categories of project-service (问题解决台账). */
    public static final Map<String, String> CATEGORY_LABELS = Map.of("LAND", "土地", "FUNDING", "资金",
            "PROCEDURE", "手续", "UTILITIES", "水电", "FINANCING", "融资", "LABOUR", "用工", "OTHER", "其他");

    @Inject
    Db db;

    @Inject
    ReportingConfig config;

    @Schema(name = "ProblemGroup", description = "一个问题类别或责任部门的问题数 (the problems of a category or a department)")
    public record Group(
            @Schema(required = true, description = "类别代码或部门代码；未指定部门为空串 (category or department code;"
                    + " '' for no department)", examples = "LAND") String key,
            @Schema(required = true, description = "名称 (label)", examples = "土地") String label,
            @Schema(required = true, description = "登记问题数 (logged)", minimum = "0") long logged,
            @Schema(required = true, description = "已解决 (resolved)", minimum = "0") long resolved,
            @Schema(required = true, description = "未解决 (open)", minimum = "0") long open,
            @Schema(required = true, description = "其中已超期 (of which overdue)", minimum = "0") long overdue,
            @Schema(description = "解决率，% 一位小数；无登记时为 null (resolution rate, percent)", examples = "66.7")
            BigDecimal resolutionRate) {
    }

    @Schema(description = "一个未解决的问题 (an open problem)")
    public record OpenProblem(
            @Schema(required = true, description = "问题 ID (problem id)") UUID problemId,
            @Schema(required = true, description = "项目 ID (project id)") UUID projectId,
            @Schema(description = "项目代码；项目尚未到达本服务时为 null (project code)") String code,
            @Schema(description = "项目名称；项目尚未到达本服务时为 null (project name)") String name,
            @Schema(required = true, description = "问题类别 (category)", enumeration = {"LAND", "FUNDING", "PROCEDURE",
                    "UTILITIES", "FINANCING", "LABOUR", "OTHER"}) String category,
            @Schema(required = true, description = "类别名称 (category label)", examples = "土地") String categoryLabel,
            @Schema(description = "责任部门代码；未指定为 null (responsible department)") String department,
            @Schema(description = "解决时限；未定为 null (deadline)") LocalDate deadline,
            @Schema(required = true, description = "已超过时限 (past its deadline)") boolean overdue) {
    }

    @Schema(description = "问题解决报表 (the problems report)")
    public record ProblemReport(
            @Schema(description = "统计范围；全市时为 null (the scope; null: every district)") String district,
            @Schema(required = true, description = "登记问题数 (logged)", minimum = "0") long logged,
            @Schema(required = true, description = "已解决 (resolved)", minimum = "0") long resolved,
            @Schema(required = true, description = "未解决 (open)", minimum = "0") long open,
            @Schema(required = true, description = "其中已超期 (of which overdue)", minimum = "0") long overdue,
            @Schema(description = "解决率，% 一位小数；无登记时为 null (resolution rate, percent)") BigDecimal resolutionRate,
            @Schema(required = true, description = "按问题类别 (by category)") List<Group> byCategory,
            @Schema(required = true, description = "按责任部门 (by department)") List<Group> byDepartment,
            @Schema(required = true, description = "未解决的问题，时限最近的在前，至多 50 条 (open problems, nearest"
                    + " deadline first)") List<OpenProblem> openProblems) {
    }

    /** Counts of one category and department; {@code department} is '' where none is responsible. */
    record Counts(String category, String department, long logged, long resolved, long overdue) {
    }

    record Open(UUID problemId, UUID projectId, String code, String name, String category, String department,
                LocalDate deadline) {
    }

    /** Counts and tallies of the shown groups: logged, resolved, overdue. */
    private static final class Tally {
        long logged;
        long resolved;
        long overdue;

        void add(Counts c) {
            logged += c.logged();
            resolved += c.resolved();
            overdue += c.overdue();
        }

        Group group(String key, String label) {
            return new Group(key, label, logged, resolved, logged - resolved, overdue, rate(resolved, logged));
        }
    }

    /**
     * Logged, resolved, open and overdue problems (as of {@code today}) and the resolution rate, by category and by
     * responsible department, with the {@value #LIST_LIMIT} open problems nearest their deadline, within {@code scope}.
     */
    public ProblemReport report(String scope, LocalDate today) {
        return db.read(s -> {
            List<Counts> counts = new ArrayList<>(s.list(Counts.class, Sql.of("select category, department,"
                    + " sum(logged) as logged, sum(resolved) as resolved, 0 as overdue from problem_stat where true")
                    .inScope("district", scope).append(" group by category, department")));
            counts.addAll(s.list(Counts.class, Sql.of("select v.category, coalesce(v.department, '') as department,"
                    + " 0 as logged, 0 as resolved, count(*) as overdue from problem_view v"
                    + " where " + Overdue.condition("v", "?"), today).inScope("v.district", scope)
                    .append(" group by v.category, coalesce(v.department, '')")));
            Map<String, Tally> byCategory = new TreeMap<>();
            Map<String, Tally> byDepartment = new TreeMap<>();
            Tally total = new Tally();
            for (Counts c : counts) {
                byCategory.computeIfAbsent(c.category(), k -> new Tally()).add(c);
                byDepartment.computeIfAbsent(c.department(), k -> new Tally()).add(c);
                total.add(c);
            }
            List<Group> categories = new ArrayList<>();
            byCategory.forEach((k, v) -> categories.add(v.group(k, CATEGORY_LABELS.getOrDefault(k, k))));
            List<Group> departments = new ArrayList<>();
            byDepartment.forEach((k, v) -> departments.add(v.group(k, k.isEmpty() ? "未指定" : config.departmentLabel(k))));
            List<OpenProblem> open = s.list(Open.class, Sql.of("select v.problem_id, v.project_id, p.code, p.name,"
                            + " v.category, v.department, v.deadline from problem_view v"
                            + " left join project_view p on p.project_id = v.project_id where v.resolved_on is null")
                    .inScope("v.district", scope)
                    .append(" order by v.deadline nulls last, v.problem_id limit " + LIST_LIMIT))
                    .stream().map(o -> new OpenProblem(o.problemId(), o.projectId(), o.code(), o.name(), o.category(),
                            CATEGORY_LABELS.getOrDefault(o.category(), o.category()), o.department(), o.deadline(),
                            Overdue.open(o.deadline(), today)))
                    .toList();
            Group all = total.group("total", "合计");
            return new ProblemReport(scope, all.logged(), all.resolved(), all.open(), all.overdue(),
                    all.resolutionRate(), categories, departments, open);
        });
    }

    /** resolved / logged in percent with one decimal; null when nothing was logged. */
    public static BigDecimal rate(long resolved, long logged) {
        return logged == 0 ? null
                : BigDecimal.valueOf(resolved * 100).divide(BigDecimal.valueOf(logged), 1, RoundingMode.HALF_UP);
    }
}
