package cn.zz.pipeline.project.investment;

import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.platform.problem.Violation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures a report needs a reason for (live or historical): the project's completed investment would exceed its
 * total investment, or the cumulative figures of a year would no longer rise month by month.
 */
public final class Plausibility {

    /** A reported figure: the cumulative completed investment 1-N月 of the period's year, 万元. */
    public record Figure(YearMonth period, BigDecimal amount) {
    }

    private Plausibility() {
    }

    /**
     * Why {@code amount} for {@code period} needs a reason, given the figures already reported (in period order);
     * empty when it needs none.
     *
     * @param field the violations' field, e.g. {@code amount}
     */
    public static List<Violation> needingReason(String field, BigDecimal totalInvestment, List<Figure> reported,
                                                YearMonth period, BigDecimal amount) {
        List<Violation> out = new ArrayList<>();
        BigDecimal completed = completed(reported, new Figure(period, amount));
        if (completed.compareTo(totalInvestment) > 0) {
            out.add(new Violation(field, "exceeds-total-investment", "累计完成投资 " + Decimals.canonical(completed)
                    + " 万元将超过项目总投资 " + Decimals.canonical(totalInvestment) + " 万元，须填写原因",
                    Decimals.canonical(completed), Decimals.canonical(totalInvestment)));
        }
        int month = period.getMonthValue();
        for (Figure r : reported) {
            int m = r.period().getMonthValue();
            if (r.period().getYear() != period.getYear() || m == month) {
                continue;
            }
            boolean earlierHigher = m < month && r.amount().compareTo(amount) > 0;
            boolean laterLower = m > month && r.amount().compareTo(amount) < 0;
            if (earlierHigher || laterLower) {
                out.add(new Violation(field, "cumulative-order", "1-" + month + "月累计 " + Decimals.canonical(amount)
                        + " 万元" + (earlierHigher ? "低于" : "高于") + "已报1-" + m + "月累计 "
                        + Decimals.canonical(r.amount()) + " 万元，须填写原因", Decimals.canonical(amount),
                        Decimals.canonical(r.amount())));
            }
        }
        return out;
    }

    /**
     * Completed investment of the project: Σ over years of the latest period's cumulative figure, {@code replacing}
     * (when given) taking the place of a figure of its period.
     */
    public static BigDecimal completed(Collection<Figure> reported, Figure replacing) {
        Map<YearMonth, BigDecimal> figures = new HashMap<>();
        reported.forEach(f -> figures.put(f.period(), f.amount()));
        if (replacing != null) {
            figures.put(replacing.period(), replacing.amount());
        }
        Map<Integer, YearMonth> latest = new HashMap<>();
        figures.keySet().forEach(ym -> latest.merge(ym.getYear(), ym, (a, b) -> a.isAfter(b) ? a : b));
        BigDecimal sum = BigDecimal.ZERO;
        for (YearMonth ym : latest.values()) {
            sum = sum.add(figures.get(ym));
        }
        return sum;
    }
}
