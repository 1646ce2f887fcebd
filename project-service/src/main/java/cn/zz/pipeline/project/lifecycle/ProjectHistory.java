package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.Stage;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** One change of a project: who, when, what (action = the event type's short name), from, to, why. */
@Entity
@Table(name = "project_history")
public class ProjectHistory {

    /** Actor of the changes nobody made by hand (their events carry a null actor, as the contract says). */
    public static final String SYSTEM = "system";

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

    /** The history row of a change: the project's version after it, and the event type's short name as action. */
    public static ProjectHistory of(Change c) {
        ProjectHistory h = new ProjectHistory();
        h.projectId = c.project().id();
        h.version = c.project().version();
        h.at = Objects.requireNonNull(c.at(), "at");
        h.actor = c.actor() == null ? SYSTEM : c.actor();
        h.action = action(c.event());
        h.fromStage = c.from();
        h.toStage = c.to();
        h.reason = c.reason();
        h.changedFields = c.changedFields().toArray(new String[0]);
        h.detail = json(c.detail());
        return h;
    }

    /** The event type's short name: pipeline.project.declared.v1 → declared. */
    static String action(EventPayload event) {
        String type = EventType.of(event.getClass()).type();
        return type.substring("pipeline.project.".length(), type.length() - ".v1".length());
    }

    private static String json(Map<String, Object> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        try {
            return EventCodec.mapper().writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history detail", e);
        }
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
