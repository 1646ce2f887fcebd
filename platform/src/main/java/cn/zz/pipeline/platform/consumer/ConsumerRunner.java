package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.InvalidEventException;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.kafka.Backoff;
import cn.zz.pipeline.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs every {@link EventHandler} bean on its own Kafka consumer thread. Per record: decode and validate the
 * envelope (an invalid one goes to the dead-letter topic), then apply it in one transaction together with its
 * processed-event record. A lost database or broker connection is retried without end, never skipped; any other
 * handler failure is retried a few times and then dead-lettered, and the consumer goes on. Offsets are committed
 * after the effects, so a crash means redelivery, which the processed-event records absorb.
 */
@ApplicationScoped
public class ConsumerRunner {

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class);

    @Inject
    PipelineConfig config;

    @Inject
    KafkaClients kafka;

    @Inject
    Inbox inbox;

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    MeterRegistry registry;

    private final List<Worker> workers = new CopyOnWriteArrayList<>();

    void start(@Observes StartupEvent ignored) {
        if (!config.consumer().enabled()) {
            LOG.info("event consumers disabled by configuration");
            return;
        }
        for (EventHandler handler : handlers) {
            Worker worker = new Worker(handler);
            workers.add(worker);
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        workers.forEach(Worker::shutdown);
        for (Worker w : workers) {
            try {
                w.join(5_000);
                if (w.isAlive()) {
                    // Stuck in a backoff sleep or a blocking call: interrupt it.
                    w.interrupt();
                    w.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True when every consumer thread is running (used by the readiness check). */
    public boolean allAlive() {
        return workers.stream().allMatch(Thread::isAlive);
    }

    public List<String> consumerNames() {
        return workers.stream().map(w -> w.name).toList();
    }

    /** Group id of a handler: one group per handler and service. */
    public String groupId(EventHandler handler) {
        return config.service() + "." + handler.name();
    }

    private final class Worker extends Thread {
        private final EventHandler handler;
        private final String name;
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, byte[]> consumer;
        private KafkaProducer<String, byte[]> dlqProducer;

        Worker(EventHandler handler) {
            super("consumer-" + handler.name());
            setDaemon(true);
            this.handler = handler;
            this.name = handler.name();
        }

        /** Wakes the consumer out of poll(); an interrupt here would spoil its orderly close. */
        void shutdown() {
            running = false;
            KafkaConsumer<String, byte[]> c = consumer;
            if (c != null) {
                c.wakeup();
            }
        }

        @Override
        public void run() {
            Backoff backoff = new Backoff(config.consumer().backoffInitial(), config.consumer().backoffMax());
            try {
                while (running && !kafka.ensureTopics()) {
                    backoff.sleep();
                }
                backoff.reset();
                consumer = kafka.consumer(groupId(handler), Map.of());
                consumer.subscribe(List.copyOf(handler.topics()));
                while (running) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(config.consumer().pollTimeout());
                    if (records.isEmpty()) {
                        continue;
                    }
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    for (TopicPartition tp : records.partitions()) {
                        for (ConsumerRecord<String, byte[]> record : records.records(tp)) {
                            if (!process(record)) {
                                return; // shutting down: uncommitted records are redelivered next time
                            }
                            done.put(tp, new OffsetAndMetadata(record.offset() + 1));
                        }
                    }
                    commit(done);
                }
            } catch (WakeupException | InterruptedException e) {
                // shutdown
            } catch (RuntimeException e) {
                LOG.errorf(e, "consumer %s stopped", name);
            } finally {
                closeQuietly();
            }
        }

        private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
            try {
                consumer.commitSync(done);
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                // A rebalance or broker loss: the records come again and are recognised as processed.
                LOG.warnf("consumer %s: commit failed (%s), records will be redelivered", name, e.getMessage());
            }
        }

        /** Returns false only when shutting down before the record was dealt with. */
        private boolean process(ConsumerRecord<String, byte[]> record) throws InterruptedException {
            EventEnvelope event;
            try {
                event = EventCodec.read(record.value());
            } catch (InvalidEventException e) {
                return deadLetter(record, "invalid event: " + e.reason());
            } catch (RuntimeException e) {
                return deadLetter(record, "invalid event: " + e.getMessage());
            }
            Backoff backoff = new Backoff(config.consumer().backoffInitial(), config.consumer().backoffMax());
            int attempts = 0;
            while (running) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        if (inbox.firstDelivery(name, record.topic(), event)) {
                            handler.handle(event);
                        }
                    });
                    registry.counter("pipeline.consumer.processed", "consumer", name).increment();
                    return true;
                } catch (RuntimeException e) {
                    Throwable cause = Failures.permanentCause(e);
                    if (cause != null) {
                        return deadLetter(record, cause.getMessage());
                    }
                    if (Failures.isTransient(e)) {
                        LOG.warnf("consumer %s: %s, retrying in %s", name, Failures.describe(e), backoff.peek());
                    } else if (++attempts >= config.consumer().maxAttempts()) {
                        return deadLetter(record, "failed " + attempts + " times: " + Failures.describe(e));
                    } else {
                        LOG.warnf(e, "consumer %s: attempt %d failed", name, attempts);
                    }
                    backoff.sleep();
                }
            }
            return false;
        }

        /** Publishes the original record to "{topic}.dlq" with the reason; retries until the broker takes it. */
        private boolean deadLetter(ConsumerRecord<String, byte[]> record, String reason) throws InterruptedException {
            LOG.errorf("consumer %s: dead-lettering %s-%d@%d: %s", name, record.topic(), record.partition(),
                    record.offset(), reason);
            Backoff backoff = new Backoff(config.consumer().backoffInitial(), config.consumer().backoffMax());
            while (running) {
                try {
                    if (dlqProducer == null) {
                        dlqProducer = kafka.producer("dlq-" + name);
                    }
                    ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.dlq(record.topic()), record.key(),
                            record.value());
                    header(out, "dlq-reason", reason);
                    header(out, "dlq-consumer", groupId(handler));
                    header(out, "dlq-original-topic", record.topic());
                    header(out, "dlq-original-partition", Integer.toString(record.partition()));
                    header(out, "dlq-original-offset", Long.toString(record.offset()));
                    header(out, "dlq-time", Instant.now().toString());
                    dlqProducer.send(out).get(30, TimeUnit.SECONDS);
                    registry.counter("pipeline.consumer.dead.letters", "consumer", name).increment();
                    return true;
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    LOG.warnf("consumer %s: dead-letter topic not reachable (%s)", name, e.getMessage());
                    if (dlqProducer != null) {
                        dlqProducer.close(java.time.Duration.ZERO);
                        dlqProducer = null;
                    }
                    backoff.sleep();
                }
            }
            return false;
        }

        private void header(ProducerRecord<String, byte[]> record, String key, String value) {
            String v = value == null ? "" : value;
            record.headers().add(new RecordHeader(key, v.getBytes(StandardCharsets.UTF_8)));
        }

        private void closeQuietly() {
            try {
                if (consumer != null) {
                    consumer.close(java.time.Duration.ofSeconds(2));
                }
            } catch (RuntimeException e) {
                LOG.debugf("closing consumer %s: %s", name, e.getMessage());
            }
            if (dlqProducer != null) {
                dlqProducer.close(java.time.Duration.ofSeconds(1));
            }
        }
    }

    /** Reads handler failures: which to retry forever, which to dead-letter at once. */
    static final class Failures {
        private Failures() {
        }

        static Throwable permanentCause(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof PermanentEventException) {
                    return t;
                }
            }
            return null;
        }

        /** Lost connections, timeouts, serialization failures, deadlocks and optimistic-lock races. */
        static boolean isTransient(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                        || t instanceof org.hibernate.exception.JDBCConnectionException
                        || t instanceof jakarta.persistence.OptimisticLockException
                        || t instanceof org.hibernate.StaleStateException
                        || t instanceof jakarta.persistence.LockTimeoutException) {
                    return true;
                }
                if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                    String state = sql.getSQLState();
                    if (state.startsWith("08") || state.startsWith("57P") || state.equals("40001")
                            || state.equals("40P01") || state.equals("53300")) {
                        return true;
                    }
                }
            }
            return false;
        }

        static String describe(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage();
            return message == null ? root.getClass().getSimpleName() : message;
        }
    }
}
