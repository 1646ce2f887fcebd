package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The one way a change of a project is completed: flush it (which raises the version, or fails with an optimistic
 * lock error when someone else changed the project first), then write the history row and the event with
 * {@code sequence} = the new version, all in the caller's transaction.
 */
@ApplicationScoped
public class ChangeLog {

    @Inject
    ProjectRepository projects;

    @Inject
    ProjectHistoryRepository history;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Change change) {
        projects.flush(); // the version rises here: the history row and the event take the new one
        history.persist(ProjectHistory.of(change));
        Project p = change.project();
        outbox.publish(p.id().toString(), p.version(), change.at(), change.event());
    }
}
