package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;

/** The idempotent-consumer records: processed event ids and the per-subject sequence position. */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;

    /**
     * Records the event as processed by {@code consumer}; false if it was already (a redelivery). Must run in the
     * transaction of the effect, so the record and the effect commit or roll back together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String topic, EventEnvelope event) {
        int inserted = em.createNativeQuery("insert into processed_event (consumer, event_id, topic, subject, event_type)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, topic)
                .setParameter(4, event.subject())
                .setParameter(5, event.type())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        track(consumer, topic, event);
        return true;
    }

    private void track(String consumer, String topic, EventEnvelope event) {
        @SuppressWarnings("unchecked")
        List<Object> last = em.createNativeQuery("select last_sequence from consumed_stream"
                        + " where consumer = ?1 and topic = ?2 and subject = ?3 for update")
                .setParameter(1, consumer).setParameter(2, topic).setParameter(3, event.subject())
                .getResultList();
        if (last.isEmpty()) {
            em.createNativeQuery("insert into consumed_stream (consumer, topic, subject, last_sequence, applied)"
                            + " values (?1, ?2, ?3, ?4, 1)")
                    .setParameter(1, consumer).setParameter(2, topic).setParameter(3, event.subject())
                    .setParameter(4, event.sequence())
                    .executeUpdate();
            return;
        }
        long previous = ((Number) last.get(0)).longValue();
        boolean gap = event.sequence() > previous + 1;
        boolean outOfOrder = event.sequence() <= previous;
        if (gap || outOfOrder) {
            LOG.warnf("%s: %s %s sequence %d after %d", consumer, event.subject(), outOfOrder ? "out of order" : "gap",
                    event.sequence(), previous);
        }
        em.createNativeQuery("update consumed_stream set last_sequence = greatest(last_sequence, ?1),"
                        + " applied = applied + 1, gaps = gaps + ?2, out_of_order = out_of_order + ?3, updated_at = now()"
                        + " where consumer = ?4 and topic = ?5 and subject = ?6")
                .setParameter(1, event.sequence()).setParameter(2, gap ? 1 : 0).setParameter(3, outOfOrder ? 1 : 0)
                .setParameter(4, consumer).setParameter(5, topic).setParameter(6, event.subject())
                .executeUpdate();
    }

    /** Forgets everything a consumer processed, for a rebuild that replays the topics from the start. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String consumer) {
        em.createNativeQuery("delete from processed_event where consumer = ?1").setParameter(1, consumer).executeUpdate();
        em.createNativeQuery("delete from consumed_stream where consumer = ?1").setParameter(1, consumer).executeUpdate();
    }
}
