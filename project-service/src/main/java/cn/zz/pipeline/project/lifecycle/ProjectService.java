package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectInProduction;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectStarted;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.Violations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Commands on a project: registration, merge patches, stage transitions, assignment. Each is one short transaction
 * (load, check, change, history, outbox); authorization by district is checked here once the project is loaded.
 */
@ApplicationScoped
public class ProjectService {

    /** Fields a merge patch may not touch: identity, derived values, and what other commands own. */
    static final Set<String> NOT_PATCHABLE = Set.of("id", "code", "district", "districtName", "sector", "industrial",
            "stage", "stageLabel", "version", "leader", "taskForce", "approvalCaseId", "approvalState", "declaredOn",
            "admittedOn", "startedOn", "productionOn", "withdrawnOn", "createdAt", "updatedAt");

    @Inject
    ProjectRepository projects;

    @Inject
    FactRules rules;

    @Inject
    CodeAllocator codes;

    @Inject
    StageGates gates;

    @Inject
    ChangeLog changes;

    @Inject
    Today today;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<Reached> reached;

    /** Every violation of {@code facts} (empty = they would register); lets an importer report per row. */
    public List<Violation> check(ProjectFacts facts) {
        return rules.check(facts);
    }

    /**
     * Registers a project in the reserve pool (储备): validates, allocates its code, stores it at version 1, writes
     * history and the {@code registered} event. Joins the caller's transaction, so an importer may register many
     * rows in one. Authorization is the caller's: {@code CurrentUser.requireWrite(facts.district())}.
     *
     * @param actor the user name recorded as who registered it
     * @throws ApiException 400 with every violation, before anything is written (which is why it does not mark
     *     the transaction for rollback)
     */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ApiException.class)
    public Project register(ProjectFacts facts, String actor) {
        List<Violation> violations = rules.check(facts);
        if (!violations.isEmpty()) {
            throw Violations.invalid(violations);
        }
        Instant now = today.now();
        String code = codes.next(today.date().getYear(), facts.district(), facts.projectType());
        Project p = Project.register(code, facts, now);
        projects.persist(p);
        changes.record(Change.of(p, new ProjectRegistered(p.snapshot(), actor)).by(actor).at(now)
                .moving(null, Stage.RESERVE));
        return p;
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the editable facts: a member replaces the fact, null removes an
     * optional one. The result must satisfy the same rules as a registration. No change, no new version.
     */
    @Transactional
    public Project patch(UUID id, JsonNode patch, String ifMatch, CurrentUser user) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw ApiException.badRequest(new Violation("", "invalid-type", "合并补丁应为 JSON 对象 (a JSON object)",
                    null, null));
        }
        Project p = projects.forPatch(id, ifMatch, user);
        requireOpen(p);
        List<Violation> refused = new ArrayList<>();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (NOT_PATCHABLE.contains(name)) {
                refused.add(new Violation(name, "not-patchable", "该字段不能通过 PATCH 修改", null, null));
            } else if (!ProjectFacts.EDITABLE_NAMES.contains(name)) {
                refused.add(new Violation(name, "unknown-field", "未知字段 (unknown field)", null, null));
            }
        }
        if (!refused.isEmpty()) {
            throw Violations.invalid(refused);
        }
        ObjectNode merged = mapper.valueToTree(p.facts());
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                merged.putNull(e.getKey());
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        });
        ProjectFacts facts = mapper.treeToValue(merged, ProjectFacts.class);
        List<Violation> violations = rules.check(facts);
        if (!violations.isEmpty()) {
            throw Violations.invalid(violations);
        }
        List<String> changed = p.applyFacts(facts);
        if (changed.isEmpty()) {
            return p;
        }
        Instant now = today.now();
        p.touch(now);
        changes.record(Change.of(p, new ProjectUpdated(p.snapshot(), changed, user.name())).by(user.name()).at(now)
                .changing(changed));
        return p;
    }

    /**
     * A staff move along the lifecycle: 409 when the lifecycle does not allow it (or the If-Match version is
     * stale), 422 listing every unmet gate condition.
     */
    @Transactional
    public Project transition(UUID id, Transition t, String ifMatch, CurrentUser user) {
        Project p = projects.forWrite(id, ifMatch, user);
        Stage from = p.stage();
        if (!Lifecycle.staffMay(from, t.to())) {
            throw ApiException.conflict("illegal-transition", String.format(
                    "项目当前阶段为 %s（%s），不能转到 %s（%s）；可转到：%s", from.label(), from, t.to().label(), t.to(),
                    Lifecycle.staffMovesFrom(from).isEmpty() ? "无" : Lifecycle.staffMovesFrom(from)));
        }
        LocalDate date = t.date() != null ? t.date() : today.date();
        List<Violation> unmet = gates.unmet(p, t.to(), t.date(), today.date());
        if (!unmet.isEmpty()) {
            throw ApiException.unprocessable("gate-not-met", "未满足阶段条件 Gate conditions not met",
                    "不能转入" + t.to().label() + "（" + t.to() + "）：" + unmet.size() + " 项条件未满足", unmet);
        }
        Instant now = today.now();
        String actor = user.name();
        p.moveTo(t.to(), date, now);
        EventPayload event = switch (t.to()) {
            case DECLARED -> new ProjectDeclared(p.snapshot(), date, t.reason(), actor);
            case ADMITTED -> new ProjectAdmitted(p.id(), p.code(), p.district(), from, date, p.approvalCaseId(),
                    t.reason(), actor);
            case STARTED -> new ProjectStarted(p.id(), p.code(), p.district(), from, date, t.reason(), actor);
            case IN_PRODUCTION -> new ProjectInProduction(p.id(), p.code(), p.district(), from, date, t.reason(),
                    actor);
            case WITHDRAWN -> new ProjectWithdrawn(p.id(), p.code(), p.district(), from, date, t.reason(), actor);
            default -> throw new IllegalStateException("not a staff move: " + t.to());
        };
        changes.record(Change.of(p, event).by(actor).at(now).moving(from, t.to()).because(t.reason()).changing("stage")
                .with(Map.of("date", date.toString())));
        // the milestone plan's 开工 / 投产 node completes as the next version, in this transaction
        if (t.to() == Stage.STARTED || t.to() == Stage.IN_PRODUCTION) {
            reached.fire(new Reached(p, t.to() == Stage.STARTED ? Reached.Point.STARTED : Reached.Point.IN_PRODUCTION,
                    date, now));
        }
        return p;
    }

    /** 领导分包 + 专班: replaces the assignment; the same assignment again changes nothing. */
    @Transactional
    public Project assign(UUID id, Assign a, String ifMatch, CurrentUser user) {
        Project p = projects.forWrite(id, ifMatch, user);
        requireOpen(p);
        String oldLeader = p.leader();
        List<String> oldTaskForce = p.taskForce();
        Instant now = today.now();
        if (!p.assign(a.leader(), a.taskForce(), now)) {
            return p;
        }
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(oldLeader, p.leader())) {
            changed.add("leader");
        }
        if (!oldTaskForce.equals(p.taskForce())) {
            changed.add("taskForce");
        }
        changes.record(Change.of(p, new ProjectAssigned(p.id(), p.leader(), p.taskForce(), user.name()))
                .by(user.name()).at(now).changing(changed));
        return p;
    }

    /** A withdrawn (撤销) project is closed to further edits. */
    public static void requireOpen(Project p) {
        if (Lifecycle.closed(p.stage())) {
            throw ApiException.conflict("project-closed", "项目已撤销，不能再修改 (the project was withdrawn)");
        }
    }
}
