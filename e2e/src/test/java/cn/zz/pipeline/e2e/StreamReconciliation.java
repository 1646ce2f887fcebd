package cn.zz.pipeline.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact reconciliation, in SQL: what each producer published (its outbox_event rows, the envelope's subject as
 * message key and its sequence in the payload) against what each consumer recorded (consumed_stream: the position
 * and the count of events applied per project; every consumer is a batch consumer). Empty when nothing
 * was lost, nothing applied twice and every project's sequence is 1..n without a hole.
 */
final class StreamReconciliation {

    static final String PROJECT_TOPIC = "pipeline.project.events";
    static final String APPROVAL_TOPIC = "pipeline.approval.events";

    /** A consumer of a topic: the database it writes, the database of the topic's producer. */
    record Consumer(String database, String name, String topic, String producerDatabase) {
    }

    static final List<Consumer> CONSUMERS = List.of(
            new Consumer("approval", "project-facts", PROJECT_TOPIC, "project"),
            new Consumer("project", "approval-outcomes", APPROVAL_TOPIC, "approval"),
            new Consumer("reporting", "reporting", PROJECT_TOPIC, "project"),
            new Consumer("reporting", "reporting", APPROVAL_TOPIC, "approval"));

    private final Stack stack;
    /** Per consumer and topic: events published, subjects, events applied (for the report). */
    final List<String> counts = new ArrayList<>();

    StreamReconciliation(Stack stack) {
        this.stack = stack;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), "pipeline", "pipeline");
    }

    /** Outbox rows not yet published, over the producers. */
    long unpublished() throws SQLException {
        long n = 0;
        for (String db : List.of("project", "approval")) {
            try (Connection c = connect(db); PreparedStatement s = c.prepareStatement(
                    "select count(*) from outbox_event where published_at is null"); ResultSet rs = s.executeQuery()) {
                rs.next();
                n += rs.getLong(1);
            }
        }
        return n;
    }

    /** Every discrepancy found, one line each (at most a few per consumer); empty when exact. */
    List<String> problems() throws SQLException {
        counts.clear();
        List<String> out = new ArrayList<>();
        for (Consumer k : CONSUMERS) {
            List<String> found = new ArrayList<>();
            Map<String, long[]> published = published(k.producerDatabase(), k.topic(), found);
            Map<String, long[]> consumed = consumed(k);
            long events = 0;
            long applied = 0;
            for (Map.Entry<String, long[]> e : published.entrySet()) {
                long[] p = e.getValue(); // count, max, distinct, min
                events += p[0];
                long[] c = consumed.get(e.getKey()); // last_sequence, applied, gaps, out_of_order
                if (c == null) {
                    found.add(String.format("%s lost every event of %s (%d published)", label(k), e.getKey(), p[0]));
                    continue;
                }
                applied += c[1];
                if (c[0] != p[1] || c[1] != p[0] || c[2] != 0 || c[3] != 0) {
                    found.add(String.format("%s %s: published %d events up to sequence %d; applied %d, last %d,"
                            + " gaps %d, out of order %d", label(k), e.getKey(), p[0], p[1], c[1], c[0], c[2], c[3]));
                }
            }
            for (String subject : consumed.keySet()) {
                if (!published.containsKey(subject)) {
                    found.add(label(k) + " has a position for " + subject + ", of which nothing was published");
                }
            }
            counts.add(String.format("%s: %d events of %d projects published, %d applied", label(k), events,
                    published.size(), applied));
            out.addAll(found.size() > 5 ? found.subList(0, 5) : found);
            if (found.size() > 5) {
                out.add(label(k) + ": " + (found.size() - 5) + " more");
            }
        }
        return out;
    }

    private static String label(Consumer k) {
        return k.database() + "/" + k.name() + " <- " + k.topic();
    }

    /** Per subject: count, highest sequence, distinct sequences, lowest sequence; a broken sequence is a problem. */
    private Map<String, long[]> published(String database, String topic, List<String> found) throws SQLException {
        Map<String, long[]> out = new HashMap<>();
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(
                "select message_key, count(*), max(seq), count(distinct seq), min(seq) from (select message_key,"
                        + " (payload::jsonb ->> 'sequence')::bigint as seq, payload::jsonb ->> 'subject' as subject"
                        + " from outbox_event where topic = ?) e group by message_key")) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long[] p = {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
                    out.put(rs.getString(1), p);
                    if (p[0] != p[1] || p[2] != p[0] || p[3] != 1) {
                        found.add(String.format("%s's outbox for %s: %d events, sequences %d..%d (%d distinct)",
                                database, rs.getString(1), p[0], p[3], p[1], p[2]));
                    }
                }
            }
        }
        return out;
    }

    private Map<String, long[]> consumed(Consumer k) throws SQLException {
        Map<String, long[]> out = new HashMap<>();
        try (Connection c = connect(k.database()); PreparedStatement s = c.prepareStatement(
                "select subject, last_sequence, applied, gaps, out_of_order from consumed_stream"
                        + " where consumer = ? and topic = ?")) {
            s.setString(1, k.name());
            s.setString(2, k.topic());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }
            }
        }
        return out;
    }

    /** Whether reporting-service's read model holds the project. */
    boolean inReporting(Connection reporting, String projectId) throws SQLException {
        try (PreparedStatement s = reporting.prepareStatement(
                "select 1 from project_view where project_id = ?::uuid")) {
            s.setString(1, projectId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
