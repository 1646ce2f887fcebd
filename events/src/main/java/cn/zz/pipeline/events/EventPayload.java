package cn.zz.pipeline.events;

import java.util.UUID;

/**
 * Implemented by every event payload record; each implementing class maps to exactly one {@link EventType}.
 */
public interface EventPayload {

    /**
     * The project the event is about: the envelope's {@code subject} and the Kafka message key. Records with a
     * {@code projectId} component implement this implicitly. Not annotated with {@code @JsonIgnore}: annotations on
     * this method are inherited by those components and would drop them from the JSON.
     */
    UUID projectId();
}
