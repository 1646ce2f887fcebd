package cn.zz.pipeline.project.investment;

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

/** One figure a report took: the first report (previousAmount null) and every correction after it. */
@Entity
@Table(name = "investment_revision")
public class InvestmentRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "investment_revision_seq")
    @SequenceGenerator(name = "investment_revision_seq", sequenceName = "investment_revision_seq", allocationSize = 50)
    private Long id;

    @Column(name = "report_id", nullable = false, updatable = false)
    private UUID reportId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Column(name = "previous_amount", updatable = false)
    private BigDecimal previousAmount;

    @Column(updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private Instant at;

    protected InvestmentRevision() {
    }

    public InvestmentRevision(InvestmentReport report, UUID projectId, BigDecimal previousAmount, String actor) {
        this.reportId = report.id();
        this.projectId = projectId;
        this.amount = report.amount();
        this.previousAmount = previousAmount;
        this.reason = report.reason();
        this.actor = actor;
        this.at = report.reportedAt();
    }

    public UUID reportId() {
        return reportId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal previousAmount() {
        return previousAmount;
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
