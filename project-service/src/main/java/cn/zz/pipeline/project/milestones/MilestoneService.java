package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.platform.time.MilestoneConfig;
import cn.zz.pipeline.platform.time.MilestoneStatus;
import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.project.MilestoneNode;
import cn.zz.pipeline.events.project.MilestoneNode.Completion;
import cn.zz.pipeline.events.project.MilestoneNode.Source;
import cn.zz.pipeline.events.project.MilestonesSet;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.lifecycle.ApprovalState;
import cn.zz.pipeline.project.lifecycle.Change;
import cn.zz.pipeline.project.lifecycle.ChangeLog;
import cn.zz.pipeline.project.lifecycle.Lifecycle;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import cn.zz.pipeline.project.lifecycle.ProjectService;
import cn.zz.pipeline.project.lifecycle.Reached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Milestone plans (倒排工期): generated backwards from a target start with the project's template, replanned by
 * hand, nodes completed by hand or by the project's events. Every change is a change of the project (version,
 * history row, {@code milestones-set} with the whole plan); a call that changes nothing answers the plan as it is.
 * The rules of the body are {@link MilestoneRules}, the status and light {@link MilestoneStatus}.
 */
@ApplicationScoped
public class MilestoneService {

    @Inject
    ProjectRepository projects;

    @Inject
    MilestonePlanRepository plans;

    @Inject
    MilestoneRepository milestones;

    @Inject
    MilestoneTemplates templates;

    @Inject
    ChangeLog changes;

    @Inject
    Today today;

    @Inject
    MilestoneConfig config;

    /** A project's plan as stored: the project, the plan row and its nodes in order. */
    public record Stored(Project project, MilestonePlan plan, List<Milestone> nodes) {
    }

    public Stored get(UUID projectId, CurrentUser user) {
        Project p = projects.forRead(projectId, user);
        MilestonePlan plan = plans.findByIdOptional(projectId).orElseThrow(() -> noPlan(projectId));
        return new Stored(p, plan, milestones.ofProject(projectId));
    }

    /**
     * Generates (a target start) and/or replans by hand (nodes).
     *
     * @throws ApiException 400 malformed body; 403/404 as every project write; 409 stale If-Match, concurrent change,
     *     withdrawn project; 422 replanning without a plan and without a target, an unknown or repeated node, dates
     *     out of node order
     */
    @Transactional
    public Stored set(UUID projectId, SetMilestones command, String ifMatch, CurrentUser user) {
        LocalDate day = today.date();
        MilestoneRules.check(command, day);
        Project p = projects.forWrite(projectId, ifMatch, user);
        ProjectService.requireOpen(p);
        MilestonePlan plan = plans.findByIdOptional(projectId).orElse(null);
        List<Milestone> nodes = plan == null ? new ArrayList<>() : new ArrayList<>(milestones.ofProject(projectId));
        Snapshot before = Snapshot.of(plan, nodes);
        if (command.targetStart() != null) {
            if (plan == null) {
                plan = new MilestonePlan(projectId);
            }
            nodes = generate(p, plan, nodes, command.targetStart(), day);
        } else if (plan == null) {
            throw ApiException.unprocessable("milestones-not-planned", "项目尚无倒排计划 (no milestone plan yet)",
                    "项目尚无倒排计划，请先给出目标开工日期 targetStart 生成计划", List.of(new Violation("targetStart",
                            "required", "项目尚无倒排计划时须给出目标开工日期", null, null)));
        }
        if (command.nodes() != null) {
            MilestoneRules.replan(nodes, command.nodes());
        }
        plan.set(start(nodes).planned(), plan.templateVersion()); // a START replanned by hand moves the target
        if (before != null && before.equals(Snapshot.of(plan, nodes))) {
            projects.requireCurrent(projectId, ifMatch);
            return new Stored(p, plan, nodes);
        }
        return record(p, plan, nodes, user.name(), command.reason(), before == null ? "generated" : "replanned");
    }

    /**
     * Completes a MANUAL node by hand on {@code actual}; the same date again changes nothing.
     *
     * @throws ApiException 400 no date; 404 unknown project, plan or node; 409 an EVENT node
     *     ({@code completes-by-event}), stale If-Match, withdrawn project; 422 a date in the future or before the
     *     project's registration
     */
    @Transactional
    public Stored complete(UUID projectId, String code, CompleteMilestone command, String ifMatch, CurrentUser user) {
        MilestoneRules.check(command);
        Project p = projects.forWrite(projectId, ifMatch, user);
        ProjectService.requireOpen(p);
        MilestonePlan plan = plans.findByIdOptional(projectId).orElseThrow(() -> noPlan(projectId));
        List<Milestone> nodes = milestones.ofProject(projectId);
        Milestone node = nodes.stream().filter(n -> n.code().equals(code)).findFirst()
                .orElseThrow(() -> ApiException.notFound("倒排计划节点 (milestone node)", code));
        if (node.completion() == Completion.EVENT) {
            throw ApiException.conflict("completes-by-event", "节点 " + code + "（" + node.name() + "）由项目事件完成（"
                    + MilestoneRules.byEvent(code) + "），不能手工填报 (this node completes by the project's event)");
        }
        LocalDate day = today.date();
        MilestoneRules.checkActual(command.actual(), day, today.dateOf(p.createdAt()));
        if (command.actual().equals(node.actual())) {
            projects.requireCurrent(projectId, ifMatch);
            return new Stored(p, plan, nodes);
        }
        node.complete(command.actual(), Source.MANUAL);
        return record(p, plan, nodes, user.name(), command.reason(), "completed " + code);
    }

    /**
     * The rules of a plan given with a registration (an import), before anything is written: the target start as
     * {@code PUT .../milestones} takes it; each completed node one of the project's template that completes by hand,
     * not in the future. The completion dates may precede the registration: an import records what happened before
     * the project entered this system. Violations name {@code targetStart} or the node's code as their field.
     */
    public List<Violation> check(ImportedPlan given, String projectType, ConstructionType constructionType) {
        LocalDate day = today.date();
        List<Violation> out = new ArrayList<>(MilestoneRules.checkTarget(given.targetStart(), day));
        if (given.targetStart() == null && !given.done().isEmpty()) {
            out.add(new Violation("targetStart", "required", "填写了节点完成日期时须同时填写目标开工日期", null, null));
        }
        Template t = template(projectType, constructionType);
        given.done().forEach((code, actual) -> {
            TemplateNode node = t == null ? null
                    : t.nodes().stream().filter(n -> n.code().equals(code)).findFirst().orElse(null);
            if (t != null && node == null) {
                out.add(new Violation(code, "not-in-plan", "该项目类型的倒排计划没有节点 " + code, actual, null));
            } else if (node != null && node.completion() == Completion.EVENT) {
                out.add(new Violation(code, "completes-by-event", "节点 " + code + "（" + node.name() + "）由项目事件完成（"
                        + MilestoneRules.byEvent(code) + "），不能填报", actual, null));
            }
            out.addAll(MilestoneRules.checkDone(code, actual, day));
        });
        return out;
    }

    private Template template(String projectType, ConstructionType constructionType) {
        if (projectType == null || !TemplateRules.PROJECT_TYPES.contains(projectType)) {
            return null; // the registration's own rules name the project type
        }
        return templates.current().forProject(projectType, constructionType);
    }

    /**
     * Generates the plan of a project registered in the caller's transaction (version 1 → 2, one
     * {@code milestones-set} event) with the given nodes completed by hand on their dates.
     *
     * @throws ApiException 422 a node the template no longer has (the caller's transaction must roll back)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(Project p, ImportedPlan given, String actor) {
        MilestonePlan plan = new MilestonePlan(p.id());
        List<Milestone> nodes = generate(p, plan, new ArrayList<>(), given.targetStart(), today.date());
        given.done().forEach((code, actual) -> nodes.stream().filter(n -> n.code().equals(code)).findFirst()
                .orElseThrow(() -> ApiException.unprocessable("not-in-plan", "倒排计划没有该节点 (no such node)",
                        "该项目类型的倒排计划没有节点 " + code, List.of(new Violation(code, "not-in-plan",
                                "该项目类型的倒排计划没有节点 " + code, actual, null))))
                .complete(actual, Source.MANUAL));
        record(p, plan, nodes, actor, "随项目台账导入", "generated");
    }

    /** A node waiting for what the project reached completes on its day, when the project has a plan. */
    void reached(@Observes Reached r) {
        Project p = r.project();
        if (Lifecycle.closed(p.stage())) {
            return;
        }
        MilestonePlan plan = plans.findById(p.id());
        if (plan == null) {
            return;
        }
        String code = switch (r.point()) {
            case APPROVED -> TemplateRules.APPROVED;
            case STARTED -> TemplateRules.START;
            case IN_PRODUCTION -> TemplateRules.PRODUCTION;
        };
        List<Milestone> nodes = milestones.ofProject(p.id());
        for (Milestone n : nodes) {
            if (n.code().equals(code) && n.actual() == null) {
                n.complete(r.on(), Source.EVENT);
                record(p, plan, nodes, null, null, "completed " + code);
                return;
            }
        }
    }

    /**
     * The template's nodes planned backwards from {@code target}: existing nodes of the same code are kept (with
     * their actual), nodes the template no longer has are removed. A node the project has already passed is
     * completed as the project did: 开工 and 投产 on their dates, 并联审批完成 when the case is approved (on the 入库
     * date when known: project-service does not keep the approval's day).
     */
    private List<Milestone> generate(Project p, MilestonePlan plan, List<Milestone> existing, LocalDate target,
                                     LocalDate day) {
        TemplateSet set = templates.current();
        Template t = set.forProject(p.facts().projectType(), p.facts().constructionType());
        Map<String, Milestone> byCode = new HashMap<>();
        existing.forEach(n -> byCode.put(n.code(), n));
        plan.set(target, set.version());
        List<Milestone> out = new ArrayList<>();
        for (int i = 0; i < t.nodes().size(); i++) {
            TemplateNode tn = t.nodes().get(i);
            Milestone n = byCode.remove(tn.code());
            if (n == null) {
                n = new Milestone(p.id(), tn.code()); // persisted by record, after the project's version rose
            }
            n.plan(i, tn, planned(tn, target));
            if (n.actual() == null) {
                LocalDate passed = passed(p, tn.code(), day);
                if (passed != null) {
                    n.complete(passed, Source.EVENT);
                }
            }
            out.add(n);
        }
        byCode.values().forEach(milestones::delete);
        return out;
    }

    private static LocalDate planned(TemplateNode n, LocalDate target) {
        return n.code().equals(TemplateRules.PRODUCTION) ? target.plusDays(n.offsetDays())
                : target.minusDays(n.offsetDays());
    }

    private static LocalDate passed(Project p, String code, LocalDate day) {
        return switch (code) {
            case TemplateRules.START -> p.startedOn();
            case TemplateRules.PRODUCTION -> p.productionOn();
            case TemplateRules.APPROVED -> p.approvalState() == ApprovalState.APPROVED
                    ? (p.admittedOn() != null ? p.admittedOn() : day) : null;
            default -> null;
        };
    }

    private static Milestone start(List<Milestone> nodes) {
        return nodes.stream().filter(n -> n.code().equals(TemplateRules.START)).findFirst()
                .orElseThrow(() -> new IllegalStateException("plan without START"));
    }

    private Stored record(Project p, MilestonePlan plan, List<Milestone> nodes, String actor, String reason,
                          String what) {
        Instant now = today.now();
        p.touch(now);
        plan.stamp(actor, now);
        // The project's version rises first: of two concurrent writers the loser stops here with 409, before its new
        // rows could collide with the winner's. New rows are persisted only now, complete (an insert takes the
        // entity's state at persist), the plan before its nodes.
        projects.flush();
        if (!plans.isPersistent(plan)) {
            plans.persist(plan);
        }
        nodes.stream().filter(n -> !milestones.isPersistent(n)).forEach(milestones::persist);
        List<MilestoneNode> wire = nodes.stream().map(Milestone::node).toList();
        MilestonesSet event = new MilestonesSet(p.id(), p.code(), p.district(), plan.targetStart(),
                plan.templateVersion(), wire, reason, actor);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("milestones", what);
        detail.put("targetStart", plan.targetStart().toString());
        changes.record(Change.of(p, event).by(actor).at(now).because(reason).changing("milestones").with(detail));
        return new Stored(p, plan, nodes);
    }

    private static ApiException noPlan(UUID projectId) {
        return ApiException.notFound("项目的倒排计划 (milestone plan of project)", projectId);
    }

    /** What a change compares: target, template version and every node's dates, source and place. */
    private record Snapshot(LocalDate target, int version, List<MilestoneNode> nodes) {
        static Snapshot of(MilestonePlan plan, List<Milestone> nodes) {
            return plan == null ? null
                    : new Snapshot(plan.targetStart(), plan.templateVersion(),
                            nodes.stream().map(Milestone::node).toList());
        }
    }

    /** The view of a stored plan on the service's today. */
    public MilestoneViews.Plan view(Stored s) {
        LocalDate day = today.date();
        List<MilestoneViews.Node> nodes = s.nodes().stream().map(n -> new MilestoneViews.Node(n.code(), n.name(),
                n.planned(), n.actual(), MilestoneStatus.of(n.planned(), n.actual(), day, config.atRiskDays()),
                n.source(), n.completion())).toList();
        return new MilestoneViews.Plan(s.project().id(), s.project().code(),
                MilestoneStatus.light(nodes.stream().map(MilestoneViews.Node::status).toList()),
                s.plan().targetStart(), s.plan().templateVersion(), s.plan().updatedAt(), s.plan().updatedBy(), nodes);
    }
}
