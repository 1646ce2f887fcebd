package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The subject's position, locked: the row is created first if missing (a placeholder, {@code applied} 0), so that
     * two instances handed the same subject (a rebalance) queue on the row instead of both reading "none".
     */
    private void track(String consumer, String topic, EventEnvelope event) {
        em.createNativeQuery("insert into consumed_stream (consumer, topic, subject, last_sequence, applied)"
                        + " values (?1, ?2, ?3, 0, 0) on conflict do nothing")
                .setParameter(1, consumer).setParameter(2, topic).setParameter(3, event.subject())
                .executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select last_sequence, applied from consumed_stream"
                        + " where consumer = ?1 and topic = ?2 and subject = ?3 for update")
                .setParameter(1, consumer).setParameter(2, topic).setParameter(3, event.subject())
                .getSingleResult();
        long previous = ((Number) row[0]).longValue();
        boolean known = ((Number) row[1]).longValue() > 0;
        boolean gap = known && event.sequence() > previous + 1;
        boolean outOfOrder = known && event.sequence() <= previous;
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

    /**
     * An event as delivered from a topic: its stream and sequence, and the event itself, or null when the handler
     * passes over its type (the position moves on; nothing is handed over).
     */
    public record Delivery(String topic, String subject, long sequence, EventEnvelope event) {

        public Delivery(String topic, EventEnvelope event) {
            this(topic, event.subject(), event.sequence(), event);
        }
    }

    /**
     * For batch consumers: the events not applied yet, in order. Instead of a row per event id, the position of
     * each (topic, subject) stream decides: an event whose sequence is not above the last applied one is a copy or
     * older, and is left out; a jump counts as a gap. A delivery without its event (a type the handler passes over)
     * moves the position and counts as applied, so the positions account for every event of the stream. The positions are written in the caller's transaction, so
     * they commit or roll back with the effect; three statements per batch, whatever its size. The positions are
     * read {@code for update} (missing rows are first inserted as placeholders, all in one stable order, so that two
     * transactions wait for each other instead of deadlocking): when a rebalance hands a partition to another
     * instance while a batch of it is still being applied, the second transaction waits for the first and then sees
     * its positions, so no event is applied twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> fresh(String consumer, List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<String, long[]> positions = new LinkedHashMap<>(); // topic \u0000 subject -> last, applied, gaps, known
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        List<EventEnvelope> out = new ArrayList<>(deliveries.size());
        session.doWork(c -> {
            String[] subjects = deliveries.stream().map(Delivery::subject).distinct().toArray(String[]::new);
            String[] topics = deliveries.stream().map(Delivery::topic).distinct().toArray(String[]::new);
            String[][] keys = deliveries.stream().map(d -> d.topic() + '\u0000' + d.subject()).distinct()
                    .sorted().map(k -> k.split("\u0000", 2)).toArray(String[][]::new);
            try (PreparedStatement s = c.prepareStatement("insert into consumed_stream (consumer, topic, subject,"
                    + " last_sequence, applied) select ?, k.topic, k.subject, 0, 0"
                    + " from unnest(?::varchar[], ?::varchar[]) with ordinality as k(topic, subject, n)"
                    + " order by k.n on conflict do nothing")) {
                s.setString(1, consumer);
                s.setArray(2, c.createArrayOf("varchar", java.util.Arrays.stream(keys).map(k -> k[0]).toArray()));
                s.setArray(3, c.createArrayOf("varchar", java.util.Arrays.stream(keys).map(k -> k[1]).toArray()));
                s.executeUpdate();
            }
            // All three key columns bound, so the primary key index finds the rows (without the topic it scans the
            // consumer's whole range: milliseconds per batch once there are a million projects). Locked in the
            // placeholders' order (Java's string order is the "C" collation's for these keys).
            try (PreparedStatement s = c.prepareStatement("select topic, subject, last_sequence, applied"
                    + " from consumed_stream where consumer = ? and topic = any(?) and subject = any(?)"
                    + " order by topic collate \"C\", subject collate \"C\" for update")) {
                s.setString(1, consumer);
                s.setArray(2, c.createArrayOf("varchar", topics));
                s.setArray(3, c.createArrayOf("varchar", subjects));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        positions.put(rs.getString(1) + '\u0000' + rs.getString(2),
                                new long[] {rs.getLong(3), 0, 0, rs.getLong(4) > 0 ? 1 : 0});
                    }
                }
            }
            Map<String, Delivery> changed = new HashMap<>();
            int gaps = 0;
            String firstGap = null;
            for (Delivery d : deliveries) {
                String key = d.topic() + '\u0000' + d.subject();
                long[] p = positions.get(key);
                long seq = d.sequence();
                if (p != null && seq <= p[0]) {
                    continue;
                }
                if (p == null) {
                    p = new long[] {seq, 0, 0, 0};
                    positions.put(key, p);
                } else if (seq > p[0] + 1 && p[3] == 1) {
                    if (gaps++ == 0) {
                        firstGap = d.subject() + " sequence " + seq + " after " + p[0];
                    }
                    p[2]++;
                }
                p[0] = seq;
                p[1]++;
                p[3] = 1;
                changed.put(key, d);
                if (d.event() != null) {
                    out.add(d.event());
                }
            }
            if (gaps > 0) {
                // One line per batch, not per event: a producer that skips sequences must not flood the log.
                LOG.warnf("%s: %d stream gap(s) in a batch of %d, e.g. %s (counted in consumed_stream.gaps)", consumer,
                        gaps, deliveries.size(), firstGap);
            }
            try (PreparedStatement s = c.prepareStatement("insert into consumed_stream (consumer, topic, subject,"
                    + " last_sequence, applied, gaps) values (?, ?, ?, ?, ?, ?) on conflict (consumer, topic, subject)"
                    + " do update set last_sequence = excluded.last_sequence,"
                    + " applied = consumed_stream.applied + excluded.applied,"
                    + " gaps = consumed_stream.gaps + excluded.gaps, updated_at = now()")) {
                for (Map.Entry<String, Delivery> e : changed.entrySet()) {
                    long[] p = positions.get(e.getKey());
                    s.setString(1, consumer);
                    s.setString(2, e.getValue().topic());
                    s.setString(3, e.getValue().subject());
                    s.setLong(4, p[0]);
                    s.setLong(5, p[1]);
                    s.setLong(6, p[2]);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
        return out;
    }

    /** Forgets everything a consumer processed, for a rebuild that replays the topics from the start. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String consumer) {
        em.createNativeQuery("delete from processed_event where consumer = ?1").setParameter(1, consumer).executeUpdate();
        em.createNativeQuery("delete from consumed_stream where consumer = ?1").setParameter(1, consumer).executeUpdate();
    }
}
