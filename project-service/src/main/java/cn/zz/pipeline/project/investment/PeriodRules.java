package cn.zz.pipeline.project.investment;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Which periods (yyyy-MM) a monthly report may take, for a live report and a historical import alike: January is
 * folded into 1-2月 (reported under yyyy-02), the future cannot be reported, and the event contract knows no year
 * before 2000. A period may break several rules at once (in December, next January is folded and in the future):
 * every one is reported.
 */
public final class PeriodRules {

    /** The problem type of a period that breaks more than one rule. */
    static final String SEVERAL = "period-not-reportable";

    private static final YearMonth EARLIEST = YearMonth.of(2000, 2);

    private PeriodRules() {
    }

    /**
     * Every rule {@code period} breaks (empty = it may be reported).
     *
     * @param field the violations' field, e.g. {@code period} or {@code reports[3].period}
     * @param current the current month (Asia/Shanghai)
     */
    public static List<Violation> check(String field, YearMonth period, YearMonth current) {
        List<Violation> out = new ArrayList<>(2);
        String value = period.toString();
        if (period.getMonthValue() == 1) {
            YearMonth february = period.withMonth(2);
            out.add(new Violation(field, "january-folded", "1月不单独填报：请在期间 " + february + " 填报1-2月累计完成投资",
                    value, february.toString()));
        }
        if (period.getYear() < EARLIEST.getYear()) {
            out.add(new Violation(field, "period-out-of-range", "期间应不早于 " + EARLIEST, value, EARLIEST.toString()));
        } else if (period.isAfter(current)) {
            out.add(new Violation(field, "future-period", "不能填报未来期间（当前 " + current + "）", value,
                    current.toString()));
        }
        return out;
    }

    /**
     * 422 for a live report: the problem type of the one broken rule ({@code january-folded}, {@code future-period},
     * {@code period-out-of-range}), or {@value #SEVERAL} listing each when there are more.
     *
     * @throws ApiException always
     */
    static ApiException refused(YearMonth period, YearMonth current, List<Violation> broken) {
        if (broken.size() > 1) {
            String rules = String.join("；", broken.stream().map(Violation::message).toList());
            return ApiException.unprocessable(SEVERAL, "期间不可填报 Period cannot be reported", "期间 " + period
                    + " 违反 " + broken.size() + " 条填报规则 (" + broken.size() + " rules broken)：" + rules, broken);
        }
        Violation v = broken.get(0);
        return switch (v.code()) {
            case "january-folded" -> ApiException.unprocessable(v.code(), "1月不单独填报 January is folded into 1-2月",
                    "1月不单独填报：1月的完成投资请与2月合并，在期间 " + v.limit() + " 填报1-2月累计数", broken);
            case "future-period" -> ApiException.unprocessable(v.code(), "不能填报未来期间 Future period",
                    "期间 " + period + " 尚未到来（当前 " + current + "）", broken);
            default -> ApiException.unprocessable(v.code(), "期间超出范围 Period out of range", v.message(), broken);
        };
    }
}
