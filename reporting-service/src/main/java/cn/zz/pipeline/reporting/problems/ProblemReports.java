package cn.zz.pipeline.reporting.problems;

import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
