package cn.zz.pipeline.project.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The current annual plan (年度计划投资) of a project for one calendar year, 万元. A correction replaces the figure;
 * every figure it has had is an {@link AnnualPlanRevision}.
 */
@Entity
@Table(name = "annual_plan")
public class AnnualPlan {

    @Id
    private UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false)
    private int year;

    @Column(nullable = false)
    private BigDecimal amount;

    private String reason;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AnnualPlan() {
    }

    public AnnualPlan(UUID projectId, int year) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.year = year;
    }

    void set(BigDecimal newAmount, String newReason, String actor, Instant at) {
        amount = newAmount;
        reason = newReason;
        updatedBy = actor;
        updatedAt = at;
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public int year() {
        return year;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
