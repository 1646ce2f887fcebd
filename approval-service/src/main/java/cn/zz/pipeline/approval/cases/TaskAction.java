package cn.zz.pipeline.approval.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of a task's history: what happened (OPENED, APPROVE, REJECT, RETURN, RESUBMIT, OVERDUE, CANCELLED), who
 * did it and when. Written once, never changed; the identity key keeps the entries of a task in their order.
 */
@Entity
@Immutable
@Table(name = "approval_task_action")
public class TaskAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private UUID taskId;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    private String comment;

    /** The due date the entry set or found (opened, resubmitted, overdue); null for the others. */
    @Column(name = "due_date")
    private LocalDate dueDate;

    protected TaskAction() {
    }

    TaskAction(UUID taskId, Instant at, String actor, String action, String comment, LocalDate dueDate) {
        this.taskId = taskId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.comment = comment;
        this.dueDate = dueDate;
    }

    public UUID taskId() {
        return taskId;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String comment() {
        return comment;
    }

    public LocalDate dueDate() {
        return dueDate;
    }
}
