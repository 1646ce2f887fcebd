package cn.zz.pipeline.project.model;

import cn.zz.pipeline.events.Stage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One change of a project: who, when, what (action = the event type's short name), from, to, why. */
@Entity
@Table(name = "project_history")
public class ProjectHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_history_seq")
    @SequenceGenerator(name = "project_history_seq", sequenceName = "project_history_seq", allocationSize = 50)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false)
    private long version;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", updatable = false)
    private Stage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", updatable = false)
    private Stage toStage;

    @Column(updatable = false)
    private String reason;

    @Column(name = "changed_fields", nullable = false, updatable = false, columnDefinition = "text[]")
    private String[] changedFields;

    /** Small JSON object with the particulars (e.g. period and amounts, the rejecting department). */
    @Column(updatable = false)
    private String detail;

    protected ProjectHistory() {
    }

    public ProjectHistory(UUID projectId, long version, Instant at, String actor, String action, Stage fromStage,
                          Stage toStage, String reason, List<String> changedFields, String detail) {
        this.projectId = projectId;
        this.version = version;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.reason = reason;
        this.changedFields = changedFields.toArray(new String[0]);
        this.detail = detail;
    }

    public long version() {
        return version;
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

    public Stage fromStage() {
        return fromStage;
    }

    public Stage toStage() {
        return toStage;
    }

    public String reason() {
        return reason;
    }

    public List<String> changedFields() {
        return changedFields == null ? List.of() : List.of(changedFields);
    }

    public String detail() {
        return detail;
    }
}
