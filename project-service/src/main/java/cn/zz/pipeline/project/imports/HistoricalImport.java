package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.HistoricalTimeline;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.investment.InvestmentService;
import cn.zz.pipeline.project.lifecycle.ApprovalState;
import cn.zz.pipeline.project.lifecycle.Change;
import cn.zz.pipeline.project.lifecycle.ChangeLog;
import cn.zz.pipeline.project.lifecycle.CodeAllocator;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectCode;
import cn.zz.pipeline.project.lifecycle.ProjectFacts;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import cn.zz.pipeline.project.plans.PlanService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Historical import (migration): creates a project in its final stage together with every event a live project
 * would have emitted on the way there, each with its original time, so that last year's figures exist for the
 * year-on-year comparison.
 *
 * <p>Events, in the order of their times (sequences 1..n; the project's final version is n):
 * {@code registered} at {@code registeredAt}; {@code declared}, {@code admitted}, {@code started},
 * {@code in-production} or {@code withdrawn} at 00:00 (Asia/Shanghai, {@code project.zone}) of their date;
 * {@code plan-set} for each annual plan at 00:00 of 1 January of its year (the registration when later, now for next
 * year's plan); {@code investment-reported} for each period at 23:59:59 of the period's last day (the current
 * month: now). A time never goes back: a stage dated the day of registration takes the registration's time. History
 * rows carry the same times, the admin as actor and the reason {@value #REASON}; each plan is written as the PUT
 * writes a first plan ({@link PlanService#store}: the plan and its first revision, reason {@value #REASON}).
 * Everything is one transaction through the outbox. The order, times and payloads come from
 * {@link HistoricalTimeline} (events module), which the synthetic generator's bulk path uses too.
 *
 * <p>Everything is checked first ({@link HistoricalChecks}: 400 when a field is malformed, else 422 when the
 * history is inconsistent); 409 when the code (or its serial) is taken or the project (name + credit code) is
 * already registered.
 */
@ApplicationScoped
public class HistoricalImport {

    public static final String REASON = HistoricalTimeline.REASON;

    @Inject
    HistoricalChecks checks;

    @Inject
    ProjectRepository projects;

    @Inject
    CodeAllocator codes;

    @Inject
    ChangeLog changes;

    @Inject
    InvestmentService investments;

    @Inject
    PlanService plans;

    @Inject
    Today today;

    @Transactional
    public Project importProject(ProjectFacts facts, HistoricalRecord h, String actor) {
        if (h.code() != null && ProjectCode.check("code", h.code()).isEmpty()) {
            requireFree(h.code()); // a repeated import answers 409 whatever else changed
        }
        checks.check(facts, h);
        projects.registeredCode(facts.name(), facts.ownerCreditCode()).ifPresent(code -> {
            throw ApiException.conflict("already-registered", "该项目（项目名称和统一社会信用代码相同）已登记，项目代码 "
                    + code);
        });

        ZoneId zone = today.zone();
        LocalDate registered = LocalDate.ofInstant(h.registeredAt(), zone);
        String code;
        if (h.code() != null) {
            code = h.code();
            // Lock the counter row first: a concurrent import of the same code waits here, then sees it taken.
            codes.claim(Integer.parseInt(code.substring(0, 4)), code.substring(5, 11), HistoricalChecks.serial(code));
            requireFree(code);
        } else {
            code = codes.next(registered.getYear(), facts.district(), facts.projectType());
        }

        Project p = Project.register(code, facts, h.registeredAt());
        try {
            projects.persistAndFlush(p);
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
        List<HistoricalTimeline.Plan> planned = new ArrayList<>(h.plans().size());
        for (HistoricalRecord.Plan plan : h.plans()) {
            planned.add(new HistoricalTimeline.Plan(plan.year(), plan.amount()));
        }
        HistoricalTimeline.Dates dates = new HistoricalTimeline.Dates(h.registeredAt(), h.declaredOn(),
                h.admittedOn(), h.startedOn(), h.productionOn(), h.withdrawnOn());
        // The events come from the timeline shared with the synthetic generator's bulk path; here each is applied
        // to the project and recorded with its history row in the outbox.
        for (HistoricalTimeline.Event e : HistoricalTimeline.events(p.snapshot(), dates, caseId, reports, planned,
                actor, today.now(), zone)) {
            HistoricalTimeline.Step s = e.step();
            Change change = Change.of(p, e.payload()).by(actor).at(s.time());
            switch (s.kind()) {
                case REGISTERED -> changes.record(change.moving(null, Stage.RESERVE).because(REASON)
                        .with(Map.of("import", "historical")));
                case MOVED -> {
                    p.moveTo(s.stage(), s.date(), s.time());
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("date", s.date().toString());
                    detail.put("import", "historical");
                    changes.record(change.moving(s.from(), s.stage()).because(REASON).changing("stage").with(detail));
                }
                case PLANNED -> {
                    HistoricalTimeline.Plan plan = planned.get(s.report());
                    p.touch(s.time());
                    plans.store(p, null, plan.year(), plan.amount(), REASON, actor, s.time());
                    Map<String, Object> detail = PlanService.detail(plan.year(), plan.amount(), null);
                    detail.put("import", "historical");
                    changes.record(change.because(REASON).changing("plans").with(detail));
                }
                case REPORTED -> {
                    HistoricalTimeline.Report r = reports.get(s.report());
                    investments.store(p, null, r.period(), r.amount(), r.reason(), actor, s.time());
                    Map<String, Object> detail = InvestmentService.detail(r.period(), r.amount(), null);
                    detail.put("import", "historical");
                    changes.record(change.because(r.reason()).changing("investments").with(detail));
                }
            }
        }
        if (h.admittedOn() != null) {
            // The case that let the project in, as approval bookkeeping: no version of its own.
            projects.flush();
            projects.recordApproval(p.id(), caseId, ApprovalState.APPROVED, false);
            projects.getEntityManager().refresh(p);
        }
        return p;
    }

    /** 409 when the code, or another code with its year, region and serial, exists. */
    private void requireFree(String code) {
        List<String> found = projects.codesWithSerialOf(code);
        if (found.contains(code)) {
            throw ApiException.conflict("code-exists", "项目代码 " + code + " 已存在：该项目已导入或已登记 (the code exists)");
        }
        if (!found.isEmpty()) {
            throw ApiException.conflict("serial-taken", "项目代码 " + code + " 的序号已被 " + found.get(0)
                    + " 使用：同一年份、区县的序号不能重复");
        }
    }
}
