package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.approval.CaseApproved;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.events.approval.CaseRejected;
import cn.zz.pipeline.events.project.ProjectReturnedToReserve;
import cn.zz.pipeline.platform.consumer.BatchEventHandler;
import cn.zz.pipeline.platform.consumer.PermanentEventException;
import cn.zz.pipeline.platform.time.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reacts to the outcome of a project's parallel approval case (pipeline.approval.events).
 *
 * <ul>
 *   <li>{@code case-opened}, {@code case-approved}: bookkeeping only (approvalCaseId, approvalState), written by
 *   {@link ProjectRepository#recordApproval} without a new version: no project event follows, and a version without
 *   an event would look like a lost event (a sequence gap) to every consumer. The staff move to 入库 then passes its
 *   gate.</li>
 *   <li>{@code case-approved} also completes the 并联审批完成 node of the project's milestone plan, if it has one:
 *   that is a change of the project (a new version and {@code milestones-set}).</li>
 *   <li>{@code case-rejected}: a project change. A declared project returns to 储备 (event
 *   {@code returned-to-reserve}, history actor "system").</li>
 * </ul>
 * Events of an earlier case (the project was declared again since) change nothing. Events of unknown projects
 * can never apply: dead letter.
 *
 * <p>A batch consumer: one transaction per poll, idempotent through the stream positions. Most approval events are
 * task-level (decided, returned, overdue); they are passed over unread and only move the positions.
 */
@ApplicationScoped
public class ApprovalOutcomes implements BatchEventHandler {

    private static final Set<EventType> WANTED = EnumSet.of(EventType.CASE_OPENED, EventType.CASE_APPROVED,
            EventType.CASE_REJECTED);

    private static final Logger LOG = Logger.getLogger(ApprovalOutcomes.class);

    @Inject
    ProjectRepository projects;

    @Inject
    ChangeLog changes;

    @Inject
    Today today;

    @Inject
    Event<Reached> reached;

    @Override
    public String name() {
        return "approval-outcomes";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.APPROVAL_EVENTS);
    }

    @Override
    public boolean wants(EventType type) {
        return WANTED.contains(type);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void handleBatch(List<EventEnvelope> events) {
        events.forEach(this::apply);
    }

    private void apply(EventEnvelope event) {
        if (event.data() instanceof CaseOpened opened) {
            opened(opened);
        } else if (event.data() instanceof CaseApproved approved) {
            approved(approved);
        } else if (event.data() instanceof CaseRejected rejected) {
            rejected(rejected);
        }
    }

    private void opened(CaseOpened e) {
        if (projects.recordApproval(e.projectId(), e.caseId(), ApprovalState.OPEN, false) == 0) {
            throw unknown(e.projectId());
        }
    }

    private void approved(CaseApproved e) {
        if (projects.recordApproval(e.projectId(), e.caseId(), ApprovalState.APPROVED, true) == 0) {
            if (projects.findByIdOptional(e.projectId()).isEmpty()) {
                throw unknown(e.projectId());
            }
            LOG.infof("project %s: approval of superseded case %s ignored", e.projectId(), e.caseId());
            return;
        }
        // A milestone plan's 并联审批完成 node completes on the approval's day: a change of the project (a version
        // and an event), unlike the bookkeeping above.
        Instant at = e.approvedAt() == null ? today.now() : e.approvedAt();
        reached.fire(new Reached(projects.findById(e.projectId()), Reached.Point.APPROVED, today.dateOf(at),
                today.now()));
    }

    private void rejected(CaseRejected e) {
        Project p = projects.findByIdOptional(e.projectId()).orElseThrow(() -> unknown(e.projectId()));
        if (p.approvalCaseId() != null && !p.approvalCaseId().equals(e.caseId())) {
            LOG.infof("project %s: rejection of superseded case %s ignored", e.projectId(), e.caseId());
            return;
        }
        if (p.stage() != Stage.DECLARED) {
            // Withdrawn meanwhile: nothing to send back, but remember the outcome.
            projects.recordApproval(e.projectId(), e.caseId(), ApprovalState.REJECTED, false);
            return;
        }
        Instant now = today.now();
        p.returnToReserve(e.caseId(), now);
        String reason = cut("并联审批不予批准（" + e.department() + "）" + (e.reason() == null ? "" : "：" + e.reason()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("approvalCaseId", e.caseId().toString());
        detail.put("department", e.department());
        if (e.reason() != null) {
            detail.put("departmentReason", cut(e.reason()));
        }
        ProjectReturnedToReserve event = new ProjectReturnedToReserve(p.id(), p.code(), p.district(), Stage.DECLARED,
                today.dateOf(e.rejectedAt() == null ? now : e.rejectedAt()), e.caseId(), reason, null);
        changes.record(Change.of(p, event).at(now).moving(Stage.DECLARED, Stage.RESERVE).because(reason)
                .changing("stage").with(detail));
    }

    /** History reasons are at most 500 characters; a long comment must not make the event fail forever. */
    private static String cut(String s) {
        return s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }

    private static PermanentEventException unknown(UUID projectId) {
        return new PermanentEventException("unknown project " + projectId);
    }
}
