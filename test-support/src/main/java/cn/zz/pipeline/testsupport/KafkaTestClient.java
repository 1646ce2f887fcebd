package cn.zz.pipeline.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/** Raw Kafka access for tests: produce bytes, and read a whole topic from its start. */
public final class KafkaTestClient {

    private final String bootstrap;

    public KafkaTestClient(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public void send(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends one record as it is, headers included. */
    public void send(ProducerRecord<String, byte[]> record) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("send to " + record.topic() + " failed", e);
        }
    }

    /** Sends records in order through one producer, so they reach the topic together (a consumer polls them at once). */
    public void sendAll(String topic, List<Map.Entry<String, String>> keyValues) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Map.Entry<String, String> kv : keyValues) {
                sent.add(producer.send(new ProducerRecord<>(topic, kv.getKey(),
                        kv.getValue().getBytes(StandardCharsets.UTF_8))));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("send to " + topic + " failed", e);
        }
    }

    public void send(String topic, String key, String value) {
        send(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** All records of the topic (every partition, from offset 0) as strings. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(topic, StringDeserializer.class);
    }

    /** The records of the topic that the filter takes, values as the bytes on the wire (e.g. for the CloudEvents SDK). */
    public List<ConsumerRecord<String, byte[]>> readAllBytes(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        return readAll(topic, ByteArrayDeserializer.class).stream().filter(filter).toList();
    }

    private <V> List<ConsumerRecord<String, V>> readAll(String topic, Class<? extends Deserializer<V>> values) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, values.getName());
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return out;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline
                    && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    public List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> filter) {
        return readAll(topic).stream().filter(filter).toList();
    }

    public static String header(ConsumerRecord<String, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
