package cn.zz.pipeline.platform.outbox;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.tracing.EventTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Writes events into the outbox table of the current business transaction. There is deliberately no way to
 * send to Kafka from here: the relay publishes only what committed, in insertion (identity) order.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into outbox_event (event_id, topic, message_key, event_type, payload,"
            + " created_at, traceparent) values (?, ?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    PipelineConfig config;

    @Inject
    Event<OutboxWritten> written;

    @Inject
    EventTracing tracing;

    /** The envelope of an event of this service (source = "/" + service, a random id). */
    public EventEnvelope envelope(String subject, long sequence, Instant time, EventPayload data) {
        return EventEnvelope.create("/" + config.service(), subject, sequence, time, data);
    }

    /** Builds the envelope and stores it; {@code subject} is the project id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String subject, long sequence, Instant time, EventPayload data) {
        EventEnvelope envelope = envelope(subject, sequence, time, data);
        write(envelope);
        return envelope;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(EventEnvelope envelope) {
        writeAll(List.of(envelope));
    }

    /**
     * Stores the envelopes in the current transaction, in order, as JDBC batches (the identity key rules out
     * Hibernate's own batching, and an import writes thousands).
     *
     * @throws IllegalArgumentException if an event violates its schema, before anything is written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeAll(List<EventEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        OutboxRow[] rows = new OutboxRow[envelopes.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = OutboxRow.of(envelopes.get(i)); // schema-checked
        }
        Timestamp created = Timestamp.from(Instant.now());
        String traceparent = tracing.currentTraceparent(); // the consumers continue this trace
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < rows.length; i++) {
                    OutboxRow row = rows[i];
                    insert.setObject(1, row.eventId());
                    insert.setString(2, row.topic());
                    insert.setString(3, row.key());
                    insert.setString(4, row.type());
                    insert.setString(5, row.payload());
                    insert.setTimestamp(6, created);
                    insert.setString(7, traceparent);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        // Observed AFTER_SUCCESS by the relay, so it wakes only for committed rows.
        written.fire(OutboxWritten.INSTANCE);
    }

    /** CDI event telling the relay that a transaction wrote outbox rows. */
    public enum OutboxWritten { INSTANCE }
}
