package cn.zz.pipeline.approval.facts;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * The project facts, the SQL of project_fact in one place: kept current from the project events, and locked by every
 * writer of a project's approvals before anything else (the consumer's upsert takes the same row first), so that
 * writers of one project are serialised and never lock in opposite order.
 */
@ApplicationScoped
public class ProjectFactRepository implements PanacheRepositoryBase<ProjectFact, UUID> {

    /** Stores the project's snapshot unless a later event's snapshot is stored already. */
    public void upsert(ProjectSnapshot p, long sequence) {
        // Native: an insert-or-update (on conflict) guarded by the event sequence is one statement; JPQL has none.
        getEntityManager().createNativeQuery("insert into project_fact (project_id, code, name, district, stage,"
                        + " industry, takes_new_land, eia_category, construction_type, total_investment, leader,"
                        + " last_sequence) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
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

    /** A stage event (admitted, started, ...): the stage, and the newest sequence seen. */
    public void stage(UUID projectId, Stage stage, long sequence) {
        update("stage = ?1, lastSequence = greatest(lastSequence, ?2), updatedAt = ?3 where projectId = ?4", stage,
                sequence, Instant.now(), projectId);
    }

    /** The project's assigned leader (分包领导), to whom its overdue tasks are escalated. */
    public void assign(UUID projectId, String leader) {
        update("leader = ?1, updatedAt = ?2 where projectId = ?3", leader, Instant.now(), projectId);
    }

    /** The assigned leader, null when none (or the project is unknown). */
    public String leader(UUID projectId) {
        return find("select leader from ProjectFact where projectId = ?1", projectId).project(String.class)
                .firstResult();
    }

    /**
     * Locks the project's row until the transaction ends: the first statement of every write to the project's
     * approvals.
     *
     * @return false when this service does not know the project
     */
    public boolean lock(UUID projectId) {
        // Native: a row lock alone (for update); locking through the ORM would load the facts into the persistence
        // context, where nextApprovalSequence would leave them stale.
        return !getEntityManager().createNativeQuery("select 1 from project_fact where project_id = ?1 for update")
                .setParameter(1, projectId).getResultList().isEmpty();
    }

    /** The next sequence of this service's events about the project; the caller holds the project's lock. */
    public long nextApprovalSequence(UUID projectId) {
        // Native: increment and read in one round trip (update ... returning); JPQL has no returning.
        return ((Number) getEntityManager().createNativeQuery("update project_fact set approval_sequence ="
                        + " approval_sequence + 1 where project_id = ?1 returning approval_sequence")
                .setParameter(1, projectId).getSingleResult()).longValue();
    }
}
