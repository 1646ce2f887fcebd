package cn.zz.pipeline.project.problems;

import cn.zz.pipeline.project.lifecycle.Project;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A problem in the 问题解决台账. Carries the project's district (which never changes) so that the city-wide list is
 * filtered by scope without a join.
 */
@Entity
@Table(name = "project_problem")
public class ProjectProblem {

    @Id
    private UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    /** Read only, for the city-wide ledger, which fetches each problem's project with it (code and name). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", insertable = false, updatable = false)
    private Project project;

    @Column(nullable = false, updatable = false)
    private String district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ProblemCategory category;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(nullable = false, updatable = false)
    private String department;

    @Column(nullable = false, updatable = false)
    private LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProblemState state;

    private String resolution;

    @Column(name = "resolved_on")
    private LocalDate resolvedOn;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "logged_by", nullable = false, updatable = false)
    private String loggedBy;

    /** When it was typed in. */
    @Column(name = "logged_at", nullable = false, updatable = false)
    private Instant loggedAt;

    /** 登记日期: the day it was logged, which for a ledger carried over lies before {@link #loggedAt}. */
    @Column(name = "logged_on", nullable = false, updatable = false)
    private LocalDate loggedOn;

    protected ProjectProblem() {
    }

    /** A new open problem of {@code project}, logged by {@code actor} on {@code loggedOn}, typed in {@code now}. */
    public ProjectProblem(Project project, ProblemCategory category, String description, String department,
                          LocalDate deadline, LocalDate loggedOn, String actor, Instant now) {
        this.id = UUID.randomUUID();
        this.projectId = project.id();
        this.district = project.district();
        this.category = category;
        this.description = description;
        this.department = department;
        this.deadline = deadline;
        this.state = ProblemState.OPEN;
        this.loggedBy = actor;
        this.loggedAt = now;
        this.loggedOn = loggedOn;
    }

    public void resolve(String text, LocalDate on, String actor) {
        state = ProblemState.RESOLVED;
        resolution = text;
        resolvedOn = on;
        resolvedBy = actor;
    }

    /** Overdue (逾期) = still open after its deadline. */
    public boolean overdue(LocalDate today) {
        return state == ProblemState.OPEN && deadline.isBefore(today);
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    /** The project as fetched by the ledger's query (a lazy reference elsewhere: use only after such a fetch). */
    public Project project() {
        return project;
    }

    public String district() {
        return district;
    }

    public ProblemCategory category() {
        return category;
    }

    public String description() {
        return description;
    }

    public String department() {
        return department;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public ProblemState state() {
        return state;
    }

    public String resolution() {
        return resolution;
    }

    public LocalDate resolvedOn() {
        return resolvedOn;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public String loggedBy() {
        return loggedBy;
    }

    public Instant loggedAt() {
        return loggedAt;
    }

    public LocalDate loggedOn() {
        return loggedOn;
    }
}
