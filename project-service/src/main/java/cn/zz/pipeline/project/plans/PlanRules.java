package cn.zz.pipeline.project.plans;

import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.PlainText;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectFacts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of an annual plan (年度计划投资), for the API, the Excel import and the historical import alike.
 *
 * <p><b>The figure:</b> 万元, greater than 0, at most {@value #MAX_DECIMALS} decimals, at most {@link #MAX_AMOUNT}
 * (1000亿元: no single project plans more in a year); a reason of at most {@value #MAX_REASON} characters. A plan
 * above the project's total investment needs a reason (as a monthly figure above it does).
 *
 * <p><b>The year</b> lies within the project's life and at most one year ahead of today (Asia/Shanghai):
 * <ul>
 *   <li>the life begins in the year the project was registered or the year of its planned start, whichever is
 *   earlier (a project registered while already under way plans from its start);</li>
 *   <li>it ends in the year of production for a project in production (投产); for any other project in the year
 *   of its planned production, or this year when that has passed (a late project still owes this year's plan); it
 *   is open-ended when no planned production is known;</li>
 *   <li>whatever the life, no year after next year.</li>
 * </ul>
 * A year may break several of these rules at once: every one is reported.
 */
public final class PlanRules {

    /** 10,000,000 万元 = 1000亿元. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");
    public static final int MAX_DECIMALS = 4;
    public static final int MAX_REASON = 500;
    /** The years the event contract knows. */
    static final int EARLIEST_YEAR = 2000;
    static final int LATEST_YEAR = 2100;
    /** The problem type of a year that breaks more than one rule. */
    static final String SEVERAL = "year-not-plannable";

    private PlanRules() {
    }

    /** A project's life in calendar years; {@code last} null = open-ended. */
    public record Life(int first, Integer last, boolean inProduction) {
    }

    /** Every violation of the body: {@code amount} and {@code reason} (empty = valid). */
    public static List<Violation> check(SetPlan command) {
        List<Violation> out = new ArrayList<>(2);
        BigDecimal amount = command == null ? null : command.amount();
        if (amount == null) {
            out.add(new Violation("amount", "required", "年度计划投资必填（万元）(amount is required)", null, null));
        } else if (amount.signum() <= 0) {
            out.add(new Violation("amount", "out-of-range", "年度计划投资应大于 0 万元 (must be greater than 0)",
                    amount, Map.of("exclusiveMin", 0, "max", MAX_AMOUNT)));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            out.add(new Violation("amount", "out-of-range", "年度计划投资不能超过 " + MAX_AMOUNT.toPlainString()
                    + " 万元（1000亿元）(at most " + MAX_AMOUNT.toPlainString() + ")", amount,
                    Map.of("exclusiveMin", 0, "max", MAX_AMOUNT)));
        }
        if (amount != null && amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            out.add(new Violation("amount", "too-many-decimals", "年度计划投资最多 " + MAX_DECIMALS
                    + " 位小数（万元）(at most " + MAX_DECIMALS + " decimals)", amount, MAX_DECIMALS));
        }
        String reason = command == null ? null : command.reason();
        if (reason != null && reason.length() > MAX_REASON) {
            out.add(new Violation("reason", "too-long", "原因最长 " + MAX_REASON + " 字 (at most " + MAX_REASON
                    + " characters)", Params.cut(reason), MAX_REASON));
        }
        if (reason != null && !PlainText.Validator.valid(reason)) {
            out.add(new Violation("reason", "control-characters", "原因不能包含控制字符 (no control characters)",
                    Params.cut(reason), null));
        }
        return out;
    }

    /**
     * The {@code year} path parameter: four digits within the contract's years.
     *
     * @throws ApiException 400 naming {@code year}
     */
    public static int year(String field, String raw) {
        if (raw == null || !raw.matches("\\d{4}")) {
            throw ApiException.badRequest(new Violation(field, "invalid-format", "年度应为 4 位数字，如 2026 (year must be"
                    + " yyyy)", Params.cut(raw), "yyyy"));
        }
        int year = Integer.parseInt(raw);
        checkRange(field, year).ifPresent(v -> {
            throw ApiException.badRequest(v);
        });
        return year;
    }

    /** A year outside the contract's years ({@value #EARLIEST_YEAR}–{@value #LATEST_YEAR}): out-of-range. */
    public static Optional<Violation> checkRange(String field, int year) {
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            return Optional.of(new Violation(field, "out-of-range", "年度应在 " + EARLIEST_YEAR + " 到 " + LATEST_YEAR
                    + " 之间", year, Map.of("min", EARLIEST_YEAR, "max", LATEST_YEAR)));
        }
        return Optional.empty();
    }

    /** The project's life (see the class comment). */
    public static Life life(Project p, ZoneId zone, int thisYear) {
        return life(LocalDate.ofInstant(p.createdAt(), zone), p.facts(), p.stage(), p.productionOn(), thisYear);
    }

    /**
     * The life of a project registered on {@code registeredOn} with these facts, now in {@code stage} (see the
     * class comment): for the historical import, which checks plans before the project exists.
     *
     * @param productionOn the production date (投产) of a project in production, else ignored
     */
    public static Life life(LocalDate registeredOn, ProjectFacts f, Stage stage, LocalDate productionOn,
                            int thisYear) {
        int registered = registeredOn.getYear();
        int first = f.plannedStart() == null ? registered : Math.min(registered, f.plannedStart().getYear());
        if (stage == Stage.IN_PRODUCTION) {
            LocalDate on = productionOn != null ? productionOn : f.plannedProduction();
            return new Life(first, on == null ? null : on.getYear(), true);
        }
        Integer last = f.plannedProduction() == null ? null : Math.max(f.plannedProduction().getYear(), thisYear);
        return new Life(first, last, false);
    }

    /** Every rule {@code year} breaks for a project of this life (empty = it may be planned). */
    public static List<Violation> checkYear(String field, int year, Life life, int thisYear) {
        List<Violation> out = new ArrayList<>(2);
        if (year < life.first()) {
            out.add(new Violation(field, "before-project-life", "年度早于项目周期：项目自 " + life.first()
                    + " 年起（登记之年与计划开工之年取早者）(before the project's life)", year, life.first()));
        }
        if (life.last() != null && year > life.last()) {
            out.add(new Violation(field, "after-project-life", (life.inProduction()
                    ? "项目已于 " + life.last() + " 年投产，不能编制之后年度的计划"
                    : "年度晚于项目计划投产之年（最晚 " + life.last() + " 年；推迟投产请先修改计划投产日期）")
                    + " (after the project's life)", year, life.last()));
        }
        if (year > thisYear + 1) {
            out.add(new Violation(field, "too-far-ahead", "最多提前一年编制计划：当前 " + thisYear + " 年，最晚 "
                    + (thisYear + 1) + " 年 (at most one year ahead)", year, thisYear + 1));
        }
        return out;
    }

    /**
     * 422 for a year that may not be planned: the type of the one broken rule, or {@value #SEVERAL} listing each.
     *
     * @throws ApiException always
     */
    static ApiException refused(int year, List<Violation> broken) {
        if (broken.size() > 1) {
            String rules = String.join("；", broken.stream().map(Violation::message).toList());
            return ApiException.unprocessable(SEVERAL, "年度不可编制计划 Year cannot be planned", year + " 年违反 "
                    + broken.size() + " 条计划规则 (" + broken.size() + " rules broken)：" + rules, broken);
        }
        Violation v = broken.get(0);
        String title = switch (v.code()) {
            case "before-project-life" -> "早于项目周期 Before the project's life";
            case "after-project-life" -> "晚于项目周期 After the project's life";
            default -> "超前过多 Too far ahead";
        };
        return ApiException.unprocessable(v.code(), title, year + " 年：" + v.message(), broken);
    }

    /**
     * A plan above the project's total investment needs a reason ({@code exceeds-total-investment}).
     *
     * @throws ApiException 422 {@code reason-required}
     */
    static void requireReason(SetPlan command, BigDecimal totalInvestment) {
        if (command.reason() == null && totalInvestment != null && command.amount().compareTo(totalInvestment) > 0) {
            Violation v = new Violation("amount", "exceeds-total-investment", "年度计划投资超过项目总投资 "
                    + totalInvestment.stripTrailingZeros().toPlainString() + " 万元，须说明原因 (reason)",
                    Decimals.canonical(command.amount()), Decimals.canonical(totalInvestment));
            throw ApiException.unprocessable("reason-required", "须说明原因 Reason required",
                    "该计划需要填写原因 (reason)：" + v.message(), List.of(v));
        }
    }
}
