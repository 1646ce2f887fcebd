package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.plans.Completion;
import cn.zz.pipeline.reporting.plans.Goals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Year-to-date investment, the comparable base, growth, share, contribution and rank. Reads only investment_total
 * (per district, dimension key and month: a few hundred rows a month; {@link InvestmentTotals}) and restated_base
 * ({@link RestatedBases}), never per-project rows.
 *
 * <p>Base = the same period last year, summed the same way; where admin set a restated base (同口径) for a district
 * and category, it replaces that district's summed figure. Restated bases exist per district and category, so they
 * apply to the district and category rows and to the total; park, chain and industry rows use the summed base.
 *
 * <p>Completion ({@link Completion}): each row and the total carry the year's summed annual plan of their counted
 * projects and the rate against it, the target where one is set (district rows, and the total of one district or of
 * the city) and the rate against it, and whether they lag behind 时序进度. A group with a plan or a target but no
 * figure yet is a row too (0% done).
 */
@ApplicationScoped
public class InvestmentStats {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    @Inject
    InvestmentTotals totals;

    @Inject
    RestatedBases restatedBases;

    @Inject
    ReportingConfig config;

    @Inject
    ReportCache cache;

    @Inject
    Goals goals;

    private record Key(String kind, Period period, String scope, Object detail) {
    }

    @Schema(name = "InvestmentRow", description = "报表的一行：一个分组或合计 (a row of the report: a group, or the total)")
    public record Row(
            @Schema(required = true, description = "分组键：区县代码、园区、产业链、三次产业代码、类别代码；合计为 total"
                    + " (the group's key; total for the total)", examples = "410106")
            String key,
            @Schema(required = true, description = "分组名称 (the group's label)", examples = "上街区")
            String label,
            @Schema(required = true, description = "1-N月累计完成投资，万元（两位小数） (year-to-date investment, 万元)",
                    examples = "296000")
            BigDecimal ytd,
            @Schema(required = true, description = "1-N月累计完成投资，亿元（一位小数） (year-to-date, 亿元)",
                    examples = "29.6")
            BigDecimal ytdYi,
            @Schema(required = true, description = "上年同期（同口径基数，若设置），万元 (same period last year, 万元)",
                    examples = "254100")
            BigDecimal base,
            @Schema(description = "同比增速，% 一位小数；上年同期为 0 时为 null (growth over last year, percent)",
                    examples = "16.5")
            BigDecimal growth,
            @Schema(description = "占比，% 一位小数；合计为 0 时为 null (share of the total, percent)", examples = "12.3")
            BigDecimal share,
            @Schema(description = "增长贡献，百分点；无基数时为 null (contribution to the total's growth,"
                    + " percentage points)", examples = "2.1")
            BigDecimal contribution,
            @Schema(description = "按增速排名（1 起，并列同名次）；无增速或合计行为 null (rank by growth; null without"
                    + " growth, and on the total)", minimum = "1", examples = "2")
            Integer rank,
            @Schema(required = true, description = "基数为同口径调整后的数 (the base is a restated one)")
            boolean restated,
                      @Schema(nullable = true, description = "年度计划投资，万元：本组入库（及开工、投产）未撤销项目本年度"
                              + "年度计划之和；无计划时为 null (the year's annual plans of the group's counted projects)")
                      BigDecimal plan,
                      @Schema(nullable = true, description = "计划完成率，% 一位小数 = ytd / plan × 100；无计划时为 null"
                              + " (ytd / plan, percent)", examples = "76.5")
                      BigDecimal planRate,
                      @Schema(nullable = true, description = "目标任务，万元：按区县分组的行为该区县本年度目标，合计为所查"
                              + "区县或全市（4101）的目标；未设置时为 null (target of the district, or of the asked region)")
                      BigDecimal target,
                      @Schema(nullable = true, description = "目标完成率，% 一位小数 = ytd / target × 100；无目标时为 null"
                              + " (ytd / target, percent)", examples = "80.1")
                      BigDecimal targetRate,
                      @Schema(required = true, description = "滞后于时序进度：planRate 或 targetRate 低于 timeProgress"
                              + " (lagging behind the time schedule)")
                      boolean lagging) {

        /** The same row with a rank (ranking copies rows). */
        Row ranked(Integer rank) {
            return new Row(key, label, ytd, ytdYi, base, growth, share, contribution, rank, restated, plan, planRate,
                    target, targetRate, lagging);
        }

        /** The same row compared with its plan and target (either may be null) at the period's time progress. */
        Row against(BigDecimal plan, BigDecimal target, BigDecimal timeProgress) {
            BigDecimal planRate = Completion.rate(ytd, plan);
            BigDecimal targetRate = Completion.rate(ytd, target);
            return new Row(key, label, ytd, ytdYi, base, growth, share, contribution, rank, restated,
                    plan == null ? null : amount(plan), planRate, target == null ? null : amount(target), targetRate,
                    Completion.lagging(planRate, targetRate, timeProgress));
        }
    }

    @Schema(name = "InvestmentReport", description = "投资报表 (the investment report of a period)")
    public record Report(
            @Schema(required = true, description = "年度 (year)", examples = "2025") int year,
            @Schema(required = true, description = "期间末月，2–12（1-N月） (the period's last month)", minimum = "2",
                    maximum = "12", examples = "6") int month,
            @Schema(required = true, description = "期间代码 yyyy-MM (the period)", examples = "2025-06") String period,
            @Schema(required = true, description = "期间名称 (the period's label)", examples = "1-6月")
            String periodLabel,
            @Schema(required = true, description = "分组维度 (grouping)", enumeration = {"district", "park", "chain",
                    "industry", "category"}) String by,
            @Schema(description = "统计范围（区县代码或前缀）；管理员全市时为 null (the scope; null: every district)",
                    examples = "410106") String district,
            @Schema(description = "园区名称；仅园区报表 (the park, of a park's report only)") String park,
            @Schema(required = true, description = "金额单位 (unit of amounts)", examples = "万元") String unit,
                         @Schema(required = true, description = "时序进度，% 一位小数 = 月份 / 12 × 100（1-2月 16.7，1-10月 83.3）"
                                 + " (time progress of the period, percent)", examples = "83.3")
                         BigDecimal timeProgress,
            @Schema(required = true, description = "各分组 (the groups)") List<Row> rows,
            @Schema(required = true, description = "合计 (the total)") Row total) {
    }

    /** Summed YTD of one district, total and per category. */
    static final class Amounts {
        final Map<Category, BigDecimal> byCategory = new EnumMap<>(Category.class);
        final Map<Category, Boolean> restated = new EnumMap<>(Category.class);

        BigDecimal get(Category c) {
            return byCategory.getOrDefault(c, BigDecimal.ZERO);
        }
    }

    public Report report(Period period, String scope, Dimension by) {
        return cache.get(new Key("report", period, scope, by), () -> compute(period, scope, by));
    }

    private Report compute(Period period, String scope, Dimension by) {
        Goals.Of goal = goals.of(period.year(), scope, by);
        BigDecimal progress = Completion.timeProgress(period.month());
        Map<String, Amounts> current = byDistrict(period, scope);
        Map<String, Amounts> base = withRestated(byDistrict(period.sameLastYear(), scope), period.sameLastYear(), scope);
        BigDecimal totalYtd = sum(current, Category.ALL);
        BigDecimal totalBase = sum(base, Category.ALL);
        List<Row> rows = new ArrayList<>();
        if (by == Dimension.DISTRICT) {
            TreeSet<String> districts = new TreeSet<>(union(current, base));
            districts.addAll(goal.plans().keySet());
            districts.addAll(goal.targets().keySet());
            for (String d : districts) {
                Amounts cur = current.getOrDefault(d, new Amounts());
                Amounts b = base.getOrDefault(d, new Amounts());
                rows.add(row(d, config.districtLabel(d), cur.get(Category.ALL), b.get(Category.ALL), totalYtd, totalBase,
                        b.restated.getOrDefault(Category.ALL, false)));
            }
        } else if (by == Dimension.CATEGORY) {
            for (Category c : Category.values()) {
                if (c == Category.ALL) {
                    continue;
                }
                boolean restated = base.values().stream().anyMatch(a -> a.restated.getOrDefault(c, false));
                rows.add(row(c.name(), c.label(), sum(current, c), sum(base, c), totalYtd, totalBase, restated));
            }
        } else {
            Map<String, BigDecimal> cur = byKey(period, scope, by.column(), "");
            Map<String, BigDecimal> b = byKey(period.sameLastYear(), scope, by.column(), "");
            TreeSet<String> keys = new TreeSet<>(cur.keySet());
            keys.addAll(b.keySet());
            keys.addAll(goal.plans().keySet());
            for (String k : keys) {
                rows.add(row(k, by.label(k), cur.getOrDefault(k, BigDecimal.ZERO), b.getOrDefault(k, BigDecimal.ZERO),
                        totalYtd, totalBase, false));
            }
        }
        rows = ranked(rows.stream().map(r -> r.against(goal.plan(r.key()), goal.target(r.key()), progress)).toList(),
                by == Dimension.DISTRICT);
        boolean anyRestated = base.values().stream().anyMatch(a -> a.restated.getOrDefault(Category.ALL, false));
        Row total = row("total", "合计", totalYtd, totalBase, totalYtd, totalBase, anyRestated)
                .against(goal.totalPlan(), goal.totalTarget(), progress);
        return new Report(period.year(), period.month(), period.code(), period.label(), by.name().toLowerCase(), scope,
                null, "万元", progress, rows, total);
    }

    /**
     * The categories of one park (工业, 技改, 民间, 基础设施) with the park's total; shares are of the park's total.
     * Parks have no restated base: the base is the park's summed figure of last year.
     */
    public Report parkReport(Period period, String scope, String park) {
        return cache.get(new Key("park", period, scope, park), () -> computePark(period, scope, park));
    }

    private Report computePark(Period period, String scope, String park) {
        Goals.Of goal = goals.ofPark(period.year(), scope, park);
        BigDecimal progress = Completion.timeProgress(period.month());
        Map<String, BigDecimal> cur = byKey(period, scope, Dimension.PARK_CATEGORY, park + '\u001f');
        Map<String, BigDecimal> base = byKey(period.sameLastYear(), scope, Dimension.PARK_CATEGORY, park + '\u001f');
        String all = Dimension.parkCategoryKey(park, Category.ALL);
        BigDecimal totalYtd = cur.getOrDefault(all, BigDecimal.ZERO);
        BigDecimal totalBase = base.getOrDefault(all, BigDecimal.ZERO);
        List<Row> rows = new ArrayList<>();
        for (Category c : Category.values()) {
            if (c != Category.ALL) {
                String k = Dimension.parkCategoryKey(park, c);
                rows.add(row(c.name(), c.label(), cur.getOrDefault(k, BigDecimal.ZERO),
                        base.getOrDefault(k, BigDecimal.ZERO), totalYtd, totalBase, false)
                        .against(goal.plan(c.name()), null, progress));
            }
        }
        Row total = row("total", park, totalYtd, totalBase, totalYtd, totalBase, false)
                .against(goal.totalPlan(), null, progress);
        return new Report(period.year(), period.month(), period.code(), period.label(), "category", scope, park, "万元",
                progress, ranked(rows, false), total);
    }

    @Schema(name = "InvestmentMonth", description = "一个期间 1-N月 的累计 (the total of one period 1-N月)")
    public record Month(
            @Schema(required = true, description = "期间末月 2–12 (the period's last month)", minimum = "2",
                    maximum = "12", examples = "6") int month,
            @Schema(required = true, description = "期间代码 yyyy-MM (the period)", examples = "2025-06") String period,
            @Schema(required = true, description = "期间名称 (the period's label)", examples = "1-6月")
            String periodLabel,
            @Schema(required = true, description = "1-N月累计完成投资，万元 (year-to-date, 万元)") BigDecimal ytd,
            @Schema(required = true, description = "1-N月累计完成投资，亿元 (year-to-date, 亿元)") BigDecimal ytdYi,
            @Schema(required = true, description = "上年同期，万元 (same period last year, 万元)") BigDecimal base,
            @Schema(description = "同比增速，% 一位小数；无基数时为 null (growth, percent)") BigDecimal growth,
            @Schema(required = true, description = "基数为同口径调整后的数 (the base is a restated one)")
            boolean restated) {
    }

    @Schema(name = "InvestmentMonthlyReport", description = "一年各期间的累计与增速 (every period of a year)")
    public record MonthlyReport(
            @Schema(required = true, description = "年度 (year)", examples = "2025") int year,
            @Schema(description = "统计范围；管理员全市时为 null (the scope; null: every district)") String district,
            @Schema(required = true, description = "金额单位 (unit of amounts)", examples = "万元") String unit,
            @Schema(required = true, description = "各期间，1-2月起 (the periods, from 1-2月)") List<Month> months) {
    }

    /**
     * The total of each period 1-2月 … 1-N月 of {@code year} with its base (restated where set): every month up to
     * the latest complete one ({@code latest}), all twelve of an earlier year, none of a later one.
     */
    public MonthlyReport monthly(int year, Period latest, String scope) {
        int last = year < latest.year() ? 12 : year == latest.year() ? latest.month() : 0;
        List<Month> months = cache.get(new Key("monthly", null, scope, List.of(year, last)),
                () -> List.copyOf(computeMonthly(year, last, scope)));
        return new MonthlyReport(year, scope, "万元", months);
    }

    private List<Month> computeMonthly(int year, int lastMonth, String scope) {
        List<Month> out = new ArrayList<>();
        Map<Integer, Map<String, BigDecimal>> cur = cumulativeByMonth(year, lastMonth, scope);
        Map<Integer, Map<String, BigDecimal>> prev = cumulativeByMonth(year - 1, lastMonth, scope);
        for (int m = Figures.FIRST_MONTH; m <= lastMonth; m++) {
            Map<String, BigDecimal> c = cur.getOrDefault(m, Map.of());
            Map<String, BigDecimal> p = new HashMap<>(prev.getOrDefault(m, Map.of()));
            boolean restated = false;
            for (RestatedBases.Restated r : restatedBases.of(new Period(year - 1, m), scope)) {
                if (r.category() == Category.ALL) {
                    p.put(r.district(), r.amount());
                    restated = true;
                }
            }
            BigDecimal ytd = c.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal base = p.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            Row r = row(String.valueOf(m), "1-" + m + "月", ytd, base, ytd, base, restated);
            out.add(new Month(m, new Period(year, m).code(), r.label(), r.ytd(), r.ytdYi(), r.base(), r.growth(),
                    r.restated()));
        }
        return out;
    }

    private Map<Integer, Map<String, BigDecimal>> cumulativeByMonth(int year, int lastMonth, String scope) {
        Map<String, BigDecimal[]> perDistrict = new TreeMap<>();
        for (InvestmentTotals.MonthChange r : totals.monthlyChanges(year, lastMonth, scope)) {
            perDistrict.computeIfAbsent(r.district(), k -> new BigDecimal[Figures.MONTHS])[r.month()] = r.amount();
        }
        Map<Integer, Map<String, BigDecimal>> out = new HashMap<>();
        perDistrict.forEach((district, deltas) -> {
            BigDecimal running = BigDecimal.ZERO;
            for (int m = Figures.FIRST_MONTH; m <= lastMonth; m++) {
                running = running.add(deltas[m] == null ? BigDecimal.ZERO : deltas[m]);
                out.computeIfAbsent(m, k -> new HashMap<>()).put(district, running);
            }
        });
        return out;
    }

    private Map<String, Amounts> byDistrict(Period p, String scope) {
        Map<String, Amounts> out = new HashMap<>();
        for (InvestmentTotals.DistrictCategory r : totals.byDistrictAndCategory(p, scope)) {
            out.computeIfAbsent(r.district(), k -> new Amounts()).byCategory.put(r.category(), r.amount());
        }
        return out;
    }

    private Map<String, Amounts> withRestated(Map<String, Amounts> summed, Period p, String scope) {
        for (RestatedBases.Restated r : restatedBases.of(p, scope)) {
            Amounts a = summed.computeIfAbsent(r.district(), k -> new Amounts());
            a.byCategory.put(r.category(), r.amount());
            a.restated.put(r.category(), true);
        }
        return summed;
    }

    /** Summed YTD per key of one dimension, keys starting with {@code prefix} (taken literally). */
    private Map<String, BigDecimal> byKey(Period p, String scope, String dim, String prefix) {
        Map<String, BigDecimal> out = new HashMap<>();
        totals.byKey(p, scope, dim, prefix).forEach(r -> out.put(r.key(), r.amount()));
        return out;
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }

    private static BigDecimal sum(Map<String, Amounts> m, Category c) {
        return m.values().stream().map(a -> a.get(c)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Sorted by growth, highest first; rank 1, 2, 2, 4 for ties; rows without a base have no growth and no rank. */
    static List<Row> ranked(List<Row> rows, boolean byGrowth) {
        List<Row> sorted = new ArrayList<>(rows);
        if (!byGrowth) {
            sorted.sort(Comparator.comparing(Row::ytd).reversed());
        } else {
            sorted.sort(Comparator.comparing(Row::growth, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(Row::key));
        }
        List<Row> out = new ArrayList<>();
        int rank = 0;
        BigDecimal previous = null;
        List<Row> byRank = new ArrayList<>(sorted);
        byRank.sort(Comparator.comparing(Row::growth, Comparator.nullsLast(Comparator.reverseOrder())));
        Map<Row, Integer> ranks = new HashMap<>();
        for (int i = 0; i < byRank.size(); i++) {
            Row r = byRank.get(i);
            if (r.growth() == null) {
                break;
            }
            if (previous == null || r.growth().compareTo(previous) != 0) {
                rank = i + 1;
                previous = r.growth();
            }
            ranks.put(r, rank);
        }
        for (Row r : sorted) {
            out.add(r.ranked(ranks.get(r)));
        }
        return out;
    }

    static Row row(String key, String label, BigDecimal ytd, BigDecimal base, BigDecimal totalYtd, BigDecimal totalBase,
                   boolean restated) {
        return new Row(key, label, amount(ytd), yi(ytd), amount(base), growth(ytd, base), percent(ytd, totalYtd),
                base.signum() == 0 || totalBase.signum() == 0 ? null : percent(ytd.subtract(base), totalBase), null,
                restated, null, null, null, null, false);
    }

    /** 万元 with two decimals (a hundred yuan), trailing zeros dropped. */
    public static BigDecimal amount(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** 亿元 with one decimal, as leaders read it. */
    public static BigDecimal yi(BigDecimal wan) {
        return wan.divide(TEN_THOUSAND, 1, RoundingMode.HALF_UP);
    }

    /** (a / b − 1) × 100 with one decimal; null without a base. */
    static BigDecimal growth(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            return null;
        }
        return a.multiply(HUNDRED).divide(b, 10, RoundingMode.HALF_UP).subtract(HUNDRED).setScale(1, RoundingMode.HALF_UP);
    }

    /** a / b × 100 with one decimal; null when b is zero. */
    static BigDecimal percent(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            return null;
        }
        return a.multiply(HUNDRED).divide(b, 1, RoundingMode.HALF_UP);
    }
}
