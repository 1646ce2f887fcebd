package cn.zz.pipeline.project.investment;

import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.investment.Plausibility.Figure;
import cn.zz.pipeline.project.lifecycle.Change;
import cn.zz.pipeline.project.lifecycle.ChangeLog;
import cn.zz.pipeline.project.lifecycle.Lifecycle;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * each year's latest reported figure ({@link Plausibility#completed}).
 */
@ApplicationScoped
public class InvestmentService {

    @Inject
    ProjectRepository projects;

    @Inject
    InvestmentReportRepository reports;

    @Inject
    InvestmentRevisionRepository revisions;

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
     * @throws ApiException 409 before admission (先入库，后有数); 422 for a period that may not be reported (every
     *     rule it breaks, {@link PeriodRules}), or an implausible figure without a reason
     */
    @Transactional
    public Outcome report(UUID projectId, YearMonth period, ReportInvestment command, String ifMatch,
                          CurrentUser user) {
        Project p = projects.forWrite(projectId, ifMatch, user);
        YearMonth current = today.month();
        List<Violation> broken = PeriodRules.check("period", period, current);
        if (!broken.isEmpty()) {
            throw PeriodRules.refused(period, current, broken);
        }
        if (!Lifecycle.countsInvestment(p.stage())) {
            throw ApiException.conflict("not-admitted", "先入库，后有数：项目入库后才能填报完成投资（当前阶段："
                    + p.stage().label() + " " + p.stage() + "）");
        }
        List<InvestmentReport> all = reports.ofProject(projectId);
        InvestmentReport existing = all.stream().filter(r -> r.period().equals(period)).findFirst().orElse(null);
        if (existing != null && existing.amount().compareTo(command.amount()) == 0) {
            return new Outcome(p, existing, false);
        }
        List<Violation> implausible = Plausibility.needingReason("amount", p.facts().totalInvestment(), figures(all),
                period, command.amount());
        if (!implausible.isEmpty() && command.reason() == null) {
            throw ApiException.unprocessable("reason-required", "须说明原因 Reason required",
                    "该数字需要填写原因 (reason)：" + implausible.get(0).message(), implausible);
        }
        String actor = user.name();
        Instant now = today.now();
        BigDecimal previous = existing == null ? null : existing.amount();
        InvestmentReport report = store(p, existing, period, command.amount(), command.reason(), actor, now);
        InvestmentReported event = new InvestmentReported(projectId, p.code(), p.district(), period.toString(),
                period.getYear(), period.getMonthValue(), command.amount(), previous, command.reason(), actor);
        changes.record(Change.of(p, event).by(actor).at(now).because(command.reason()).changing("investments")
                .with(detail(period, command.amount(), previous)));
        return new Outcome(p, report, true);
    }

    /**
     * Stores a figure: the period's report (new, or {@code existing} corrected) and its revision; the project is
     * touched, so its version rises with the change the caller records.
     */
    public InvestmentReport store(Project p, InvestmentReport existing, YearMonth period, BigDecimal amount,
                                  String reason, String actor, Instant at) {
        p.touch(at);
        // The project's version rises first: of two concurrent first reports of a period the loser stops here with
        // 409, before its report row could collide with the winner's on (project, period) as a 500.
        projects.flush();
        BigDecimal previous = existing == null ? null : existing.amount();
        InvestmentReport report = existing != null ? existing : new InvestmentReport(p.id(), period);
        report.set(amount, reason, actor, at);
        if (existing == null) {
            reports.persist(report);
        }
        revisions.persist(new InvestmentRevision(report, p.id(), previous, actor));
        return report;
    }

    /** The history's particulars of a report: period, amount and the amount it replaced. */
    public static Map<String, Object> detail(YearMonth period, BigDecimal amount, BigDecimal previous) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("period", period.toString());
        detail.put("amount", Decimals.canonical(amount));
        if (previous != null) {
            detail.put("previousAmount", Decimals.canonical(previous));
        }
        return detail;
    }

    public Ledger ledger(UUID projectId, CurrentUser user) {
        Project p = projects.forRead(projectId, user);
        List<InvestmentReport> all = reports.ofProject(projectId);
        Map<UUID, List<InvestmentRevision>> byReport = new HashMap<>();
        revisions.ofProject(projectId).forEach(r -> byReport.computeIfAbsent(r.reportId(), k -> new ArrayList<>())
                .add(r));
        return new Ledger(p, all, byReport, Plausibility.completed(figures(all), null));
    }

    private static List<Figure> figures(List<InvestmentReport> reports) {
        return reports.stream().map(r -> new Figure(r.period(), r.amount())).toList();
    }
}
