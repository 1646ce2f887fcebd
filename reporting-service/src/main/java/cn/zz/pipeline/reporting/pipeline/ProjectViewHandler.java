package cn.zz.pipeline.reporting.pipeline;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectAdmitted;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/** Projects the project events into project_view: facts, current stage and the date each stage was entered. */
@ApplicationScoped
public class ProjectViewHandler implements EventHandler {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager em;

    @Override
    public String name() {
        return "project-view";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROJECT_EVENTS);
    }

    @Override
    public void handle(EventEnvelope event) {
        Object data = event.data();
        if (data instanceof ProjectRegistered e) {
            upsert(e.project(), event.sequence(), event.time().atZone(CHINA).toLocalDate());
        } else if (data instanceof ProjectUpdated e) {
            upsert(e.project(), event.sequence(), null);
        } else if (data instanceof ProjectDeclared e) {
            upsert(e.project(), event.sequence(), null);
            stage(e.project().id(), Stage.DECLARED, "declared_on", e.date(), event.sequence());
        } else if (data instanceof ProjectAdmitted e) {
            stage(e.projectId(), Stage.ADMITTED, "admitted_on", e.date(), event.sequence());
        } else if (data instanceof ProjectStarted e) {
            stage(e.projectId(), Stage.STARTED, "started_on", e.date(), event.sequence());
        } else if (data instanceof ProjectInProduction e) {
            stage(e.projectId(), Stage.IN_PRODUCTION, "production_on", e.date(), event.sequence());
        } else if (data instanceof ProjectWithdrawn e) {
            stage(e.projectId(), Stage.WITHDRAWN, "withdrawn_on", e.date(), event.sequence());
        } else if (data instanceof ProjectReturnedToReserve e) {
            stage(e.projectId(), Stage.RESERVE, null, e.date(), event.sequence());
        }
    }

    private void upsert(ProjectSnapshot p, long sequence, LocalDate registeredOn) {
        em.createNativeQuery("insert into project_view (project_id, code, name, district, park, chain, industry, sector,"
                        + " project_type, private_investment, total_investment, stage, registered_on, last_sequence)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                        + " on conflict (project_id) do update set code = excluded.code, name = excluded.name,"
                        + " district = excluded.district, park = excluded.park, chain = excluded.chain,"
                        + " industry = excluded.industry, sector = excluded.sector, project_type = excluded.project_type,"
                        + " private_investment = excluded.private_investment, total_investment = excluded.total_investment,"
                        + " stage = excluded.stage, last_sequence = excluded.last_sequence, updated_at = now()"
                        + " where project_view.last_sequence < excluded.last_sequence")
                .setParameter(1, p.id()).setParameter(2, p.code()).setParameter(3, p.name())
                .setParameter(4, p.district()).setParameter(5, p.park()).setParameter(6, p.chain())
                .setParameter(7, p.industry()).setParameter(8, p.sector().name()).setParameter(9, p.projectType())
                .setParameter(10, p.privateInvestment()).setParameter(11, p.totalInvestment())
                .setParameter(12, p.stage().name()).setParameter(13, registeredOn).setParameter(14, sequence)
                .executeUpdate();
    }

    private void stage(UUID projectId, Stage stage, String dateColumn, LocalDate date, long sequence) {
        // dateColumn is one of this class's constants, never input
        String setDate = dateColumn == null ? "" : ", " + dateColumn + " = ?4";
        var q = em.createNativeQuery("update project_view set stage = ?1, last_sequence = greatest(last_sequence, ?2),"
                        + " updated_at = now()" + setDate + " where project_id = ?3 and last_sequence < ?2")
                .setParameter(1, stage.name()).setParameter(2, sequence).setParameter(3, projectId);
        if (dateColumn != null) {
            q.setParameter(4, date);
        }
        q.executeUpdate();
    }
}
