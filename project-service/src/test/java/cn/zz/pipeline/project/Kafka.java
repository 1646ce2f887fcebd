package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.InvalidEventException;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.testsupport.KafkaResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Plain Kafka clients against the in-process broker: a background reader of a topic (every record, from the start)
 * and a producer of approval events as approval-service would send them.
 */
final class Kafka {

    private static final Map<String, Reader> READERS = new ConcurrentHashMap<>();
    private static KafkaProducer<String, byte[]> producer;
    private static final Map<String, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();

    private Kafka() {
    }

    /** One record as read: key, decoded event (null if it does not decode) and headers. */
    record Received(String key, EventEnvelope event, Map<String, String> headers) {
    }

    /** Records of {@code topic} with this key so far. */
    static List<Received> records(String topic, String key) {
        return READERS.computeIfAbsent(topic, Reader::new).byKey(key);
    }

    /** The events of a project on pipeline.project.events, in order. */
    static List<EventEnvelope> projectEvents(String projectId) {
        return records(Topics.PROJECT_EVENTS, projectId).stream().map(Received::event).toList();
    }

    /** Waits for the project's event with this sequence and returns it. */
    static EventEnvelope awaitProjectEvent(String projectId, long sequence) {
        return await().atMost(20, TimeUnit.SECONDS).until(
                () -> projectEvents(projectId).stream().filter(e -> e.sequence() == sequence).findFirst().orElse(null),
                e -> e != null);
    }

    /** Sends an approval event for the project, keyed by project id like approval-service. */
    static synchronized void sendApproval(String projectId, EventPayload payload) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        long sequence = SEQUENCES.computeIfAbsent(projectId, k -> new AtomicLong()).incrementAndGet();
        EventEnvelope envelope = EventEnvelope.create("/approval-service", projectId, sequence, Instant.now(), payload);
        try {
            producer.send(new ProducerRecord<>(Topics.APPROVAL_EVENTS, projectId, EventCodec.writeBytes(envelope)))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + envelope.type(), e);
        }
    }

    private static final class Reader {
        private final Map<String, List<Received>> byKey = new ConcurrentHashMap<>();

        Reader(String topic) {
            awaitTopic(topic);
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Thread t = new Thread(() -> {
                while (true) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        EventEnvelope event;
                        try {
                            event = EventCodec.read(r.value());
                        } catch (InvalidEventException e) {
                            event = null;
                        }
                        Map<String, String> headers = new ConcurrentHashMap<>();
                        for (Header h : r.headers()) {
                            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                        }
                        byKey.computeIfAbsent(r.key(), k -> new CopyOnWriteArrayList<>())
                                .add(new Received(r.key(), event, headers));
                    }
                }
            }, "test-reader-" + topic);
            t.setDaemon(true);
            t.start();
        }

        List<Received> byKey(String key) {
            return List.copyOf(byKey.getOrDefault(key, List.of()));
        }

        private static void awaitTopic(String topic) {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
            try (Admin admin = Admin.create(p)) {
                await().atMost(30, TimeUnit.SECONDS)
                        .until(() -> admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(topic));
            }
        }
    }
}
