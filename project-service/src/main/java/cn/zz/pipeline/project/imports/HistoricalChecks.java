package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.PlausibleDate;
import cn.zz.pipeline.project.Violations;
import cn.zz.pipeline.project.investment.PeriodRules;
import cn.zz.pipeline.project.investment.Plausibility;
import cn.zz.pipeline.project.investment.ReportInvestment;
import cn.zz.pipeline.project.lifecycle.FactRules;
import cn.zz.pipeline.project.lifecycle.ProjectCode;
import cn.zz.pipeline.project.lifecycle.ProjectFacts;
import cn.zz.pipeline.project.plans.PlanRules;
import cn.zz.pipeline.project.plans.SetPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a historical import, all reported at once, before anything is written: the facts as at
 * registration; code format and check character, its year and region matching the registration; stage dates in
 * lifecycle order without gaps, not before registration, not in the future, no withdrawal after 投产; reports only
 * from the month of admission on, not after withdrawal, one per period, in a period a live report could take
 * ({@link PeriodRules}), with a reason where a live report would need one ({@link Plausibility}); annual plans under
 * the rules of a live plan ({@link PlanRules}: the figure, the year within the project's life as imported and at most
 * one year ahead of today), one a year, none dated after the withdrawal. The stage gates of today (申报 thresholds,
 * approvals) are not re-applied: the history is taken as it was.
 */
@ApplicationScoped
public class HistoricalChecks {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final LocalDate EARLIEST_REGISTRATION = LocalDate.of(2000, 1, 1);

    @Inject
    FactRules rules;

    @Inject
    Today today;

    @Inject
    Validator validator;

    /**
     * Every problem of the history at once.
     *
     * @throws ApiException 400 when a field is malformed (listing the inconsistencies too), else 422 when the
     *     history is inconsistent
     */
    public void check(ProjectFacts facts, HistoricalRecord h) {
        List<Violation> malformed = new ArrayList<>(rules.check(facts));
        List<Violation> inconsistent = new ArrayList<>();
        LocalDate todayDate = today.date();
        Instant now = today.now();
        LocalDate registered = null;
        if (h.registeredAt() == null) {
            malformed.add(new Violation("registeredAt", "NotNull", "须填写原登记时间（如 2024-01-15T09:30:00+08:00）", null,
                    null));
        } else {
            registered = LocalDate.ofInstant(h.registeredAt(), today.zone());
            if (h.registeredAt().isAfter(now)) {
                inconsistent.add(new Violation("registeredAt", "date-in-future", "登记时间不能晚于现在", h.registeredAt(),
                        now));
            } else if (registered.isBefore(EARLIEST_REGISTRATION)) {
                inconsistent.add(new Violation("registeredAt", "out-of-range", "登记时间不能早于 2000-01-01",
                        h.registeredAt(), EARLIEST_REGISTRATION));
            }
        }
        if (h.code() != null) {
            ProjectCode.check("code", h.code()).ifPresentOrElse(malformed::add, () -> {
                if (serial(h.code()) < 1) {
                    malformed.add(new Violation("code", "invalid-serial", "项目代码的序号应为 00001–99999", h.code(),
                            "00001-99999"));
                }
            });
            if (ProjectCode.check("code", h.code()).isEmpty()) {
                String year = h.code().substring(0, 4);
                String region = h.code().substring(5, 11);
                if (registered != null && !year.equals(String.valueOf(registered.getYear()))) {
                    inconsistent.add(new Violation("code", "code-year-mismatch", "项目代码的年份 " + year
                            + " 与登记年份 " + registered.getYear() + " 不一致", h.code(), registered.getYear()));
                }
                if (facts.district() != null && !region.equals(facts.district())) {
                    inconsistent.add(new Violation("code", "code-region-mismatch", "项目代码的区县 " + region
                            + " 与所属区县 " + facts.district() + " 不一致", h.code(), facts.district()));
                }
            }
        }
        stageDates(h, registered, todayDate, malformed, inconsistent);
        reports(facts, h, todayDate, malformed, inconsistent);
        plans(facts, h, registered, malformed, inconsistent);
        if (!malformed.isEmpty()) {
            List<Violation> all = new ArrayList<>(malformed);
            all.addAll(inconsistent);
            throw Violations.invalid(all);
        }
        if (!inconsistent.isEmpty()) {
            inconsistent.sort(Comparator.comparing(Violation::field));
            throw ApiException.unprocessable("inconsistent-history", "历史数据不一致 Inconsistent history",
                    inconsistent.size() + " 处历史数据不一致 (" + inconsistent.size() + " inconsistencies)", inconsistent);
        }
    }

    private static void stageDates(HistoricalRecord h, LocalDate registered, LocalDate todayDate,
                                   List<Violation> malformed, List<Violation> inconsistent) {
        String[] fields = {"declaredOn", "admittedOn", "startedOn", "productionOn"};
        LocalDate[] dates = {h.declaredOn(), h.admittedOn(), h.startedOn(), h.productionOn()};
        Stage[] stages = {Stage.DECLARED, Stage.ADMITTED, Stage.STARTED, Stage.IN_PRODUCTION};
        boolean plausible = true;
        for (int i = 0; i <= dates.length; i++) {
            LocalDate d = i < dates.length ? dates[i] : h.withdrawnOn();
            String f = i < dates.length ? fields[i] : "withdrawnOn";
            if (d != null && (d.isBefore(PlausibleDate.EARLIEST) || d.isAfter(PlausibleDate.LATEST))) {
                malformed.add(new Violation(f, "PlausibleDate", "日期应在 1950-01-01 至 2100-12-31 之间", d,
                        Map.of("min", PlausibleDate.EARLIEST, "max", PlausibleDate.LATEST)));
                plausible = false;
            } else if (d != null && d.isAfter(todayDate)) {
                inconsistent.add(new Violation(f, "date-in-future", "日期不能晚于今天", d, todayDate));
            }
        }
        if (!plausible) {
            return;
        }
        int last = -1;
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] != null) {
                last = i;
            }
        }
        for (int i = 0; i < last; i++) {
            if (dates[i] == null) {
                inconsistent.add(new Violation(fields[i], "missing-stage-date", "有" + stages[last].label() + "日期（"
                        + fields[last] + "）时须填写" + stages[i].label() + "日期：阶段不能跳过", null, fields[last]));
            }
        }
        LocalDate previous = registered;
        String previousLabel = "登记";
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == null) {
                continue;
            }
            if (previous != null && dates[i].isBefore(previous)) {
                inconsistent.add(new Violation(fields[i], "stage-order", stages[i].label() + "日期不能早于"
                        + previousLabel + "日期 " + previous, dates[i], previous));
            } else {
                previous = dates[i];
                previousLabel = stages[i].label();
            }
        }
        if (h.withdrawnOn() != null) {
            if (h.productionOn() != null) {
                inconsistent.add(new Violation("withdrawnOn", "withdrawn-after-production", "已投产的项目不能撤销",
                        h.withdrawnOn(), null));
            } else if (previous != null && h.withdrawnOn().isBefore(previous)) {
                inconsistent.add(new Violation("withdrawnOn", "stage-order", "撤销日期不能早于" + previousLabel + "日期 "
                        + previous, h.withdrawnOn(), previous));
            }
        }
    }

    private void reports(ProjectFacts facts, HistoricalRecord h, LocalDate todayDate, List<Violation> malformed,
                         List<Violation> inconsistent) {
        YearMonth current = YearMonth.from(todayDate);
        YearMonth admission = h.admittedOn() == null ? null : YearMonth.from(h.admittedOn());
        Set<YearMonth> seen = new HashSet<>();
        Map<YearMonth, Integer> index = new HashMap<>();
        boolean wellFormed = true;
        for (int i = 0; i < h.reports().size(); i++) {
            HistoricalRecord.Report r = h.reports().get(i);
            String f = "reports[" + i + "]";
            if (r == null) {
                malformed.add(new Violation(f, "NotNull", "月报不能为空", null, null));
                wellFormed = false;
                continue;
            }
            for (Violation v : Violations.of(validator.validate(new ReportInvestment(r.amount(), r.reason())))) {
                malformed.add(new Violation(f + "." + v.field(), v.code(), v.message(), v.value(), v.limit()));
                wellFormed = false;
            }
            if (r.period() == null || !PERIOD.matcher(r.period()).matches()) {
                malformed.add(new Violation(f + ".period", "Pattern", "期间格式应为 yyyy-MM", r.period(), "yyyy-MM"));
                wellFormed = false;
                continue;
            }
            YearMonth period = YearMonth.parse(r.period());
            if (!seen.add(period)) {
                inconsistent.add(new Violation(f + ".period", "duplicate-period", "期间 " + period + " 重复",
                        r.period(), "reports[" + index.get(period) + "]"));
                wellFormed = false;
                continue;
            }
            index.put(period, i);
            List<Violation> broken = PeriodRules.check(f + ".period", period, current);
            if (!broken.isEmpty()) {
                inconsistent.addAll(broken);
                wellFormed = false;
            }
            if (admission == null) {
                inconsistent.add(new Violation(f + ".period", "not-admitted",
                        "先入库，后有数：没有入库日期（admittedOn）的项目不能有完成投资月报", r.period(), null));
                wellFormed = false;
            } else if (period.isBefore(admission)) {
                inconsistent.add(new Violation(f + ".period", "report-before-admission", "期间 " + period
                        + " 早于入库月份 " + admission + "：入库后才有完成投资", r.period(), admission.toString()));
                wellFormed = false;
            }
            if (h.withdrawnOn() != null && !period.atEndOfMonth().isBefore(h.withdrawnOn())) {
                inconsistent.add(new Violation(f + ".period", "report-after-withdrawal", "期间 " + period
                        + " 未在撤销日期 " + h.withdrawnOn() + " 之前结束：撤销后不再填报", r.period(),
                        h.withdrawnOn().toString()));
                wellFormed = false;
            }
        }
        if (wellFormed && facts.totalInvestment() != null) {
            plausibility(facts.totalInvestment(), h.reports(), inconsistent);
        }
    }

    /**
     * Each plan as a live one ({@link PlanRules}): the figure (400 naming {@code plans[j].amount}), the year in the
     * contract's range (400), once only, within the life of the project as imported (its final stage) and at most
     * one year ahead of today (422 naming {@code plans[j].year}). A withdrawn project takes no plan (as live): its
     * plans must come before the withdrawal in the timeline, that is 1 January of the year and the registration
     * both before the withdrawal's day (on a tie the stage move comes first).
     */
    private void plans(ProjectFacts facts, HistoricalRecord h, LocalDate registered, List<Violation> malformed,
                       List<Violation> inconsistent) {
        int thisYear = today.date().getYear();
        PlanRules.Life life = registered == null ? null
                : PlanRules.life(registered, facts, finalStage(h), h.productionOn(), thisYear);
        Map<Integer, Integer> index = new HashMap<>();
        for (int j = 0; j < h.plans().size(); j++) {
            HistoricalRecord.Plan plan = h.plans().get(j);
            String f = "plans[" + j + "]";
            if (plan == null) {
                malformed.add(new Violation(f, "NotNull", "年度计划不能为空 (a plan cannot be null)", null, null));
                continue;
            }
            for (Violation v : PlanRules.check(new SetPlan(plan.amount(), null))) {
                malformed.add(new Violation(f + "." + v.field(), v.code(), v.message(), v.value(), v.limit()));
            }
            Integer year = plan.year();
            if (year == null) {
                malformed.add(new Violation(f + ".year", "required", "年度必填，如 2025 (year is required)", null,
                        null));
                continue;
            }
            Optional<Violation> range = PlanRules.checkRange(f + ".year", year);
            if (range.isPresent()) {
                malformed.add(range.get());
                continue;
            }
            Integer first = index.putIfAbsent(year, j);
            if (first != null) {
                inconsistent.add(new Violation(f + ".year", "duplicate-year", "年度 " + year
                        + " 重复：每个年度只有一个年度计划 (one plan a year)", year, "plans[" + first + "]"));
                continue;
            }
            if (life != null) {
                inconsistent.addAll(PlanRules.checkYear(f + ".year", year, life, thisYear));
            }
            LocalDate withdrawn = h.withdrawnOn();
            if (withdrawn != null && registered != null
                    && !(LocalDate.of(year, 1, 1).isBefore(withdrawn) && registered.isBefore(withdrawn))) {
                inconsistent.add(new Violation(f + ".year", "plan-after-withdrawal", "项目已于 " + withdrawn
                        + " 撤销：年度计划（该年 1 月 1 日或登记时）须在撤销之前，撤销后不能编制计划 (no plan after the"
                        + " withdrawal)", year, withdrawn.toString()));
            }
        }
    }

    /** The stage the history ends in (what a plan's year is judged by, as live by the project's stage). */
    private static Stage finalStage(HistoricalRecord h) {
        if (h.withdrawnOn() != null) {
            return Stage.WITHDRAWN;
        }
        LocalDate[] dates = {h.productionOn(), h.startedOn(), h.admittedOn(), h.declaredOn()};
        Stage[] stages = {Stage.IN_PRODUCTION, Stage.STARTED, Stage.ADMITTED, Stage.DECLARED};
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] != null) {
                return stages[i];
            }
        }
        return Stage.RESERVE;
    }

    /**
     * The figures a live report would have needed a reason for ({@link Plausibility}), replayed in period order:
     * each report against those before it.
     */
    private static void plausibility(BigDecimal total, List<HistoricalRecord.Report> reports,
                                     List<Violation> inconsistent) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> reports.get(i).period()));
        List<Plausibility.Figure> before = new ArrayList<>();
        for (int i : order) {
            HistoricalRecord.Report r = reports.get(i);
            YearMonth period = YearMonth.parse(r.period());
            if (r.reason() == null) {
                inconsistent.addAll(Plausibility.needingReason("reports[" + i + "].reason", total, before, period,
                        r.amount()));
            }
            before.add(new Plausibility.Figure(period, r.amount()));
        }
    }

    /** The serial NNNNN of a well-formed code YYYY-RRRRRR-DD-TT-NNNNNC. */
    static int serial(String code) {
        return Integer.parseInt(code.substring(18, 23));
    }
}
