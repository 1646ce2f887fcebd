package cn.zz.pipeline.project.investment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

/**
 * A period for which a project was escalated as 逾期未报 (no figure when the deadline passed): one row per project and
 * period, the key that keeps {@link InvestmentOverdueScan} from escalating twice.
 */
@Entity
@Table(name = "investment_overdue")
@IdClass(OverdueNotice.Key.class)
public class OverdueNotice {

    @Id
    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Id
    @Column(nullable = false, updatable = false)
    private int year;

    @Id
    @Column(nullable = false, updatable = false)
    private int month;

    @Column(nullable = false, updatable = false)
    private LocalDate deadline;

    @Column(name = "escalated_to", updatable = false)
    private String escalatedTo;

    @Column(name = "emitted_at", nullable = false, updatable = false)
    private Instant emittedAt;

    protected OverdueNotice() {
    }

    public OverdueNotice(UUID projectId, YearMonth period, LocalDate deadline, String escalatedTo, Instant at) {
        this.projectId = projectId;
        this.year = period.getYear();
        this.month = period.getMonthValue();
        this.deadline = deadline;
        this.escalatedTo = escalatedTo;
        this.emittedAt = at;
    }

    public YearMonth period() {
        return YearMonth.of(year, month);
    }

    public LocalDate deadline() {
        return deadline;
    }

    public String escalatedTo() {
        return escalatedTo;
    }

    /** The key: project and period. */
    public static class Key implements Serializable {
        private UUID projectId;
        private int year;
        private int month;

        protected Key() {
        }

        public Key(UUID projectId, YearMonth period) {
            this.projectId = projectId;
            this.year = period.getYear();
            this.month = period.getMonthValue();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && year == k.year && month == k.month && Objects.equals(projectId, k.projectId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, year, month);
        }
    }
}
