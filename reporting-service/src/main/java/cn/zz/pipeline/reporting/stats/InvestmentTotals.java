package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;

/**
 * The investment statistics' read model, investment_total: per year, district, dimension and key, the change of the
 * carried-forward cumulative total at each month. Summing a key's changes up to month N gives its 1-N月 figure.
 */
@ApplicationScoped
public class InvestmentTotals {

    @Inject
    Db db;

    /** A district's summed 1-N月 figure of one category. */
    record DistrictCategory(String district, Category category, BigDecimal amount) {
    }

    /** A district's change of the total at one month. */
    record MonthChange(String district, int month, BigDecimal amount) {
    }

    /** The summed 1-N月 figure of one key of a dimension. */
    record KeyAmount(String key, BigDecimal amount) {
    }

    /** Every district's 1-N月 figure of each category (ALL is the total), within {@code scope}. */
    List<DistrictCategory> byDistrictAndCategory(Period p, String scope) {
        return db.list(DistrictCategory.class, Sql.of("select district, key as category, sum(amount) as amount"
                        + " from investment_total where year = ? and dim = 'CATEGORY' and month <= ?", p.year(), p.month())
                .inScope("district", scope).append(" group by district, key"));
    }

    /** Each district's change of the total at each month 2..{@code lastMonth} of {@code year}, in month order. */
    List<MonthChange> monthlyChanges(int year, int lastMonth, String scope) {
        return db.list(MonthChange.class, Sql.of("select district, month, sum(amount) as amount from investment_total"
                        + " where year = ? and dim = 'CATEGORY' and key = 'ALL' and month <= ?", year, lastMonth)
                .inScope("district", scope).append(" group by district, month order by month"));
    }

    /** The 1-N月 figure of every key of dimension {@code dim} that starts with {@code prefix} (taken literally). */
    List<KeyAmount> byKey(Period p, String scope, String dim, String prefix) {
        return db.list(KeyAmount.class, Sql.of("select key, sum(amount) as amount from investment_total"
                        + " where year = ? and dim = ? and month <= ? and left(key, ?) = ?", p.year(), dim, p.month(),
                        prefix.length(), prefix)
                .inScope("district", scope).append(" group by key"));
    }
}
