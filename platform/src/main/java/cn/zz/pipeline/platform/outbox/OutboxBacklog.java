package cn.zz.pipeline.platform.outbox;

import cn.zz.pipeline.platform.config.PipelineConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real outbox backlog as gauges: {@code pipeline.outbox.pending}, the rows not yet published, and
 * {@code pipeline.outbox.oldest.age}, the seconds the oldest of them has waited (0 when none). A query every
 * {@code pipeline.outbox.backlog-refresh} (default 2 s) keeps the figures, so a scrape costs nothing. Every instance
 * of a service counts the same table: the figures are the service's, not the instance's (take the max, not the sum).
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private final AtomicLong pending = new AtomicLong();
    /** Creation time of the oldest unpublished row in epoch milliseconds, 0 when there is none. */
    private final AtomicLong oldestCreated = new AtomicLong();

    void register(@Observes StartupEvent ignored) {
        Gauge.builder("pipeline.outbox.pending", pending, AtomicLong::get)
                .description("outbox rows not yet published to Kafka").register(registry);
        Gauge.builder("pipeline.outbox.oldest.age", this, OutboxBacklog::oldestAgeSeconds).baseUnit("seconds")
                .description("how long the oldest unpublished outbox row has waited").register(registry);
    }

    /** Rows not yet published, as of the last refresh. */
    public long pending() {
        return pending.get();
    }

    /** Seconds the oldest unpublished row has waited, now (0 when there was none at the last refresh). */
    public double oldestAgeSeconds() {
        long created = oldestCreated.get();
        return created == 0 ? 0 : Math.max(0, Instant.now().toEpochMilli() - created) / 1000.0;
    }

    @Scheduled(every = "${pipeline.outbox.backlog-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                            "select count(*), min(created_at) from outbox_event where published_at is null")
                    .getSingleResult());
            pending.set(((Number) row[0]).longValue());
            oldestCreated.set(row[1] == null ? 0 : toInstant(row[1]).toEpochMilli());
        } catch (RuntimeException e) {
            // The database is away: keep the last figures (the relay's own failures say more).
            LOG.debugf("outbox backlog not refreshed: %s", e.getMessage());
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
