package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.platform.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Department tasks: the inbox, the tasks of a case, the keys a writer locks by, the overdue candidates. */
@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    /** The inbox order: oldest due first. */
    private static final Sort DUE_FIRST = Sort.by("dueDate").and("id");
    private static final Sort BY_DEPARTMENT = Sort.by("department");

    /** Tasks matching the filters, oldest due first. */
    public PanacheQuery<Task> matching(Where where) {
        return find(where.query(), DUE_FIRST, where.params());
    }

    public List<Task> ofCase(UUID caseId) {
        return list("caseId", BY_DEPARTMENT, caseId);
    }

    /** The tasks of several cases in one query, by department within each. */
    public List<Task> ofCases(Collection<UUID> caseIds) {
        return list("caseId in ?1", BY_DEPARTMENT, caseIds);
    }

    /**
     * The task's keys as a projection, so the task itself is not yet managed: loaded only after the project's lock
     * is held, it shows what an earlier writer committed.
     */
    public Optional<TaskKey> key(UUID taskId) {
        return find("id", taskId).project(TaskKey.class).firstResultOptional();
    }

    /** Ids of pending tasks past their due date that are not yet marked overdue, oldest due first. */
    public List<UUID> newlyOverdue(LocalDate today, int max) {
        return find("select id from Task where state = ?1 and dueDate < ?2 and overdueAt is null", DUE_FIRST,
                TaskState.PENDING, today).project(UUID.class).page(0, max).list();
    }
}
