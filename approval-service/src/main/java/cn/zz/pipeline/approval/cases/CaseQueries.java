package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.approval.calendar.WorkCalendars;
import cn.zz.pipeline.approval.calendar.WorkingCalendar;
import cn.zz.pipeline.approval.config.ApprovalConfig;
import cn.zz.pipeline.platform.persistence.Where;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.PageView;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    ApprovalCaseRepository cases;

    @Inject
    TaskRepository tasks;

    @Inject
    TaskActionRepository actions;

    @Inject
    WorkCalendars calendars;

    @Inject
    Today today;

    @Inject
    ApprovalConfig config;

    /**
     * Filters of the task list; null means any.
     *
     * @param scope region prefix the tasks' district must start with (the caller's district scope)
     */
    public record TaskFilter(String scope, String department, List<TaskState> states, Boolean overdue, UUID projectId,
                             UUID caseId, String escalatedTo) {
    }

    /** Tasks by filter, oldest due first (the inbox order). */
    public PageView<TaskView> tasks(TaskFilter f, int page, int size) {
        LocalDate on = today.date();
        Where where = new Where()
                .and("district like :scope", "scope", prefix(f.scope()))
                .and("department = :department", "department", f.department())
                .and("state in :states", "states", f.states())
                .and("projectId = :projectId", "projectId", f.projectId())
                .and("caseId = :caseId", "caseId", f.caseId())
                .and("escalatedTo = :escalatedTo", "escalatedTo", f.escalatedTo());
        if (f.overdue() != null) {
            String late = "state = :pending and dueDate < :today"; // as Task.overdue says
            where.and(f.overdue() ? late : "not (" + late + ")", Map.of("pending", TaskState.PENDING, "today", on));
        }
        PanacheQuery<Task> query = tasks.matching(where).page(Page.of(page - 1, size));
        List<Task> found = query.list();
        Map<UUID, ApprovalCase> caseOf = found.isEmpty() ? Map.of()
                : cases.byId(found.stream().map(Task::caseId).collect(Collectors.toSet()));
        return PageView.of(views(found, caseOf, on, false), page, size, query::count);
    }

    /** A task with its history; 404 when it does not exist or lies outside {@code scope} (null: everywhere). */
    public TaskView task(UUID id, String scope) {
        Task t = tasks.findByIdOptional(id).filter(x -> within(x.district(), scope))
                .orElseThrow(() -> ApiException.notFound("审批事项 (approval task)", id));
        ApprovalCase c = cases.findById(t.caseId());
        return views(List.of(t), Map.of(c.id(), c), today.date(), true).get(0);
    }

    /** Cases by filter with all their tasks, newest first. */
    public PageView<CaseView> cases(String scope, UUID projectId, CaseState state, int page, int size) {
        Where where = new Where()
                .and("district like :scope", "scope", prefix(scope))
                .and("projectId = :projectId", "projectId", projectId)
                .and("state = :state", "state", state);
        PanacheQuery<ApprovalCase> query = cases.matching(where).page(Page.of(page - 1, size));
        List<ApprovalCase> found = query.list();
        Map<UUID, List<TaskView>> byCase = new HashMap<>();
        if (!found.isEmpty()) {
            Map<UUID, ApprovalCase> known = found.stream()
                    .collect(Collectors.toMap(ApprovalCase::id, Function.identity()));
            for (TaskView v : views(tasks.ofCases(known.keySet()), known, today.date(), false)) {
                byCase.computeIfAbsent(v.caseId(), k -> new ArrayList<>()).add(v);
            }
        }
        List<CaseView> items = found.stream().map(c -> view(c, byCase.getOrDefault(c.id(), List.of()))).toList();
        return PageView.of(items, page, size, query::count);
    }

    /** A case with its tasks; 404 when it does not exist or lies outside {@code scope} (null: everywhere). */
    public CaseView approvalCase(UUID id, String scope) {
        ApprovalCase c = cases.findByIdOptional(id).filter(x -> within(x.district(), scope))
                .orElseThrow(() -> ApiException.notFound("审批案件 (approval case)", id));
        return view(c, views(tasks.ofCase(id), Map.of(id, c), today.date(), false));
    }

    private static boolean within(String district, String scope) {
        return scope == null || district.startsWith(scope);
    }

    private static String prefix(String scope) {
        return scope == null ? null : scope + "%";
    }

    private static CaseView view(ApprovalCase c, List<TaskView> tasks) {
        return new CaseView(c.id(), c.projectId(), c.projectCode(), c.projectName(), c.district(), c.state(),
                c.state().label(), c.ruleVersion(), c.openedOn(), c.openedOn(), c.openedAt(), c.closedAt(), tasks);
    }

    /** Views of tasks with their clocks as of {@code on}; {@code cases} holds the case of each task. */
    private List<TaskView> views(List<Task> tasks, Map<UUID, ApprovalCase> cases, LocalDate on, boolean withHistory) {
        WorkingCalendar calendar = calendars.current();
        List<TaskView> out = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            ApprovalCase c = cases.get(t.caseId());
            out.add(new TaskView(t.id(), t.caseId(), t.projectId(), c.projectCode(), c.projectName(), t.district(),
                    t.department(), config.departments().getOrDefault(t.department(), t.department()), t.item(),
                    t.itemList(), t.itemName(), t.state(), t.state().label(), t.timeLimit(), t.dayCount(),
                    c.openedOn(), t.startDate(), t.dueDate(), t.daysUsed(on, calendar), t.daysLeft(on, calendar),
                    t.overdue(on), t.clockRunning(), t.returns(), t.decidedBy(), t.decidedAt(), t.comment(),
                    t.overdueAt(), t.escalatedTo(), t.closedOn(), t.version(), withHistory ? history(t.id()) : null));
        }
        return out;
    }

    private List<TaskView.ActionView> history(UUID taskId) {
        return actions.history(taskId).stream()
                .map(a -> new TaskView.ActionView(a.at(), a.actor(), a.action(), a.comment(), a.dueDate())).toList();
    }
}
