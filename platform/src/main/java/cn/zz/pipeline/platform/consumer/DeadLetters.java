package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.platform.kafka.Backoff;
import cn.zz.pipeline.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One consumer's dead letters: the original record (key, value, headers) goes to "{topic}.dlq" with headers saying why,
 * which consumer gave up, and where the record came from. Used by one thread at a time (the thread that applies).
 */
final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class); // the consumer's one log category

    private final String name;
    private final String groupId;
    private final KafkaClients kafka;
    private final MeterRegistry registry;
    private final Supplier<Backoff> backoff;
    private final BooleanSupplier running;
    private KafkaProducer<String, byte[]> producer;

    DeadLetters(String name, String groupId, KafkaClients kafka, MeterRegistry registry, Supplier<Backoff> backoff,
                BooleanSupplier running) {
        this.name = name;
        this.groupId = groupId;
        this.kafka = kafka;
        this.registry = registry;
        this.backoff = backoff;
        this.running = running;
    }

    /** Publishes the record with the reason; retries until the broker takes it. False only when shutting down. */
    boolean send(ConsumerRecord<String, byte[]> record, String reason) throws InterruptedException {
        LOG.errorf("consumer %s: dead-lettering %s-%d@%d: %s", name, record.topic(), record.partition(),
                record.offset(), reason);
        // The record's consumer span, when one is current (a batch of several has none): its trace shows the loss.
        Span.current().setStatus(StatusCode.ERROR, "dead-lettered: " + reason);
        Backoff wait = backoff.get();
        while (running.getAsBoolean()) {
            try {
                if (producer == null) {
                    producer = kafka.producer("dlq-" + name);
                }
                // The original headers too: with its content-type a dead letter stays a structured-mode CloudEvent.
                ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.dlq(record.topic()), null,
                        record.key(), record.value(), record.headers());
                header(out, "dlq-reason", reason);
                header(out, "dlq-consumer", groupId);
                header(out, "dlq-original-topic", record.topic());
                header(out, "dlq-original-partition", Integer.toString(record.partition()));
                header(out, "dlq-original-offset", Long.toString(record.offset()));
                header(out, "dlq-time", Instant.now().toString());
                producer.send(out).get(30, TimeUnit.SECONDS);
                registry.counter("pipeline.consumer.dead.letters", "consumer", name).increment();
                return true;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.warnf("consumer %s: dead-letter topic not reachable (%s)", name, e.getMessage());
                if (producer != null) {
                    producer.close(Duration.ZERO);
                    producer = null;
                }
                wait.sleep();
            }
        }
        return false;
    }

    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String key, String value) {
        String v = value == null ? "" : value;
        record.headers().add(new RecordHeader(key, v.getBytes(StandardCharsets.UTF_8)));
    }
}
