package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.platform.TestFixtures;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.kafka.KafkaClients;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * More instances of a consumer inside the test's JVM: each worker made here is one more member of the handler's
 * group, with a Kafka consumer and a transaction of its own, as another instance of the service would be.
 */
@ApplicationScoped
public class Instances {

    @Inject
    PipelineConfig config;

    @Inject
    KafkaClients kafka;

    @Inject
    Inbox inbox;

    @Inject
    Epochs epochs;

    @Inject
    MeterRegistry registry;

    @Inject
    ConsumerRunner runner;

    private final List<ConsumerWorker> started = new ArrayList<>();
    private final KafkaTestClient client = new KafkaTestClient(KafkaResource.bootstrapServers());

    /** Starts one more instance of the handler's consumer, in the handler's group. */
    public synchronized ConsumerWorker start(EventHandler handler) {
        ConsumerWorker.Shared shared = new ConsumerWorker.Shared(config.consumer(), kafka, inbox, epochs, registry);
        ConsumerWorker w = handler instanceof BatchEventHandler batch
                ? new BatchWorker(batch, runner.groupId(handler), shared)
                : new RecordWorker(handler, runner.groupId(handler), shared);
        w.start();
        started.add(w);
        return w;
    }

    /** Stops an instance the way a shutdown does (its partitions are handed over). */
    public void stop(ConsumerWorker w) throws InterruptedException {
        w.shutdown();
        w.join(30_000);
    }

    public synchronized void stopAll() throws InterruptedException {
        for (ConsumerWorker w : started) {
            stop(w);
        }
        started.clear();
    }

    static EventEnvelope updated(UUID project, long sequence, String name) {
        return EventEnvelope.create("/test", project.toString(), sequence, Instant.now(),
                new ProjectUpdated(TestFixtures.snapshot(project, name), List.of("name"), "tester"));
    }

    void send(List<EventEnvelope> events) {
        client.sendAll(Topics.PROJECT_EVENTS, events.stream()
                .map(e -> Map.entry(e.subject(), EventCodec.write(e)))
                .toList());
    }
}
