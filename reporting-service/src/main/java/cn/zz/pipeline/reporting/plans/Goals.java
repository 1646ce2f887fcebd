package cn.zz.pipeline.reporting.plans;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.reporting.stats.Category;
import cn.zz.pipeline.reporting.stats.Dimension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What the groups of an investment report are compared with: each row's summed annual plan (plan_total,
 * {@link PlanTotals}) and, for rows of districts, its target ({@link Targets}); the same for the report's total. The
 * total's target is the asked region's own ({@link Completion#totalTargetRegion}): a district's, or the city's.
 */
@ApplicationScoped
public class Goals {

    @Inject
    PlanTotals plans;

    @Inject
    Targets targets;

    /**
     * @param plans row key → summed plan (万元); a row without a plan has no entry
     * @param targets row key → target (万元), for rows of districts only
     * @param totalPlan the summed plan of the whole report, null without any
     * @param totalTarget the target of the report's region, null without one
     */
    public record Of(Map<String, BigDecimal> plans, Map<String, BigDecimal> targets, BigDecimal totalPlan,
                     BigDecimal totalTarget) {

        public BigDecimal plan(String key) {
            return plans.get(key);
        }

        public BigDecimal target(String key) {
            return targets.get(key);
        }
    }

    /** The plans and targets of a report of {@code year} within {@code scope}, grouped by {@code by}. */
    public Of of(int year, String scope, Dimension by) {
        Map<String, Map<Category, BigDecimal>> perDistrict = new HashMap<>();
        for (PlanTotals.DistrictCategory r : plans.byDistrictAndCategory(year, scope)) {
            perDistrict.computeIfAbsent(r.district(), k -> new HashMap<>()).put(r.category(), r.amount());
        }
        BigDecimal totalPlan = sum(perDistrict, Category.ALL);
        Map<String, BigDecimal> rowPlans = new HashMap<>();
        Map<String, BigDecimal> rowTargets = new HashMap<>();
        Map<String, BigDecimal> targetAmounts = targets.amounts(year, scope);
        switch (by) {
            case DISTRICT -> {
                perDistrict.forEach((d, byCategory) -> {
                    if (byCategory.containsKey(Category.ALL)) {
                        rowPlans.put(d, byCategory.get(Category.ALL));
                    }
                });
                targetAmounts.forEach((region, amount) -> {
                    if (District.known(region)) {
                        rowTargets.put(region, amount);
                    }
                });
            }
            case CATEGORY -> {
                for (Category c : Category.values()) {
                    BigDecimal plan = sum(perDistrict, c);
                    if (c != Category.ALL && plan != null) {
                        rowPlans.put(c.name(), plan);
                    }
                }
            }
            default -> plans.byKey(year, scope, by.column(), "").forEach(r -> rowPlans.put(r.key(), r.amount()));
        }
        String region = Completion.totalTargetRegion(scope);
        return new Of(rowPlans, rowTargets, totalPlan, region == null ? null : targetAmounts.get(region));
    }

    /** The plans of the categories within one park (row key = category) and of the park (the total); no targets. */
    public Of ofPark(int year, String scope, String park) {
        String prefix = park + '\u001f';
        Map<String, BigDecimal> byCategory = new HashMap<>();
        for (PlanTotals.KeyPlan r : plans.byKey(year, scope, Dimension.PARK_CATEGORY, prefix)) {
            byCategory.put(r.key().substring(prefix.length()), r.amount());
        }
        BigDecimal total = byCategory.remove(Category.ALL.name());
        return new Of(byCategory, Map.of(), total, null);
    }

    /** The plans of one category summed over the districts; null when no district has one. */
    private static BigDecimal sum(Map<String, Map<Category, BigDecimal>> perDistrict, Category c) {
        BigDecimal sum = null;
        for (Map<Category, BigDecimal> byCategory : perDistrict.values()) {
            BigDecimal v = byCategory.get(c);
            if (v != null) {
                sum = sum == null ? v : sum.add(v);
            }
        }
        return sum;
    }
}
