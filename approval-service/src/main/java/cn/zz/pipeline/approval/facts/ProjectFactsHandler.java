package cn.zz.pipeline.approval.facts;

import cn.zz.pipeline.approval.cases.CaseService;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectInProduction;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectReturnedToReserve;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.events.project.ProjectStarted;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import cn.zz.pipeline.platform.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * Keeps project_fact current from the project events (the envelope's sequence guards against stale updates), and
 * drives the cases from them: a declaration opens a case (not a historical one: those approvals happened outside
 * the system), a withdrawal cancels the open case. One handler, so the facts a case needs are always stored first.
 */
@ApplicationScoped
public class ProjectFactsHandler implements EventHandler {

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
    public void handle(EventEnvelope event) {
        // Java 17: no pattern switch, so a chain of instanceof tests.
        Object data = event.data();
        if (data instanceof ProjectRegistered e) {
            facts.upsert(e.project(), event.sequence());
        } else if (data instanceof ProjectUpdated e) {
            facts.upsert(e.project(), event.sequence());
        } else if (data instanceof ProjectDeclared e) {
            facts.upsert(e.project(), event.sequence());
            if (!e.replayed()) {
                cases.open(e, event.sequence());
            }
        } else if (data instanceof ProjectAdmitted e) {
            facts.stage(e.projectId(), Stage.ADMITTED, event.sequence());
        } else if (data instanceof ProjectStarted e) {
            facts.stage(e.projectId(), Stage.STARTED, event.sequence());
        } else if (data instanceof ProjectInProduction e) {
            facts.stage(e.projectId(), Stage.IN_PRODUCTION, event.sequence());
        } else if (data instanceof ProjectWithdrawn e) {
            facts.stage(e.projectId(), Stage.WITHDRAWN, event.sequence());
            cases.projectWithdrawn(e.projectId());
        } else if (data instanceof ProjectReturnedToReserve e) {
            facts.stage(e.projectId(), Stage.RESERVE, event.sequence());
        } else if (data instanceof ProjectAssigned e) {
            facts.assign(e.projectId(), e.leader());
        }
        // investments and problems do not concern approvals
    }
}
