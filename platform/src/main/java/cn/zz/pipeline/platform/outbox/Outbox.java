package cn.zz.pipeline.platform.outbox;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.platform.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Writes events into the outbox table of the current business transaction. There is deliberately no way to
 * send to Kafka from here: the relay publishes only what committed.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    PipelineConfig config;

    @Inject
    Event<OutboxWritten> written;

    /** Builds the envelope (source = this service) and stores it; {@code subject} is the project id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String subject, long sequence, Instant time, EventPayload data) {
        EventEnvelope envelope = EventEnvelope.create("/" + config.service(), subject, sequence, time, data);
        write(envelope);
        return envelope;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(EventEnvelope envelope) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.id();
        row.topic = envelope.eventType().topic();
        row.messageKey = envelope.subject();
        row.eventType = envelope.type();
        row.payload = EventCodec.write(envelope);
        row.createdAt = Instant.now();
        em.persist(row);
        // Observed AFTER_SUCCESS by the relay, so it wakes only for committed rows.
        written.fire(OutboxWritten.INSTANCE);
    }

    /** CDI event telling the relay that a transaction wrote outbox rows. */
    public enum OutboxWritten { INSTANCE }
}
