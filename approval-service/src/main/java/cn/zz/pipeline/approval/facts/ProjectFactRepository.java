package cn.zz.pipeline.approval.facts;

import cn.zz.pipeline.events.project.ProjectSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.UUID;

/**
 * The project facts, the SQL of project_fact in one place: kept current from the project events, and locked by every
 * writer of a project's approvals before anything else (the consumer's upsert takes the same row first), so that
 * writers of one project are serialised and never lock in opposite order.
 */
@ApplicationScoped
public class ProjectFactRepository implements PanacheRepositoryBase<ProjectFact, UUID> {

    /**
     * Stores the changes of a batch of project events, one JDBC batch per kind: a snapshot is inserted or stored
     * over older facts (unless a later event's snapshot is stored already), a stage alone moves the stage and the
     * newest sequence seen, a leader alone the leader.
     */
    public void apply(Collection<FactChanges.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // Native JDBC batches: an insert-or-update (on conflict) guarded by the event sequence is one statement (JPQL
        // has none), and a batch of them is one round trip.
        getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement upsert = c.prepareStatement("insert into project_fact (project_id, code, name,"
                    + " district, stage, industry, takes_new_land, eia_category, construction_type, total_investment,"
                    + " leader, last_sequence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (project_id) do update set code = excluded.code, name = excluded.name,"
                    + " district = excluded.district, stage = excluded.stage, industry = excluded.industry,"
                    + " takes_new_land = excluded.takes_new_land, eia_category = excluded.eia_category,"
                    + " construction_type = excluded.construction_type, total_investment = excluded.total_investment,"
                    + " leader = excluded.leader, last_sequence = excluded.last_sequence, updated_at = now()"
                    + " where project_fact.last_sequence < excluded.last_sequence");
                 PreparedStatement stage = c.prepareStatement("update project_fact set stage = ?,"
                         + " last_sequence = greatest(last_sequence, ?), updated_at = now() where project_id = ?");
                 PreparedStatement leader = c.prepareStatement("update project_fact set leader = ?,"
                         + " updated_at = now() where project_id = ?")) {
                int upserts = 0;
                int stages = 0;
                int leaders = 0;
                for (FactChanges.Change ch : changes) {
                    ProjectSnapshot p = ch.snapshot;
                    if (p != null) {
                        upsert.setObject(1, p.id());
                        upsert.setString(2, p.code());
                        upsert.setString(3, p.name());
                        upsert.setString(4, p.district());
                        upsert.setString(5, ch.stageToStore().name());
                        upsert.setString(6, p.industry());
                        upsert.setBoolean(7, p.takesNewLand());
                        upsert.setString(8, p.eiaCategory() == null ? null : p.eiaCategory().name());
                        upsert.setString(9, p.constructionType().name());
                        upsert.setBigDecimal(10, p.totalInvestment());
                        upsert.setString(11, ch.leaderToStore());
                        upsert.setLong(12, ch.sequence);
                        upsert.addBatch();
                        upserts++;
                        continue;
                    }
                    if (ch.stage != null) {
                        stage.setString(1, ch.stage.name());
                        stage.setLong(2, ch.sequence);
                        stage.setObject(3, ch.projectId);
                        stage.addBatch();
                        stages++;
                    }
                    if (ch.leaderSet) {
                        leader.setString(1, ch.leader);
                        leader.setObject(2, ch.projectId);
                        leader.addBatch();
                        leaders++;
                    }
                }
                if (upserts > 0) {
                    upsert.executeBatch();
                }
                if (stages > 0) {
                    stage.executeBatch();
                }
                if (leaders > 0) {
                    leader.executeBatch();
                }
            }
        });
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
