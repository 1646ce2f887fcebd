package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.approval.calendar.WorkCalendars;
import cn.zz.pipeline.approval.calendar.WorkingCalendar;
import cn.zz.pipeline.approval.config.ApprovalConfig;
import cn.zz.pipeline.platform.persistence.SqlValues;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.PageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of cases and tasks, with each task's clock computed as of today from the working-day calendar. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseQueries {

    @Inject
    EntityManager em;

    @Inject
    WorkCalendars calendars;

    @Inject
    Today today;

    @Inject
    ApprovalConfig config;

    /** Filters of the task list; null means any. */
    public record TaskFilter(String scope, String department, List<TaskState> states, Boolean overdue, UUID projectId,
                             UUID caseId, String escalatedTo) {
    }

    /** Tasks by filter, oldest due first (the inbox order). */
    public PageView<TaskView> tasks(TaskFilter f, int page, int size) {
        LocalDate on = today.date();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.scope() != null) {
            where.append(" and t.district like :scope");
            params.put("scope", f.scope() + "%");
        }
        if (f.department() != null) {
            where.append(" and t.department = :department");
            params.put("department", f.department());
        }
        if (f.states() != null) {
            where.append(" and t.state in :states");
            params.put("states", f.states());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            where.append(" and t.state = :pending and t.dueDate < :today");
            params.put("pending", TaskState.PENDING);
            params.put("today", on);
        } else if (Boolean.FALSE.equals(f.overdue())) {
            where.append(" and not (t.state = :pending and t.dueDate < :today)");
            params.put("pending", TaskState.PENDING);
            params.put("today", on);
        }
        if (f.projectId() != null) {
            where.append(" and t.projectId = :projectId");
            params.put("projectId", f.projectId());
        }
        if (f.caseId() != null) {
            where.append(" and t.caseId = :caseId");
            params.put("caseId", f.caseId());
        }
        if (f.escalatedTo() != null) {
            where.append(" and t.escalatedTo = :escalatedTo");
            params.put("escalatedTo", f.escalatedTo());
        }
        TypedQuery<Long> count = em.createQuery("select count(t) from Task t" + where, Long.class);
        TypedQuery<Task> list = em.createQuery("from Task t" + where + " order by t.dueDate, t.id", Task.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        List<Task> tasks = list.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        return new PageView<>(views(tasks, on, false), count.getSingleResult(), page, size);
    }

    public TaskView task(UUID id, String scope) {
        Task t = em.find(Task.class, id);
        if (t == null || (scope != null && !t.district().startsWith(scope))) {
            throw ApiException.notFound("审批事项 (approval task)", id);
        }
        return views(List.of(t), today.date(), true).get(0);
    }

    public PageView<CaseView> cases(String scope, UUID projectId, CaseState state, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (scope != null) {
            where.append(" and c.district like :scope");
            params.put("scope", scope + "%");
        }
        if (projectId != null) {
            where.append(" and c.projectId = :projectId");
            params.put("projectId", projectId);
        }
        if (state != null) {
            where.append(" and c.state = :state");
            params.put("state", state);
        }
        TypedQuery<Long> count = em.createQuery("select count(c) from ApprovalCase c" + where, Long.class);
        TypedQuery<ApprovalCase> list = em.createQuery("from ApprovalCase c" + where
                + " order by c.openedAt desc, c.id", ApprovalCase.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        List<ApprovalCase> cases = list.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        Map<UUID, List<TaskView>> tasks = new HashMap<>();
        if (!cases.isEmpty()) {
            List<Task> all = em.createQuery("from Task t where t.caseId in :ids order by t.department", Task.class)
                    .setParameter("ids", cases.stream().map(ApprovalCase::id).toList()).getResultList();
            for (TaskView v : views(all, today.date(), false)) {
                tasks.computeIfAbsent(v.caseId(), k -> new ArrayList<>()).add(v);
            }
        }
        List<CaseView> items = cases.stream().map(c -> view(c, tasks.getOrDefault(c.id(), List.of()))).toList();
        return new PageView<>(items, count.getSingleResult(), page, size);
    }

    public CaseView approvalCase(UUID id, String scope) {
        ApprovalCase c = em.find(ApprovalCase.class, id);
        if (c == null || (scope != null && !c.district().startsWith(scope))) {
            throw ApiException.notFound("审批案件 (approval case)", id);
        }
        List<Task> tasks = em.createQuery("from Task t where t.caseId = ?1 order by t.department", Task.class)
                .setParameter(1, id).getResultList();
        return view(c, views(tasks, today.date(), false));
    }

    private static CaseView view(ApprovalCase c, List<TaskView> tasks) {
        return new CaseView(c.id(), c.projectId(), c.projectCode(), c.projectName(), c.district(), c.state(),
                c.state().label(), c.ruleVersion(), c.openedOn(), c.openedAt(), c.closedAt(), tasks);
    }

    /** Views of tasks (already managed or freshly changed), one case lookup for all of them. */
    public List<TaskView> views(List<Task> tasks, LocalDate on, boolean withHistory) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        WorkingCalendar calendar = calendars.current();
        Map<UUID, ApprovalCase> cases = em.createQuery("from ApprovalCase c where c.id in :ids", ApprovalCase.class)
                .setParameter("ids", tasks.stream().map(Task::caseId).distinct().toList()).getResultStream()
                .collect(Collectors.toMap(ApprovalCase::id, Function.identity()));
        List<TaskView> out = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            ApprovalCase c = cases.get(t.caseId());
            out.add(new TaskView(t.id(), t.caseId(), t.projectId(), c.projectCode(), c.projectName(), t.district(),
                    t.department(), config.departments().getOrDefault(t.department(), t.department()), t.item(),
                    t.itemList(), t.itemName(), t.state(), t.state().label(), t.timeLimit(), t.dayCount(),
                    t.startDate(), t.dueDate(), t.daysUsed(on, calendar), t.daysLeft(on, calendar), t.overdue(on),
                    t.clockRunning(), t.returns(), t.decidedBy(), t.decidedAt(), t.comment(), t.overdueAt(),
                    t.escalatedTo(), t.closedOn(), t.version(), withHistory ? history(t.id()) : null));
        }
        return out;
    }

    private List<TaskView.ActionView> history(UUID taskId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select at, actor, action, comment, due_date from approval_task_action"
                + " where task_id = ?1 order by id").setParameter(1, taskId).getResultList();
        List<TaskView.ActionView> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new TaskView.ActionView(SqlValues.instant(r[0]), (String) r[1], (String) r[2], (String) r[3],
                    SqlValues.date(r[4])));
        }
        return out;
    }
}
