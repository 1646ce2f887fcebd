package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs every {@link EventHandler} bean on its own Kafka consumer thread, from start-up to shutdown. Per record
 * ({@link RecordWorker}): decode and validate the envelope (an invalid one goes to the dead-letter topic), then apply
 * it in one transaction together with its processed-event record. A lost database or broker connection is retried
 * without end, never skipped; any other handler failure is retried a few times and then dead-lettered, and the
 * consumer goes on ({@link Failures}, {@link DeadLetters}). Offsets are committed after the effects, so a crash means
 * redelivery, which the processed-event records absorb. A {@link BatchEventHandler} gets whole polls in one
 * transaction instead, on a second thread ({@link BatchWorker}, {@link BatchApplier}); a batch that fails is applied
 * in halves, down to the poison event. Each consumer's lag (records not yet applied behind the end of its partitions)
 * is the gauge {@code pipeline.consumer.lag}, and a consumer can be replayed from the beginning of its topics
 * ({@link #replay}, {@link Replay}).
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
    Epochs epochs;

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    MeterRegistry registry;

    private final List<ConsumerWorker> workers = new CopyOnWriteArrayList<>();

    void start(@Observes StartupEvent ignored) {
        if (!config.consumer().enabled()) {
            LOG.info("event consumers disabled by configuration");
            return;
        }
        ConsumerWorker.Shared shared = new ConsumerWorker.Shared(config.consumer(), kafka, inbox, epochs, registry);
        for (EventHandler handler : handlers) {
            ConsumerWorker worker = handler instanceof BatchEventHandler batch
                    ? new BatchWorker(batch, groupId(handler), shared)
                    : new RecordWorker(handler, groupId(handler), shared);
            workers.add(worker);
            Gauge.builder("pipeline.consumer.lag", worker.lag, AtomicLong::get).tag("consumer", worker.name)
                    .description("records behind the end of the consumer's partitions").register(registry);
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        workers.forEach(ConsumerWorker::shutdown);
        for (ConsumerWorker w : workers) {
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
        return workers.stream().allMatch(ConsumerWorker::alive);
    }

    public List<String> consumerNames() {
        return workers.stream().map(w -> w.name).toList();
    }

    /**
     * Replays a consumer's topics from the beginning, across every instance of the service: on the consumer's own
     * thread, between two polls, {@code reset} runs in a transaction of its own (it drops the read models) that also
     * bumps the consumer's epoch, then every partition is read again from its first offset, by whichever instance
     * holds it ({@link Replay}, {@link Epochs}). Progress is measured against the end offsets at that moment.
     *
     * @throws IllegalStateException when no such consumer runs or a replay of it is already under way
     */
    public ReplayStatus replay(String consumerName, Runnable reset) {
        ConsumerWorker w = worker(consumerName)
                .orElseThrow(() -> new IllegalStateException("no consumer " + consumerName));
        return w.replay.request(reset);
    }

    /** The last replay of a consumer (under way or finished), empty if none was asked for since start-up. */
    public Optional<ReplayStatus> replayStatus(String consumerName) {
        return worker(consumerName).map(w -> w.replay.status());
    }

    /** Records the consumer has not yet read, summed over its partitions (-1 before its first poll). */
    public long lag(String consumerName) {
        return worker(consumerName).map(w -> w.lag.get()).orElse(-1L);
    }

    /** Group id of a handler: one group per handler and service. */
    public String groupId(EventHandler handler) {
        return config.service() + "." + handler.name();
    }

    private Optional<ConsumerWorker> worker(String name) {
        return workers.stream().filter(w -> w.name.equals(name)).findFirst();
    }
}
