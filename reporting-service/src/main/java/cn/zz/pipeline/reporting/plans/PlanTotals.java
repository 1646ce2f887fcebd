package cn.zz.pipeline.reporting.plans;

import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Sql;
import cn.zz.pipeline.reporting.stats.Category;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;

/**
 * The plans' read model, plan_total: per year, district, dimension and key (the keys of the investment statistics),
 * the summed annual plans of the projects that count ({@link Completion#counts}) and their number. A report reads a
 * few dozen rows however many projects there are. Groups whose counted projects have no plan are left out.
 */
@ApplicationScoped
public class PlanTotals {

    @Inject
    Db db;

    /** A district's summed plan of one category (ALL is the district's plan), and of how many projects. */
    public record DistrictCategory(String district, Category category, BigDecimal amount, long projects) {
    }

    /** The summed plan of one key of a dimension. */
    public record KeyPlan(String key, BigDecimal amount, long projects) {
    }

    /** Every district's plan of {@code year} per category, within {@code scope}. */
    public List<DistrictCategory> byDistrictAndCategory(int year, String scope) {
        return db.list(DistrictCategory.class, Sql.of("select district, key as category, sum(amount) as amount,"
                        + " sum(projects) as projects from plan_total where year = ? and dim = 'CATEGORY'", year)
                .inScope("district", scope).append(" group by district, key having sum(projects) > 0"));
    }

    /** The plan of {@code year} of every key of dimension {@code dim} that starts with {@code prefix} (literally). */
    public List<KeyPlan> byKey(int year, String scope, String dim, String prefix) {
        return db.list(KeyPlan.class, Sql.of("select key, sum(amount) as amount, sum(projects) as projects"
                        + " from plan_total where year = ? and dim = ? and left(key, ?) = ?", year, dim,
                        prefix.length(), prefix)
                .inScope("district", scope).append(" group by key having sum(projects) > 0"));
    }
}
