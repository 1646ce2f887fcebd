package cn.zz.pipeline.project.investment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * The current figure of one monthly report (月报) of completed investment: cumulative for the year up to the
 * period's month (1-N月, 万元). Corrections replace the figure; every figure it ever had is an {@link InvestmentRevision}.
 */
@Entity
@Table(name = "investment_report")
public class InvestmentReport {

    @Id
    private UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false)
    private int year;

    @Column(nullable = false, updatable = false)
    private int month;

    @Column(nullable = false)
    private BigDecimal amount;

    private String reason;

    @Column(name = "reported_by", nullable = false)
    private String reportedBy;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    protected InvestmentReport() {
    }

    public InvestmentReport(UUID projectId, YearMonth period) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.year = period.getYear();
        this.month = period.getMonthValue();
    }

    public void set(BigDecimal newAmount, String newReason, String actor, Instant now) {
        amount = newAmount;
        reason = newReason;
        reportedBy = actor;
        reportedAt = now;
    }

    public UUID id() {
        return id;
    }

    public YearMonth period() {
        return YearMonth.of(year, month);
    }

    public int year() {
        return year;
    }

    public int month() {
        return month;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }

    public String reportedBy() {
        return reportedBy;
    }

    public Instant reportedAt() {
        return reportedAt;
    }
}
