package cn.zz.pipeline.approval.facts;

import cn.zz.pipeline.approval.cases.CaseService;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectInProduction;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectReturnedToReserve;
import cn.zz.pipeline.events.project.ProjectStarted;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import cn.zz.pipeline.platform.consumer.BatchEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps project_fact current from the project events (the envelope's sequence guards against stale updates), and
 * drives the cases from them: a declaration opens a case (not a historical one: those approvals happened outside
 * the system), a withdrawal cancels the open case. One handler, so the facts a case needs are always stored first.
 *
 * <p>A batch consumer: a poll is one transaction, the stream positions keep it idempotent, and the facts of the
 * whole batch are folded per project into a few JDBC batches ({@link FactChanges}); a project's pending facts are
 * stored before its case is opened or cancelled, so the case sees them. The types it does not need (investment
 * reports, problems, plans, milestones, materials: most of a bulk load) are passed over unparsed.
 */
@ApplicationScoped
public class ProjectFactsHandler implements BatchEventHandler {

    private static final Set<EventType> WANTED = EnumSet.of(EventType.PROJECT_REGISTERED, EventType.PROJECT_UPDATED,
            EventType.PROJECT_DECLARED, EventType.PROJECT_ADMITTED, EventType.PROJECT_STARTED,
            EventType.PROJECT_IN_PRODUCTION, EventType.PROJECT_WITHDRAWN, EventType.PROJECT_RETURNED_TO_RESERVE,
            EventType.PROJECT_ASSIGNED);

    @Inject
    ProjectFactRepository facts;

    @Inject
    CaseService cases;

    @Override
    public String name() {
        return "project-facts";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROJECT_EVENTS);
    }

    @Override
    public boolean wants(EventType type) {
        return WANTED.contains(type);
    }

    @Override
    public void handleBatch(List<EventEnvelope> events) {
        FactChanges changes = new FactChanges();
        for (EventEnvelope event : events) {
            // Java 17: no pattern switch, so a chain of instanceof tests.
            Object data = event.data();
            long sequence = event.sequence();
            if (data instanceof ProjectRegistered e) {
                changes.snapshot(e.project(), sequence);
            } else if (data instanceof ProjectUpdated e) {
                changes.snapshot(e.project(), sequence);
            } else if (data instanceof ProjectDeclared e) {
                changes.snapshot(e.project(), sequence);
                if (!e.replayed()) {
                    facts.apply(changes.take(e.project().id()));
                    cases.open(e, sequence);
                }
            } else if (data instanceof ProjectAdmitted e) {
                changes.stage(e.projectId(), Stage.ADMITTED, sequence);
            } else if (data instanceof ProjectStarted e) {
                changes.stage(e.projectId(), Stage.STARTED, sequence);
            } else if (data instanceof ProjectInProduction e) {
                changes.stage(e.projectId(), Stage.IN_PRODUCTION, sequence);
            } else if (data instanceof ProjectWithdrawn e) {
                changes.stage(e.projectId(), Stage.WITHDRAWN, sequence);
                facts.apply(changes.take(e.projectId()));
                cases.projectWithdrawn(e.projectId());
            } else if (data instanceof ProjectReturnedToReserve e) {
                changes.stage(e.projectId(), Stage.RESERVE, sequence);
            } else if (data instanceof ProjectAssigned e) {
                changes.leader(e.projectId(), e.leader());
            }
        }
        facts.apply(changes.takeAll());
    }
}
