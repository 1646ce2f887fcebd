package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.platform.time.MilestoneStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A warning the milestone scan sent: one row per project, node, planned date and state (AT_RISK or LATE), the key
 * that keeps {@link MilestoneScan} from warning twice.
 */
@Entity
@Table(name = "milestone_notice")
@IdClass(MilestoneNotice.Key.class)
public class MilestoneNotice {

    @Id
    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Id
    @Column(nullable = false, updatable = false)
    private String code;

    @Id
    @Column(nullable = false, updatable = false)
    private LocalDate planned;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MilestoneStatus.Status state;

    @Column(name = "escalated_to", updatable = false)
    private String escalatedTo;

    @Column(name = "emitted_at", nullable = false, updatable = false)
    private Instant emittedAt;

    protected MilestoneNotice() {
    }

    MilestoneNotice(UUID projectId, String code, LocalDate planned, MilestoneStatus.Status state, String escalatedTo,
                    Instant at) {
        this.projectId = projectId;
        this.code = code;
        this.planned = planned;
        this.state = state;
        this.escalatedTo = escalatedTo;
        this.emittedAt = at;
    }

    /** The key: project, node code, planned date, state. */
    public static class Key implements Serializable {
        private UUID projectId;
        private String code;
        private LocalDate planned;
        private MilestoneStatus.Status state;

        protected Key() {
        }

        public Key(UUID projectId, String code, LocalDate planned, MilestoneStatus.Status state) {
            this.projectId = projectId;
            this.code = code;
            this.planned = planned;
            this.state = state;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(code, k.code)
                    && Objects.equals(planned, k.planned) && state == k.state;
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, code, planned, state);
        }
    }
}
