package cn.zz.pipeline.project.service;

import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.IfMatch;
import cn.zz.pipeline.project.command.ReportInvestment;
import cn.zz.pipeline.project.domain.Lifecycle;
import cn.zz.pipeline.project.model.InvestmentReport;
import cn.zz.pipeline.project.model.InvestmentRevision;
import cn.zz.pipeline.project.model.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Monthly completed investment (完成投资额月报), 万元.
 *
 * <p>The figure of period yyyy-MM is cumulative for the year: the investment completed from January to that month
 * (1-N月累计), as the event contract and the statistics practice have it. January has no period of its own: the
 * first period of a year is yyyy-02 (1-2月). Completed investment of the whole project = the sum over years of
 * each year's latest reported figure.
 */
@ApplicationScoped
public class InvestmentService {

    @Inject
    EntityManager em;

    @Inject
    ProjectService projects;

    @Inject
    ChangeLog changes;

    @Inject
    Today today;

    /** The stored report and whether this call changed it. */
    public record Outcome(Project project, InvestmentReport report, boolean changed) {
    }

    /** A project's reports in period order with every figure each has had. */
    public record Ledger(Project project, List<InvestmentReport> reports, Map<UUID, List<InvestmentRevision>> revisions,
                        BigDecimal completed) {
    }

    /**
     * Reports or corrects a period. The same amount again changes nothing (no new version, no event); a different
     * amount replaces the figure and keeps the old one as a revision.
     *
     * @throws ApiException 409 before admission (先入库，后有数); 422 for January, a future period, or an
     *     implausible figure without a reason
     */
    @Transactional
    public Outcome report(UUID projectId, YearMonth period, ReportInvestment command, String ifMatch,
                          CurrentUser user) {
        Project p = projects.load(projectId);
        user.requireWrite(p.district());
        IfMatch.check(ifMatch, p.version(), false, "项目");
        checkPeriod(period);
        if (!Lifecycle.countsInvestment(p.stage())) {
            throw ApiException.conflict("not-admitted", "先入库，后有数：项目入库后才能填报完成投资（当前阶段："
                    + p.stage().label() + " " + p.stage() + "）");
        }
        List<InvestmentReport> reports = reports(projectId);
        InvestmentReport existing = reports.stream().filter(r -> r.period().equals(period)).findFirst().orElse(null);
        if (existing != null && existing.amount().compareTo(command.amount()) == 0) {
            return new Outcome(p, existing, false);
        }
        List<Violation> implausible = implausible(p, reports, period, command.amount());
        if (!implausible.isEmpty() && command.reason() == null) {
            throw ApiException.unprocessable("reason-required", "须说明原因 Reason required",
                    "该数字需要填写原因 (reason)：" + implausible.get(0).message(), implausible);
        }
        String actor = user.name();
        Instant now = today.now();
        BigDecimal previous = existing == null ? null : existing.amount();
        InvestmentReport report = existing != null ? existing : new InvestmentReport(projectId, period);
        report.set(command.amount(), command.reason(), actor, now);
        if (existing == null) {
            em.persist(report);
        }
        em.persist(new InvestmentRevision(report, projectId, previous, actor));
        p.touch(now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("period", period.toString());
        detail.put("amount", Decimals.canonical(command.amount()));
        if (previous != null) {
            detail.put("previousAmount", Decimals.canonical(previous));
        }
        changes.record(p, now, actor, null, null, command.reason(), List.of("investments"), detail,
                new InvestmentReported(projectId, p.code(), p.district(), period.toString(), period.getYear(),
                        period.getMonthValue(), command.amount(), previous, command.reason(), actor));
        return new Outcome(p, report, true);
    }

    public Ledger ledger(UUID projectId, CurrentUser user) {
        Project p = projects.load(projectId);
        user.requireRead(p.district());
        List<InvestmentReport> reports = reports(projectId);
        Map<UUID, List<InvestmentRevision>> revisions = new HashMap<>();
        em.createQuery("from InvestmentRevision r where r.projectId = :id order by r.at, r.id", InvestmentRevision.class)
                .setParameter("id", projectId).getResultList()
                .forEach(r -> revisions.computeIfAbsent(r.reportId(), k -> new ArrayList<>()).add(r));
        return new Ledger(p, reports, revisions, completed(reports, null, null));
    }

    /** January is folded into 1-2月; the future cannot be reported; the contract knows years 2000-2100. */
    private void checkPeriod(YearMonth period) {
        if (period.getMonthValue() == 1) {
            YearMonth february = period.withMonth(2);
            throw ApiException.unprocessable("january-folded", "1月不单独填报 January is folded into 1-2月",
                    "1月不单独填报：1月的完成投资请与2月合并，在期间 " + february + " 填报1-2月累计数",
                    List.of(new Violation("period", "january-folded", "请在期间 " + february + " 填报1-2月累计完成投资",
                            period.toString(), february.toString())));
        }
        YearMonth current = today.month();
        if (period.isAfter(current)) {
            throw ApiException.unprocessable("future-period", "不能填报未来期间 Future period",
                    "期间 " + period + " 尚未到来（当前 " + current + "）",
                    List.of(new Violation("period", "future-period", "不能填报未来期间", period.toString(),
                            current.toString())));
        }
        if (period.getYear() < 2000) {
            throw ApiException.unprocessable("period-out-of-range", "期间超出范围 Period out of range",
                    "期间应不早于 2000-02", List.of(new Violation("period", "period-out-of-range", "期间应不早于 2000-02",
                            period.toString(), "2000-02")));
        }
    }

    /**
     * Figures that need a reason: the project's completed investment would exceed its total investment, or the
     * cumulative figures of the year would no longer rise month by month.
     */
    private List<Violation> implausible(Project p, List<InvestmentReport> reports, YearMonth period, BigDecimal amount) {
        List<Violation> out = new ArrayList<>();
        BigDecimal completed = completed(reports, period, amount);
        if (completed.compareTo(p.totalInvestment()) > 0) {
            out.add(new Violation("amount", "exceeds-total-investment", "累计完成投资 " + Decimals.canonical(completed)
                    + " 万元将超过项目总投资 " + Decimals.canonical(p.totalInvestment()) + " 万元，须填写原因",
                    Decimals.canonical(completed), Decimals.canonical(p.totalInvestment())));
        }
        for (InvestmentReport r : reports) {
            if (r.year() != period.getYear() || r.month() == period.getMonthValue()) {
                continue;
            }
            boolean earlierHigher = r.month() < period.getMonthValue() && r.amount().compareTo(amount) > 0;
            boolean laterLower = r.month() > period.getMonthValue() && r.amount().compareTo(amount) < 0;
            if (earlierHigher || laterLower) {
                out.add(new Violation("amount", "cumulative-order", "1-" + period.getMonthValue() + "月累计 "
                        + Decimals.canonical(amount) + " 万元" + (earlierHigher ? "低于" : "高于") + "已报1-" + r.month()
                        + "月累计 " + Decimals.canonical(r.amount()) + " 万元，须填写原因", Decimals.canonical(amount),
                        Decimals.canonical(r.amount())));
            }
        }
        return out;
    }

    /**
     * Completed investment of the project: Σ over years of the latest period's cumulative figure, with
     * {@code period} taking {@code amount} when given.
     */
    static BigDecimal completed(List<InvestmentReport> reports, YearMonth period, BigDecimal amount) {
        Map<Integer, YearMonth> latest = new HashMap<>();
        Map<YearMonth, BigDecimal> figures = new HashMap<>();
        for (InvestmentReport r : reports) {
            figures.put(r.period(), r.amount());
        }
        if (period != null) {
            figures.put(period, amount);
        }
        figures.keySet().forEach(ym -> latest.merge(ym.getYear(), ym, (a, b) -> a.isAfter(b) ? a : b));
        BigDecimal sum = BigDecimal.ZERO;
        for (YearMonth ym : latest.values()) {
            sum = sum.add(figures.get(ym));
        }
        return sum;
    }

    private List<InvestmentReport> reports(UUID projectId) {
        return em.createQuery("from InvestmentReport r where r.projectId = :id order by r.year, r.month",
                InvestmentReport.class).setParameter("id", projectId).getResultList();
    }
}
