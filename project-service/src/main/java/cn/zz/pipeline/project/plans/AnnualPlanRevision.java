package cn.zz.pipeline.project.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One figure an annual plan took: the first (oldAmount null) and every correction after it. Never changed. */
@Entity
@Table(name = "annual_plan_revision")
public class AnnualPlanRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "annual_plan_revision_seq")
    @SequenceGenerator(name = "annual_plan_revision_seq", sequenceName = "annual_plan_revision_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    private UUID planId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false)
    private int year;

    @Column(name = "old_amount", updatable = false)
    private BigDecimal oldAmount;

    @Column(name = "new_amount", nullable = false, updatable = false)
    private BigDecimal newAmount;

    @Column(updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private Instant at;

    protected AnnualPlanRevision() {
    }

    /** The revision of the figure {@code plan} has just taken; {@code oldAmount} is the one it replaced. */
    AnnualPlanRevision(AnnualPlan plan, BigDecimal oldAmount) {
        this.planId = plan.id();
        this.projectId = plan.projectId();
        this.year = plan.year();
        this.oldAmount = oldAmount;
        this.newAmount = plan.amount();
        this.reason = plan.reason();
        this.actor = plan.updatedBy();
        this.at = plan.updatedAt();
    }

    public UUID planId() {
        return planId;
    }

    public int year() {
        return year;
    }

    public BigDecimal oldAmount() {
        return oldAmount;
    }

    public BigDecimal newAmount() {
        return newAmount;
    }

    public String reason() {
        return reason;
    }

    public String actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }
}
