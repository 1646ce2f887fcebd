package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.approval.calendar.DayCount;
import cn.zz.pipeline.approval.calendar.WorkingCalendar;
import cn.zz.pipeline.events.Decision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One department's task in a case, with its statutory clock. The clock counts days of the task's kind (working or
 * calendar) after the start day; it stops while the applicant holds the task (补正) and resumes on resubmission
 * with the days already used kept: {@code usedDays} holds finished spells, {@code runningSince} the current one.
 */
@Entity
@Table(name = "approval_task")
public class Task {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false)
    private String district;

    @Column(nullable = false, updatable = false)
    private String department;

    /** Item codes, comma-separated; the first is the task's item. */
    @Column(nullable = false, updatable = false)
    private String items;

    @Column(name = "item_name", nullable = false, updatable = false)
    private String itemName;

    @Column(name = "time_limit", nullable = false, updatable = false)
    private int timeLimit;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_count", nullable = false, updatable = false)
    private DayCount dayCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskState state;

    @Column(name = "start_date", nullable = false, updatable = false)
    private LocalDate startDate;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "used_days", nullable = false)
    private int usedDays;

    @Column(name = "running_since")
    private LocalDate runningSince;

    @Column(nullable = false)
    private int returns;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    private String comment;

    @Column(name = "overdue_at")
    private Instant overdueAt;

    @Column(name = "escalated_to")
    private String escalatedTo;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Version
    private long version;

    protected Task() {
    }

    Task(UUID id, UUID caseId, UUID projectId, String district, String department, List<String> items,
         String itemName, int timeLimit, DayCount dayCount, LocalDate start, LocalDate due) {
        this.id = id;
        this.caseId = caseId;
        this.projectId = projectId;
        this.district = district;
        this.department = department;
        this.items = String.join(",", items);
        this.itemName = itemName;
        this.timeLimit = timeLimit;
        this.dayCount = dayCount;
        this.state = TaskState.PENDING;
        this.startDate = start;
        this.dueDate = due;
        this.runningSince = start;
    }

    /** Approve or reject: the clock stops for good. */
    void decide(Decision decision, String comment, String actor, Instant at, LocalDate on, WorkingCalendar calendar) {
        stopClock(on, calendar);
        this.state = decision == Decision.APPROVE ? TaskState.APPROVED : TaskState.REJECTED;
        this.comment = comment;
        this.decidedBy = actor;
        this.decidedAt = at;
        this.closedOn = on;
    }

    /** Returned for supplement (补正): the applicant holds the task and the clock stops. */
    void returnForSupplement(String comment, LocalDate on, WorkingCalendar calendar) {
        stopClock(on, calendar);
        this.state = TaskState.RETURNED;
        this.comment = comment;
        this.returns++;
    }

    /** The applicant supplied what was missing: the clock runs again for the days left (none left: due at once). */
    void resubmit(LocalDate on, WorkingCalendar calendar) {
        this.state = TaskState.PENDING;
        this.runningSince = on;
        this.dueDate = calendar.due(on, Math.max(0, timeLimit - usedDays), dayCount);
    }

    void cancel(LocalDate on, WorkingCalendar calendar) {
        stopClock(on, calendar);
        this.state = TaskState.CANCELLED;
        this.closedOn = on;
    }

    void markOverdue(Instant at, String leader) {
        this.overdueAt = at;
        this.escalatedTo = leader;
    }

    private void stopClock(LocalDate on, WorkingCalendar calendar) {
        if (runningSince != null) {
            usedDays += calendar.used(runningSince, on, dayCount);
            runningSince = null;
        }
    }

    /** Days of the limit used so far (counting today while the clock runs). */
    public int daysUsed(LocalDate today, WorkingCalendar calendar) {
        return usedDays + (runningSince == null ? 0 : calendar.used(runningSince, today, dayCount));
    }

    /** Days left before the due date while the clock runs (negative once past it); else limit minus days used. */
    public int daysLeft(LocalDate today, WorkingCalendar calendar) {
        if (runningSince == null) {
            return timeLimit - usedDays;
        }
        return today.isAfter(dueDate) ? -calendar.used(dueDate, today, dayCount) : calendar.used(today, dueDate, dayCount);
    }

    /** Past its due date while the department holds it. A returned task is with the applicant, not late. */
    public boolean overdue(LocalDate today) {
        return state == TaskState.PENDING && today.isAfter(dueDate);
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public UUID projectId() {
        return projectId;
    }

    public String district() {
        return district;
    }

    public String department() {
        return department;
    }

    public String item() {
        return itemList().get(0);
    }

    public List<String> itemList() {
        return Arrays.asList(items.split(","));
    }

    public String itemName() {
        return itemName;
    }

    public int timeLimit() {
        return timeLimit;
    }

    public DayCount dayCount() {
        return dayCount;
    }

    public TaskState state() {
        return state;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public boolean clockRunning() {
        return runningSince != null;
    }

    public int returns() {
        return returns;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String comment() {
        return comment;
    }

    public Instant overdueAt() {
        return overdueAt;
    }

    public String escalatedTo() {
        return escalatedTo;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public long version() {
        return version;
    }
}
