package cn.zz.pipeline.seeds.synthetic;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Topics;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The bulk path: each project's events (those project-service's historical import would write to its outbox)
 * published straight to pipeline.project.events as project-service's relay publishes them: CloudEvents JSON,
 * key = project id, header content-type. One worker thread sends all of a project's events, in sequence order.
 * About half of the projects get a milestone plan after their history ({@link SyntheticMilestones}).
 *
 * <p>Only the topic is written: project-service's database does not learn of these projects (use the api sink for
 * that). Event ids derive from the seed, so publishing the same slice again gives duplicates the idempotent
 * consumers drop.
 */
public final class KafkaSink implements Load.Sink {

    private static final byte[] CONTENT_TYPE =
            "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8);

    private final Generator generator;
    private final Producer<String, byte[]> producer;
    private final ObjectWriter writer = EventCodec.mapper().writerFor(EventEnvelope.class);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Callback callback = (metadata, e) -> {
        if (e != null) {
            failure.compareAndSet(null, e);
        }
    };

    /** Takes over the producer: {@link #close()} flushes and closes it. */
    public KafkaSink(Generator generator, Producer<String, byte[]> producer) {
        this.generator = generator;
        this.producer = producer;
    }

    /** A sink with a bulk producer of its own on {@code bootstrap}, the topic created when missing. */
    public static KafkaSink open(Generator generator, String bootstrap, int partitions) throws Exception {
        ensureTopic(bootstrap, partitions);
        return new KafkaSink(generator, new KafkaProducer<>(properties(bootstrap)));
    }

    /**
     * Idempotent, acks=all (as the services' relay), and built for throughput: gzip at level 1 (lz4 is not on the
     * classpath; the higher levels cost far more CPU than they save on a local broker), 512 KiB batches after up to
     * 50 ms, a 256 MiB buffer that blocks the generator rather than failing when the broker falls behind.
     */
    public static Properties properties(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "synthetic-generator");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        p.put(ProducerConfig.COMPRESSION_GZIP_LEVEL_CONFIG, 1);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
        return p;
    }

    /**
     * Creates the project topic when it does not exist (as the services would, with {@code partitions}), so that
     * a broker's auto-creation does not decide its partitions.
     */
    public static void ensureTopic(String bootstrap, int partitions) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!topics.contains(Topics.PROJECT_EVENTS)) {
                admin.createTopics(List.of(new NewTopic(Topics.PROJECT_EVENTS, partitions, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public long accept(long chunk, List<SyntheticProject> projects) throws Exception {
        Exception failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        long events = 0;
        for (SyntheticProject p : projects) {
            String key = p.id().toString();
            for (EventEnvelope e : SyntheticMilestones.envelopes(generator, p)) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PROJECT_EVENTS, key,
                        writer.writeValueAsBytes(e));
                record.headers().add(new RecordHeader("content-type", CONTENT_TYPE));
                producer.send(record, callback);
                events++;
            }
        }
        return events;
    }

    /** Waits until the broker acknowledged every event. */
    @Override
    public void close() throws Exception {
        try {
            producer.flush();
        } finally {
            producer.close();
        }
        Exception failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }
}
