package cn.zz.pipeline.approval.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A parallel approval case: one per declaration of a project. Writers of a project's case serialise on the
 * project's row in project_fact (see {@link CaseService}), so this entity needs no version of its own.
 */
@Entity
@Table(name = "approval_case")
public class ApprovalCase {

    @Id
    private UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "declared_sequence", nullable = false, updatable = false)
    private long declaredSequence;

    @Column(name = "project_code", nullable = false)
    private String projectCode;

    @Column(name = "project_name", nullable = false)
    private String projectName;

    @Column(nullable = false, updatable = false)
    private String district;

    @Column(name = "rule_version", nullable = false, updatable = false)
    private int ruleVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseState state;

    /** 受理日期: the declaration's date (never after the day the case opened), from which the due dates count. */
    @Column(name = "opened_on", nullable = false, updatable = false)
    private LocalDate openedOn;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected ApprovalCase() {
    }

    public ApprovalCase(UUID id, UUID projectId, long declaredSequence, String projectCode, String projectName,
                        String district, int ruleVersion, LocalDate openedOn, Instant openedAt) {
        this.id = id;
        this.projectId = projectId;
        this.declaredSequence = declaredSequence;
        this.projectCode = projectCode;
        this.projectName = projectName;
        this.district = district;
        this.ruleVersion = ruleVersion;
        this.state = CaseState.OPEN;
        this.openedOn = openedOn;
        this.openedAt = openedAt;
    }

    void close(CaseState to, Instant at) {
        this.state = to;
        this.closedAt = at;
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public long declaredSequence() {
        return declaredSequence;
    }

    public String projectCode() {
        return projectCode;
    }

    public String projectName() {
        return projectName;
    }

    public String district() {
        return district;
    }

    public int ruleVersion() {
        return ruleVersion;
    }

    public CaseState state() {
        return state;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
