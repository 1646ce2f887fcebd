package cn.zz.pipeline.platform.outbox;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;

import java.util.UUID;

/**
 * What the outbox stores of one event, and so what the relay publishes: the event's topic, the message key (the
 * project id, so one project's events stay in order) and the CloudEvents JSON.
 */
public record OutboxRow(UUID eventId, String topic, String key, String type, String payload) {

    /**
     * The row of an event.
     *
     * @throws IllegalArgumentException if the event violates its schema
     */
    public static OutboxRow of(EventEnvelope e) {
        return new OutboxRow(e.id(), e.eventType().topic(), e.subject(), e.type(), EventCodec.write(e));
    }
}
