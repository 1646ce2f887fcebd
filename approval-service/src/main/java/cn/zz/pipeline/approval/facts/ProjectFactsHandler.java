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
import jakarta.persistence.EntityManager;

import java.util.Set;
import java.util.UUID;

/**
 * Keeps project_fact current from the project events (the envelope's sequence guards against stale updates), and
 * drives the cases from them: a declaration opens a case (not a historical one: those approvals happened outside
 * the system), a withdrawal cancels the open case. One handler, so the facts a case needs are always stored first.
 */
@ApplicationScoped
public class ProjectFactsHandler implements EventHandler {

    @Inject
    EntityManager em;

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
            upsert(e.project(), event.sequence());
        } else if (data instanceof ProjectUpdated e) {
            upsert(e.project(), event.sequence());
        } else if (data instanceof ProjectDeclared e) {
            upsert(e.project(), event.sequence());
            if (!e.replayed()) {
                cases.open(e, event.sequence());
            }
        } else if (data instanceof ProjectAdmitted e) {
            stage(e.projectId(), Stage.ADMITTED, event.sequence());
        } else if (data instanceof ProjectStarted e) {
            stage(e.projectId(), Stage.STARTED, event.sequence());
        } else if (data instanceof ProjectInProduction e) {
            stage(e.projectId(), Stage.IN_PRODUCTION, event.sequence());
        } else if (data instanceof ProjectWithdrawn e) {
            stage(e.projectId(), Stage.WITHDRAWN, event.sequence());
            cases.projectWithdrawn(e.projectId());
        } else if (data instanceof ProjectReturnedToReserve e) {
            stage(e.projectId(), Stage.RESERVE, event.sequence());
        } else if (data instanceof ProjectAssigned e) {
            em.createNativeQuery("update project_fact set leader = ?1, updated_at = now() where project_id = ?2")
                    .setParameter(1, e.leader()).setParameter(2, e.projectId()).executeUpdate();
        }
        // investments and problems do not concern approvals
    }

    private void upsert(ProjectSnapshot p, long sequence) {
        em.createNativeQuery("insert into project_fact (project_id, code, name, district, stage, industry, takes_new_land,"
                        + " eia_category, construction_type, total_investment, leader, last_sequence)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                        + " on conflict (project_id) do update set code = excluded.code, name = excluded.name,"
                        + " district = excluded.district, stage = excluded.stage, industry = excluded.industry,"
                        + " takes_new_land = excluded.takes_new_land, eia_category = excluded.eia_category,"
                        + " construction_type = excluded.construction_type, total_investment = excluded.total_investment,"
                        + " leader = excluded.leader, last_sequence = excluded.last_sequence, updated_at = now()"
                        + " where project_fact.last_sequence < excluded.last_sequence")
                .setParameter(1, p.id()).setParameter(2, p.code()).setParameter(3, p.name())
                .setParameter(4, p.district()).setParameter(5, p.stage().name()).setParameter(6, p.industry())
                .setParameter(7, p.takesNewLand())
                .setParameter(8, p.eiaCategory() == null ? null : p.eiaCategory().name())
                .setParameter(9, p.constructionType().name()).setParameter(10, p.totalInvestment())
                .setParameter(11, p.leader()).setParameter(12, sequence)
                .executeUpdate();
    }

    private void stage(UUID projectId, Stage stage, long sequence) {
        em.createNativeQuery("update project_fact set stage = ?1, last_sequence = greatest(last_sequence, ?2),"
                        + " updated_at = now() where project_id = ?3")
                .setParameter(1, stage.name()).setParameter(2, sequence).setParameter(3, projectId)
                .executeUpdate();
    }
}
