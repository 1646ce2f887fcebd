package cn.zz.pipeline.project.service;

import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.HistoricalTimeline;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.command.HistoricalRecord;
import cn.zz.pipeline.project.command.PlausibleDate;
import cn.zz.pipeline.project.command.RegisterProject;
import cn.zz.pipeline.project.command.ReportInvestment;
import cn.zz.pipeline.project.domain.ApprovalState;
import cn.zz.pipeline.project.domain.ProjectCode;
import cn.zz.pipeline.project.model.InvestmentReport;
import cn.zz.pipeline.project.model.InvestmentRevision;
import cn.zz.pipeline.project.model.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Historical import (migration): creates a project in its final stage together with every event a live project
 * would have emitted on the way there, each with its original time, so that last year's figures exist for the
 * year-on-year comparison.
 *
 * <p>Events, in the order of their times (sequences 1..n; the project's final version is n):
 * {@code registered} at {@code registeredAt}; {@code declared}, {@code admitted}, {@code started},
 * {@code in-production} or {@code withdrawn} at 00:00 (Asia/Shanghai, {@code project.zone}) of their date;
 * {@code investment-reported} for each period at 23:59:59 of the period's last day (the current month: now). A
 * time never goes back: a stage dated the day of registration takes the registration's time. History rows carry
 * the same times, the admin as actor and the reason {@value #REASON}. Everything is one transaction through the
 * outbox. The order, times and payloads come from {@link HistoricalTimeline} (events module), which the synthetic
 * generator's bulk path uses too.
 *
 * <p>Checks (all reported at once): the facts as at registration; code format and check character, its year and
 * region matching the registration; stage dates in lifecycle order without gaps, not before registration, not in
 * the future, no withdrawal after 投产; reports only from the month of admission on (January folded into
 * February), not after withdrawal, not in the future, one per period, and a reason where a live report would need
 * one. The stage gates of today (申报 thresholds, approvals) are not re-applied: the history is taken as it was.
 * 400 when a field is malformed, else 422 when the history is inconsistent; 409 when the code (or its serial) is
 * taken or the project (name + credit code) is already registered.
 */
@ApplicationScoped
public class HistoricalImport {

    public static final String REASON = HistoricalTimeline.REASON;
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final LocalDate EARLIEST_REGISTRATION = LocalDate.of(2000, 1, 1);

    @Inject
    EntityManager em;

    @Inject
    FactRules rules;

    @Inject
    CodeAllocator codes;

    @Inject
    ChangeLog changes;

    @Inject
    Today today;

    @Inject
    Validator validator;

    @Transactional
    public Project importProject(RegisterProject facts, HistoricalRecord h, String actor) {
        if (h.code() != null && ProjectCode.check("code", h.code()).isEmpty()) {
            requireFree(h.code()); // a repeated import answers 409 whatever else changed
        }
        check(facts, h);
        requireNotRegistered(facts);

        ZoneId zone = today.zone();
        LocalDate registered = LocalDate.ofInstant(h.registeredAt(), zone);
        String code;
        if (h.code() != null) {
            code = h.code();
            // Lock the counter row first: a concurrent import of the same code waits here, then sees it taken.
            codes.claim(Integer.parseInt(code.substring(0, 4)), code.substring(5, 11), serial(code));
            requireFree(code);
        } else {
            code = codes.next(registered.getYear(), facts.district(), facts.projectType());
        }

        Project p = Project.register(code, facts, h.registeredAt());
        em.persist(p);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (String.valueOf(e.getCause()).contains("project_code_unique") || String.valueOf(e).contains(
                    "project_code_unique")) {
                throw ApiException.conflict("code-exists", "项目代码 " + code + " 已存在 (the code is taken)");
            }
            throw e;
        }
        UUID caseId = h.approvalCaseId() != null ? h.approvalCaseId() : HistoricalTimeline.approvalCaseId(code);

        List<HistoricalTimeline.Report> reports = new ArrayList<>(h.reports().size());
        for (HistoricalRecord.Report r : h.reports()) {
            reports.add(new HistoricalTimeline.Report(YearMonth.parse(r.period()), r.amount(), r.reason()));
        }
        HistoricalTimeline.Dates dates = new HistoricalTimeline.Dates(h.registeredAt(), h.declaredOn(),
                h.admittedOn(), h.startedOn(), h.productionOn(), h.withdrawnOn());
        // The events come from the timeline shared with the synthetic generator's bulk path; here each is applied
        // to the project and recorded with its history row in the outbox.
        for (HistoricalTimeline.Event e : HistoricalTimeline.events(p.snapshot(), dates, caseId, reports, actor,
                today.now(), zone)) {
            HistoricalTimeline.Step s = e.step();
            switch (s.kind()) {
                case REGISTERED -> changes.record(p, s.time(), actor, null, Stage.RESERVE, REASON, List.of(),
                        Map.of("import", "historical"), e.payload());
                case MOVED -> move(p, s, actor, e.payload());
                case REPORTED -> report(p, s, h.reports().get(s.report()), reports.get(s.report()).period(), actor,
                        e.payload());
            }
        }
        if (h.admittedOn() != null) {
            // Bookkeeping like ApprovalOutcomes: the case that let the project in, without a version of its own.
            em.flush();
            em.createNativeQuery("update project set approval_case_id = ?1, approval_state = ?2 where id = ?3")
                    .setParameter(1, caseId).setParameter(2, ApprovalState.APPROVED.name()).setParameter(3, p.id())
                    .executeUpdate();
            em.refresh(p);
        }
        return p;
    }

    private void move(Project p, HistoricalTimeline.Step s, String actor, EventPayload event) {
        p.moveTo(s.stage(), s.date(), s.time());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("date", s.date().toString());
        detail.put("import", "historical");
        changes.record(p, s.time(), actor, s.from(), s.stage(), REASON, List.of("stage"), detail, event);
    }

    private void report(Project p, HistoricalTimeline.Step s, HistoricalRecord.Report r, YearMonth period,
                        String actor, EventPayload event) {
        InvestmentReport report = new InvestmentReport(p.id(), period);
        report.set(r.amount(), r.reason(), actor, s.time());
        em.persist(report);
        em.persist(new InvestmentRevision(report, p.id(), null, actor));
        p.touch(s.time());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("period", period.toString());
        detail.put("amount", Decimals.canonical(r.amount()));
        detail.put("import", "historical");
        changes.record(p, s.time(), actor, null, null, r.reason(), List.of("investments"), detail, event);
    }

    // ---- checks ----

    private void check(RegisterProject facts, HistoricalRecord h) {
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

    private void reports(RegisterProject facts, HistoricalRecord h, LocalDate todayDate, List<Violation> malformed,
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
            if (period.getMonthValue() == 1) {
                inconsistent.add(new Violation(f + ".period", "january-folded", "1月不单独填报：请在期间 "
                        + period.withMonth(2) + " 填报1-2月累计完成投资", r.period(), period.withMonth(2).toString()));
                wellFormed = false;
            }
            if (period.getYear() < 2000) {
                inconsistent.add(new Violation(f + ".period", "period-out-of-range", "期间应不早于 2000-02", r.period(),
                        "2000-02"));
                wellFormed = false;
            } else if (period.isAfter(current)) {
                inconsistent.add(new Violation(f + ".period", "future-period", "不能填报未来期间", r.period(),
                        current.toString()));
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
     * The figures a live report would have needed a reason for (InvestmentService): completed investment over the
     * total, or a year's cumulative figure lower than an earlier month's.
     */
    private static void plausibility(BigDecimal total, List<HistoricalRecord.Report> reports,
                                     List<Violation> inconsistent) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> reports.get(i).period()));
        Map<Integer, BigDecimal> latestOfYear = new HashMap<>();
        Map<Integer, BigDecimal> highestOfYear = new HashMap<>();
        for (int i : order) {
            HistoricalRecord.Report r = reports.get(i);
            YearMonth period = YearMonth.parse(r.period());
            int year = period.getYear();
            BigDecimal highest = highestOfYear.get(year);
            latestOfYear.put(year, r.amount());
            BigDecimal completed = latestOfYear.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (r.reason() == null) {
                String f = "reports[" + i + "].reason";
                if (highest != null && highest.compareTo(r.amount()) > 0) {
                    inconsistent.add(new Violation(f, "cumulative-order", "1-" + period.getMonthValue() + "月累计 "
                            + Decimals.canonical(r.amount()) + " 万元低于本年此前已报的 " + Decimals.canonical(highest)
                            + " 万元，须填写原因", Decimals.canonical(r.amount()), Decimals.canonical(highest)));
                }
                if (completed.compareTo(total) > 0) {
                    inconsistent.add(new Violation(f, "exceeds-total-investment", "累计完成投资 "
                            + Decimals.canonical(completed) + " 万元超过项目总投资 " + Decimals.canonical(total)
                            + " 万元，须填写原因", Decimals.canonical(completed), Decimals.canonical(total)));
                }
            }
            highestOfYear.merge(year, r.amount(), BigDecimal::max);
        }
    }

    // ---- uniqueness ----

    private static int serial(String code) {
        return Integer.parseInt(code.substring(18, 23));
    }

    /** 409 when the code, or another code with its year, region and serial, exists. */
    private void requireFree(String code) {
        String pattern = code.substring(0, 12) + "__-__-" + code.substring(18, 23) + "_";
        List<?> found = em.createNativeQuery("select code from project where code like ?1")
                .setParameter(1, pattern).getResultList();
        if (found.contains(code)) {
            throw ApiException.conflict("code-exists", "项目代码 " + code + " 已存在：该项目已导入或已登记 (the code exists)");
        }
        if (!found.isEmpty()) {
            throw ApiException.conflict("serial-taken", "项目代码 " + code + " 的序号已被 " + found.get(0)
                    + " 使用：同一年份、区县的序号不能重复");
        }
    }

    /** 409 when a project with this name and credit code is registered and not withdrawn (the same project). */
    private void requireNotRegistered(RegisterProject facts) {
        List<String> found = em.createQuery("select p.code from Project p where p.name = :name"
                        + " and p.ownerCreditCode = :owner and p.stage <> :withdrawn", String.class)
                .setParameter("name", facts.name()).setParameter("owner", facts.ownerCreditCode())
                .setParameter("withdrawn", Stage.WITHDRAWN).setMaxResults(1).getResultList();
        if (!found.isEmpty()) {
            throw ApiException.conflict("already-registered", "该项目（项目名称和统一社会信用代码相同）已登记，项目代码 "
                    + found.get(0));
        }
    }
}
