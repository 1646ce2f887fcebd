package cn.zz.pipeline.platform.outbox;

import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.kafka.Backoff;
import cn.zz.pipeline.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in id order, in batches. A row is marked published only after the
 * broker acknowledged it (acks=all) and only if every earlier row of the batch was acknowledged too, so a failure
 * never skips a row: the unacknowledged tail is retried after a backoff, on a fresh producer. A retried row that
 * had in fact reached the broker is a duplicate that the idempotent consumers drop.
 *
 * <p>One relay per database at a time: a transaction-scoped advisory lock makes a second instance wait.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock (a test holds it to keep rows unpublished). */
    static final long LOCK_KEY = 0x0_7069_7065_6c69_6eL;

    @Inject
    PipelineConfig config;

    @Inject
    KafkaClients kafka;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;
    private volatile String lastError;
    private KafkaProducer<String, byte[]> producer;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent ignored) {
        if (!config.outbox().relayEnabled()) {
            LOG.info("outbox relay disabled by configuration");
            return;
        }
        published = registry.counter("pipeline.outbox.published");
        failures = registry.counter("pipeline.outbox.failures");
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        Thread t = thread;
        if (t != null) {
            wakeUp.release();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    /** Wakes the relay as soon as a transaction that wrote outbox rows has committed. */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten ignored) {
        wakeUp.release();
    }

    public boolean isAlive() {
        Thread t = thread;
        return !config.outbox().relayEnabled() || (t != null && t.isAlive());
    }

    public String lastError() {
        return lastError;
    }

    private void loop() {
        Backoff backoff = new Backoff(config.outbox().backoffInitial(), config.outbox().backoffMax());
        while (running) {
            try {
                if (!kafka.ensureTopics()) {
                    backoff.sleep();
                    continue;
                }
                Batch batch = publishBatch();
                if (batch.failure != null) {
                    lastError = batch.failure;
                    failures.increment();
                    LOG.warnf("outbox relay: %d published, then failed (%s); retrying in %s",
                            batch.published, batch.failure, backoff.peek());
                    closeProducer();
                    backoff.sleep();
                    continue;
                }
                lastError = null;
                backoff.reset();
                if (batch.published < config.outbox().batchSize()) {
                    wakeUp.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database is unreachable or similar: nothing was marked, so nothing is lost.
                lastError = e.getMessage();
                failures.increment();
                LOG.warnf("outbox relay: %s; retrying in %s", e.getMessage(), backoff.peek());
                closeProducer();
                try {
                    backoff.sleep();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private record Batch(int published, String failure) {
    }

    @SuppressWarnings("unchecked")
    private Batch publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, LOCK_KEY).getSingleResult();
            if (!locked) {
                return new Batch(0, null);
            }
            List<Object[]> rows = em.createNativeQuery(
                            "select id, topic, message_key, payload, traceparent from outbox_event where published_at is null"
                                    + " order by id limit ?1")
                    .setParameter(1, config.outbox().batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return new Batch(0, null);
            }
            KafkaProducer<String, byte[]> p = producer();
            List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
            String failure = null;
            for (Object[] row : rows) {
                ProducerRecord<String, byte[]> record = EventRecords.of((String) row[1], (String) row[2], (String) row[3],
                        (String) row[4]);
                try {
                    Future<RecordMetadata> future = p.send(record);
                    sent.add(future);
                    // send() reports a metadata timeout (broker unreachable) as an already failed future rather
                    // than an exception; sending the next row anyway could let it overtake this one once the
                    // broker is back, so stop here as for a thrown refusal.
                    if (future.isDone() && failedNow(future)) {
                        break;
                    }
                } catch (RuntimeException e) {
                    // Stop at the first refusal so no later row overtakes it.
                    failure = e.getMessage();
                    break;
                }
            }
            List<Long> acknowledged = new ArrayList<>(sent.size());
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get();
                    if (failure == null) {
                        acknowledged.add(((Number) rows.get(i)[0]).longValue());
                    }
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
                    }
                }
            }
            if (!acknowledged.isEmpty()) {
                em.createNativeQuery("update outbox_event set published_at = ?1 where id in (?2)")
                        .setParameter(1, Instant.now())
                        .setParameter(2, acknowledged)
                        .executeUpdate();
                published.increment(acknowledged.size());
            }
            return new Batch(acknowledged.size(), failure);
        });
    }

    private static boolean failedNow(Future<RecordMetadata> future) {
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Published rows are audit only; keep them for the configured retention. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        Duration retention = config.outbox().retention();
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from outbox_event where published_at < ?1")
                .setParameter(1, Instant.now().minus(retention))
                .executeUpdate());
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = kafka.producer("outbox-relay");
        }
        return producer;
    }

    private void closeProducer() {
        KafkaProducer<String, byte[]> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debugf("closing producer: %s", e.getMessage());
            }
        }
    }
}
