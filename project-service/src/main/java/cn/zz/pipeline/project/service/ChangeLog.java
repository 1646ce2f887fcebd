package cn.zz.pipeline.project.service;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.outbox.Outbox;
import cn.zz.pipeline.project.model.Project;
import cn.zz.pipeline.project.model.ProjectHistory;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one way a change of a project is completed: flush it (which raises the version, or fails with an optimistic
 * lock error when someone else changed the project first), then write the history row and the event with
 * {@code sequence} = the new version, all in the caller's transaction.
 */
@ApplicationScoped
public class ChangeLog {

    /** History actor of changes nobody made by hand (events carry null there, as the contract says). */
    public static final String SYSTEM = "system";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /**
     * @param actor the user, null for the system
     * @param detail particulars for the history (small values), may be null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Project project, Instant now, String actor, Stage from, Stage to, String reason,
                       List<String> changedFields, Map<String, Object> detail, EventPayload event) {
        em.flush();
        em.persist(new ProjectHistory(project.id(), project.version(), now, actor == null ? SYSTEM : actor,
                action(event), from, to, reason, changedFields, json(detail)));
        outbox.publish(project.id().toString(), project.version(), now, event);
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
}
