package cn.zz.pipeline.approval.facts;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.ProjectSnapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a batch of project events changes in project_fact, folded per project in the order of the events, so that a
 * batch costs at most one statement per project and kind ({@link ProjectFactRepository#apply}) instead of one per
 * event: the newest snapshot, and the stage and leader set after it.
 */
final class FactChanges {

    /** One project's net change: a snapshot (then stage and leader override it), or a stage and a leader alone. */
    static final class Change {
        final UUID projectId;
        ProjectSnapshot snapshot;
        Stage stage;
        String leader;
        boolean leaderSet;
        long sequence;

        private Change(UUID projectId) {
            this.projectId = projectId;
        }

        Stage stageToStore() {
            return stage != null ? stage : snapshot.stage();
        }

        String leaderToStore() {
            return leaderSet ? leader : snapshot.leader();
        }
    }

    private final Map<UUID, Change> byProject = new LinkedHashMap<>();

    private Change of(UUID projectId) {
        return byProject.computeIfAbsent(projectId, Change::new);
    }

    /** A registration, update or declaration: the whole snapshot replaces what came before it in the batch. */
    void snapshot(ProjectSnapshot p, long sequence) {
        Change c = of(p.id());
        c.snapshot = p;
        c.stage = null;
        c.leader = null;
        c.leaderSet = false;
        c.sequence = Math.max(c.sequence, sequence);
    }

    /** A stage event (admitted, started, ...). */
    void stage(UUID projectId, Stage stage, long sequence) {
        Change c = of(projectId);
        c.stage = stage;
        c.sequence = Math.max(c.sequence, sequence);
    }

    /** An assignment of the leader (分包领导); it moves no sequence, as before batching. */
    void leader(UUID projectId, String leader) {
        Change c = of(projectId);
        c.leader = leader;
        c.leaderSet = true;
    }

    /** The project's pending change, removed: to be stored before a case of the project is opened or cancelled. */
    List<Change> take(UUID projectId) {
        Change c = byProject.remove(projectId);
        return c == null ? List.of() : List.of(c);
    }

    /** Every pending change, removed. */
    Collection<Change> takeAll() {
        List<Change> all = new ArrayList<>(byProject.values());
        byProject.clear();
        return all;
    }
}
