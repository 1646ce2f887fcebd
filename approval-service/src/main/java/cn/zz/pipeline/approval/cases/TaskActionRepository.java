package cn.zz.pipeline.approval.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The tasks' histories. */
@ApplicationScoped
public class TaskActionRepository implements PanacheRepositoryBase<TaskAction, Long> {

    /** Appends an entry to the task's history (one insert, as the identity key needs). */
    public void record(UUID taskId, Instant at, String actor, String action, String comment, LocalDate dueDate) {
        persist(new TaskAction(taskId, at, actor, action, comment, dueDate));
    }

    /** The task's history in the order it happened. */
    public List<TaskAction> history(UUID taskId) {
        return list("taskId", Sort.by("id"), taskId);
    }
}
