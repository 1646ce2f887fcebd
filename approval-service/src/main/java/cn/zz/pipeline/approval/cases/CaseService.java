package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.approval.calendar.WorkCalendars;
import cn.zz.pipeline.approval.calendar.WorkingCalendar;
import cn.zz.pipeline.approval.config.ApprovalConfig;
import cn.zz.pipeline.approval.facts.ProjectFactRepository;
import cn.zz.pipeline.approval.rules.Rule;
import cn.zz.pipeline.approval.rules.RuleSet;
import cn.zz.pipeline.approval.rules.RuleTable;
import cn.zz.pipeline.events.Decision;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.approval.ApprovalTask;
import cn.zz.pipeline.events.approval.CaseApproved;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.events.approval.CaseRejected;
import cn.zz.pipeline.events.approval.TaskDecided;
import cn.zz.pipeline.events.approval.TaskOverdue;
import cn.zz.pipeline.events.approval.TaskResubmitted;
import cn.zz.pipeline.events.approval.TaskReturned;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.platform.consumer.PermanentEventException;
import cn.zz.pipeline.platform.outbox.Outbox;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.time.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every change to approval cases and tasks, each in one transaction with its events in the outbox.
 *
 * <p>Concurrency: every writer of a project's approvals first locks the project's row in project_fact (the
 * event consumer's upsert takes the same row first), then reads the case and task. So of two concurrent
 * decisions the second sees the first one's outcome and gets 409, a case completes exactly once, and no two
 * writers lock in opposite order. The same row holds the project's event sequence of this service.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);
    static final String SYSTEM = "system";

    @Inject
    ApprovalCaseRepository cases;

    @Inject
    TaskRepository tasks;

    @Inject
    TaskActionRepository actions;

    @Inject
    ProjectFactRepository facts;

    @Inject
    Outbox outbox;

    @Inject
    RuleTable rules;

    @Inject
    WorkCalendars calendars;

    @Inject
    Today today;

    @Inject
    ApprovalConfig config;

    @Inject
    CaseQueries queries;

    /**
     * Opens the case of a declaration, all tasks at once, from the rule table's current version, accepted (受理) on
     * the declaration's date: the due dates count from it on the working-day calendar, so a declaration entered
     * after the fact is judged by its true due dates. Called by the project event consumer after it stored the
     * facts, in its transaction. A declaration seen before (same project and sequence) changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(ProjectDeclared declared, long declaredSequence) {
        ProjectSnapshot p = declared.project();
        lock(p.id());
        if (cases.opened(p.id(), declaredSequence)) {
            return;
        }
        Instant now = today.now();
        LocalDate on = today.date();
        WorkingCalendar calendar = calendars.current();
        cases.openCase(p.id()).ifPresent(old -> {
            // A later declaration supersedes a case whose end this service never learned of.
            LOG.warnf("project %s declared again while case %s was open: cancelled", p.id(), old.id());
            cancel(old, "项目重新申报，原审批案件作废", now, on, calendar);
            cases.flush(); // closed before the new case is inserted: one open case per project (unique index)
        });
        LocalDate start = acceptedOn(declared, on);
        RuleSet set = rules.current();
        ApprovalCase c = new ApprovalCase(UUID.randomUUID(), p.id(), declaredSequence, p.code(), p.name(),
                p.district(), set.version(), start, now);
        cases.persist(c);
        List<ApprovalTask> announced = new ArrayList<>();
        List<Task> opened = new ArrayList<>();
        for (Map.Entry<String, List<Rule>> e : set.required(p).entrySet()) {
            Task t = task(c, e.getKey(), e.getValue(), start, calendar);
            tasks.persist(t);
            tasks.flush(); // the action row refers to the task
            actions.record(t.id(), now, SYSTEM, "OPENED", null, t.dueDate());
            announced.add(new ApprovalTask(t.id(), t.department(), t.item(), t.timeLimit(), t.dueDate(),
                    t.itemList().size() > 1 ? t.itemList() : null));
            opened.add(t);
        }
        publish(p.id(), now, new CaseOpened(c.id(), p.id(), p.district(), announced, start));
        // A declaration dated long enough ago is late the day it arrives: escalated now, in the opening's
        // transaction and right after its event, instead of by whichever scan comes next; the scan skips it then.
        for (Task t : opened) {
            if (t.overdue(on)) {
                escalate(t, now, "受理日期 " + start + " 起算，受理时已超期");
            }
        }
        if (announced.isEmpty()) {
            // No rule applies: nothing to approve.
            c.close(CaseState.APPROVED, now);
            publish(p.id(), now, new CaseApproved(c.id(), p.id(), now));
        }
    }

    /**
     * 受理日期: the declaration's date, from which the statutory clocks count, never after today (project-service
     * refuses a future declaration date; an event carrying one anyway is accepted today). Today when the event
     * names no date.
     */
    static LocalDate acceptedOn(ProjectDeclared declared, LocalDate today) {
        LocalDate date = declared.date();
        return date == null || date.isAfter(today) ? today : date;
    }

    /**
     * One task per department: when several of its rules apply, the task covers all their items and runs on the
     * limit that ends last.
     */
    private static Task task(ApprovalCase c, String department, List<Rule> rules, LocalDate start,
                             WorkingCalendar calendar) {
        Rule governing = null;
        LocalDate due = null;
        for (Rule r : rules) {
            LocalDate d = calendar.due(start, r.timeLimit(), r.dayCount());
            if (due == null || d.isAfter(due)) {
                due = d;
                governing = r;
            }
        }
        List<String> items = rules.stream().map(Rule::item).toList();
        String name = String.join("、", rules.stream().map(Rule::itemName).toList());
        return new Task(UUID.randomUUID(), c.id(), c.projectId(), c.district(), department, items, name,
                governing.timeLimit(), governing.dayCount(), start, due);
    }

    /** A withdrawn project (撤销) cancels its open case and the case's open tasks. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void projectWithdrawn(UUID projectId) {
        if (!facts.lock(projectId)) {
            return; // never declared here: no case to cancel
        }
        cases.openCase(projectId).ifPresent(c -> cancel(c, "项目已撤销", today.now(), today.date(), calendars.current()));
    }

    private void cancel(ApprovalCase c, String why, Instant now, LocalDate on, WorkingCalendar calendar) {
        for (Task t : tasks.ofCase(c.id())) {
            if (t.state().open()) {
                t.cancel(on, calendar);
                actions.record(t.id(), now, SYSTEM, "CANCELLED", why, null);
            }
        }
        c.close(CaseState.CANCELLED, now);
    }

    /**
     * APPROVE, REJECT (with a reason) or RETURN for supplement (naming what is missing), by the task's department.
     * Answers with the task as stored, read in the same transaction.
     */
    @Transactional
    public TaskView decide(UUID taskId, Decision decision, String comment, CurrentUser user) {
        return answer(applyDecision(taskId, decision, comment, user));
    }

    private Task applyDecision(UUID taskId, Decision decision, String comment, CurrentUser user) {
        TaskKey key = key(taskId);
        if (!key.department().equals(user.department())) {
            throw ApiException.forbidden("只有" + departmentName(key.department()) + "（" + key.department()
                    + "）的审批人员可以办理此事项 (only approvers of the task's department may decide it)");
        }
        if (!user.covers(key.district())) {
            throw ApiException.forbidden("该事项不在您的辖区内 (outside your district)");
        }
        lock(key.projectId());
        Task t = tasks.findById(taskId);
        ApprovalCase c = cases.findById(t.caseId());
        requirePending(t, "办理");
        Instant now = today.now();
        LocalDate on = today.date();
        WorkingCalendar calendar = calendars.current();
        String actor = user.name();
        if (decision == Decision.RETURN) {
            t.returnForSupplement(comment, on, calendar);
            actions.record(t.id(), now, actor, "RETURN", comment, null);
            publish(t.projectId(), now, new TaskReturned(c.id(), t.id(), t.projectId(), t.department(), t.item(),
                    comment, actor));
            return t;
        }
        t.decide(decision, comment, actor, now, on, calendar);
        actions.record(t.id(), now, actor, decision.name(), comment, null);
        publish(t.projectId(), now, new TaskDecided(c.id(), t.id(), t.projectId(), t.department(), t.item(), decision,
                comment, actor));
        List<Task> all = tasks.ofCase(c.id());
        if (decision == Decision.REJECT) {
            for (Task other : all) {
                if (other.state().open()) {
                    other.cancel(on, calendar);
                    actions.record(other.id(), now, SYSTEM, "CANCELLED",
                            departmentName(t.department()) + "不予批准，本事项终止", null);
                }
            }
            c.close(CaseState.REJECTED, now);
            publish(t.projectId(), now, new CaseRejected(c.id(), t.projectId(), t.department(), comment, now));
        } else if (all.stream().allMatch(x -> x.state() == TaskState.APPROVED)) {
            c.close(CaseState.APPROVED, now);
            publish(t.projectId(), now, new CaseApproved(c.id(), t.projectId(), now));
        }
        return t;
    }

    /**
     * The applicant supplied the missing material (补正): the task's clock runs again. Staff of the district. Answers
     * with the task as stored.
     */
    @Transactional
    public TaskView resubmit(UUID taskId, String comment, CurrentUser user) {
        return answer(applyResubmission(taskId, comment, user));
    }

    private Task applyResubmission(UUID taskId, String comment, CurrentUser user) {
        TaskKey key = key(taskId);
        user.requireWrite(key.district());
        lock(key.projectId());
        Task t = tasks.findById(taskId);
        if (t.state() != TaskState.RETURNED) {
            throw ApiException.conflict("not-returned", "事项当前状态为「" + t.state().label() + "」，只有退回补正的事项可以重新提交"
                    + " (only a returned task can be resubmitted)");
        }
        Instant now = today.now();
        t.resubmit(today.date(), calendars.current());
        actions.record(t.id(), now, user.name(), "RESUBMIT", comment, t.dueDate());
        publish(t.projectId(), now, new TaskResubmitted(t.caseId(), t.id(), t.projectId(), t.department(), t.item(),
                t.dueDate(), user.name()));
        return t;
    }

    /**
     * Marks a task overdue and escalates it to the project's assigned leader, once per task. False when the task
     * is no longer pending, not yet past due, or was marked before.
     */
    @Transactional
    public boolean markOverdue(UUID taskId) {
        TaskKey key = key(taskId);
        lock(key.projectId());
        Task t = tasks.findById(taskId);
        LocalDate on = today.date();
        if (t.overdueAt() != null || !t.overdue(on)) {
            return false;
        }
        escalate(t, today.now(), "超期");
        return true;
    }

    /**
     * Marks a pending task past its due date overdue and escalates it to the project's assigned leader: the
     * history row and {@code task-overdue}. Once per task: callers hold the project's lock and check
     * {@code overdueAt} (the scan) or have just created the task (the opening).
     */
    private void escalate(Task t, Instant now, String why) {
        String leader = facts.leader(t.projectId());
        t.markOverdue(now, leader);
        String note = why + (leader == null ? "，项目未指定分包领导" : "，已提醒分包领导 " + leader);
        actions.record(t.id(), now, SYSTEM, "OVERDUE", note, t.dueDate());
        publish(t.projectId(), now, new TaskOverdue(t.caseId(), t.id(), t.projectId(), t.department(), t.item(),
                t.dueDate(), leader));
    }

    /**
     * The task with its history, read in this transaction: flushed first, so that the version is the new one whatever
     * the queries would flush on their own.
     */
    private TaskView answer(Task t) {
        tasks.flush();
        return queries.task(t.id(), null);
    }

    private void requirePending(Task t, String verb) {
        switch (t.state()) {
            case PENDING -> {
            }
            case RETURNED -> throw ApiException.conflict("awaiting-supplement", "事项已退回补正，待申请人重新提交后才能" + verb
                    + " (returned for supplement: waiting for resubmission)");
            case CANCELLED -> throw ApiException.conflict("task-cancelled", "事项已撤销，不能再" + verb
                    + " (the task was cancelled)");
            default -> throw ApiException.conflict("already-decided", "事项已于 " + t.decidedAt() + " 由 " + t.decidedBy()
                    + " 办结（" + t.state().label() + "），不能重复" + verb + " (already decided)");
        }
    }

    String departmentName(String code) {
        return config.departments().getOrDefault(code, code);
    }

    /** The task's keys, read before the project's lock is held without loading the task (see the class). */
    private TaskKey key(UUID taskId) {
        return tasks.key(taskId).orElseThrow(() -> ApiException.notFound("审批事项 (approval task)", taskId));
    }

    /** Locks the project's row: the first statement of every write to the project's approvals. */
    private void lock(UUID projectId) {
        if (!facts.lock(projectId)) {
            throw new PermanentEventException("unknown project " + projectId);
        }
    }

    private void publish(UUID projectId, Instant at, EventPayload event) {
        outbox.publish(projectId.toString(), facts.nextApprovalSequence(projectId), at, event);
    }
}
