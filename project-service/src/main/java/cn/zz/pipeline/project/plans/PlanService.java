package cn.zz.pipeline.project.plans;

import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.project.PlanSet;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.Violations;
import cn.zz.pipeline.project.lifecycle.Change;
import cn.zz.pipeline.project.lifecycle.ChangeLog;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import cn.zz.pipeline.project.lifecycle.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Annual plans (年度计划投资), 万元 per calendar year and project: set, correct, list. The one way a plan changes, for
 * {@code PUT /api/projects/{id}/plans/{year}} and the Excel import alike (the historical import writes its first
 * figures through {@link #store}); the rules are {@link PlanRules}.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    ProjectRepository projects;

    @Inject
    AnnualPlanRepository plans;

    @Inject
    AnnualPlanRevisionRepository revisions;

    @Inject
    ChangeLog changes;

    @Inject
    Today today;

    /**
     * The plan as stored after the call, every figure it has had, and whether this call changed it.
     *
     * @param previous the figure this call replaced (null for a first plan, or when nothing changed)
     */
    public record Outcome(Project project, AnnualPlan plan, List<AnnualPlanRevision> history, boolean changed,
                          BigDecimal previous) {
    }

    /** A project's plans by year, each with its revisions oldest first. */
    public record Plans(Project project, List<AnnualPlan> plans, Map<UUID, List<AnnualPlanRevision>> history) {
    }

    /**
     * Sets or corrects the plan of {@code year}. The same amount again changes nothing (no revision, no event, the
     * project's version stays); a different one replaces the figure, keeps it as a revision, raises the project's
     * version and publishes {@code plan-set} through the outbox with a history row.
     *
     * @throws cn.zz.pipeline.platform.problem.ApiException 400 invalid body (every violation); 404 unknown project;
     *     403 outside the writer's district; 409 stale If-Match, concurrent change, or withdrawn project
     *     ({@code project-closed}); 422 a year outside the project's life or too far ahead (every rule broken), a
     *     plan above the total investment without a reason ({@code reason-required})
     */
    @Transactional
    public Outcome set(UUID projectId, int year, SetPlan command, String ifMatch, CurrentUser user) {
        List<Violation> invalid = PlanRules.check(command);
        if (!invalid.isEmpty()) {
            throw Violations.invalid(invalid);
        }
        Project p = projects.forWrite(projectId, ifMatch, user);
        ProjectService.requireOpen(p);
        int thisYear = today.date().getYear();
        List<Violation> broken = PlanRules.checkYear("year", year, PlanRules.life(p, today.zone(), thisYear), thisYear);
        if (!broken.isEmpty()) {
            throw PlanRules.refused(year, broken);
        }
        AnnualPlan existing = plans.of(projectId, year).orElse(null);
        if (existing != null && existing.amount().compareTo(command.amount()) == 0) {
            projects.requireCurrent(p.id(), ifMatch);
            return new Outcome(p, existing, revisions.ofPlan(existing.id()), false, null);
        }
        PlanRules.requireReason(command, p.facts().totalInvestment());

        String actor = user.name();
        Instant now = today.now();
        p.touch(now);
        // The project's version rises first: of two concurrent writers the loser stops here with 409, before its
        // plan row could collide with the winner's on (project, year).
        projects.flush();
        BigDecimal previous = existing == null ? null : existing.amount();
        AnnualPlan plan = store(p, existing, year, command.amount(), command.reason(), actor, now);
        PlanSet event = new PlanSet(projectId, p.code(), p.district(), year, command.amount(), previous,
                command.reason(), actor);
        changes.record(Change.of(p, event).by(actor).at(now).because(command.reason()).changing("plans")
                .with(detail(year, command.amount(), previous)));
        return new Outcome(p, plan, revisions.ofPlan(plan.id()), true, previous);
    }

    /**
     * The rows of a plan's new figure: the plan (created, or {@code existing} corrected) and its revision. The
     * caller has checked the figure, touched the project and records the change ({@code plan-set}); the historical
     * import writes its plans through here, so they read exactly as plans set by the PUT.
     */
    public AnnualPlan store(Project p, AnnualPlan existing, int year, BigDecimal amount, String reason, String actor,
                            Instant at) {
        BigDecimal previous = existing == null ? null : existing.amount();
        AnnualPlan plan = existing != null ? existing : new AnnualPlan(p.id(), year);
        plan.set(amount, reason, actor, at);
        if (existing == null) {
            plans.persist(plan);
        }
        revisions.persist(new AnnualPlanRevision(plan, previous));
        return plan;
    }

    public Plans list(UUID projectId, CurrentUser user) {
        Project p = projects.forRead(projectId, user);
        Map<UUID, List<AnnualPlanRevision>> byPlan = new HashMap<>();
        revisions.ofProject(projectId).forEach(r -> byPlan.computeIfAbsent(r.planId(), k -> new ArrayList<>()).add(r));
        return new Plans(p, plans.ofProject(projectId), byPlan);
    }

    /** The history's particulars of a plan change: year, amount and the amount it replaced. */
    public static Map<String, Object> detail(int year, BigDecimal amount, BigDecimal previous) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("year", year);
        detail.put("amount", Decimals.canonical(amount));
        if (previous != null) {
            detail.put("previousAmount", Decimals.canonical(previous));
        }
        return detail;
    }
}
