package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.kafka.Backoff;
import cn.zz.pipeline.platform.kafka.KafkaClients;
import cn.zz.pipeline.platform.tracing.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One handler's Kafka consumer on a thread of its own: waits for the topics, subscribes, then polls until shut down;
 * a replay asked for starts between two polls, and the lag is measured after each poll. What becomes of a poll is the
 * subclass's: {@link RecordWorker} applies it record by record, {@link BatchWorker} hands it to a second thread that
 * applies it in batches. Both share what is here: one event applied in its own transaction, retried according to
 * {@link Failures}, else dead-lettered ({@link DeadLetters}).
 */
abstract class ConsumerWorker extends Thread {

    private static final long END_OFFSETS_EVERY_NANOS = 1_000_000_000L;
    private static final Duration END_OFFSETS_TIMEOUT = Duration.ofMillis(500);
    private static final Duration POSITION_TIMEOUT = Duration.ofMillis(100);

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class); // the consumer's one log category

    /** What every consumer of a service shares. */
    record Shared(PipelineConfig.Consumer config, KafkaClients kafka, Inbox inbox, Epochs epochs,
                  MeterRegistry registry, EventTracing tracing) {
    }

    final EventHandler handler;
    final String name;
    final Inbox inbox;
    final Epochs epochs;
    final PipelineConfig.Consumer config;
    final Replay replay;
    final DeadLetters deadLetters;
    /** The CONSUMER span of each record, child of its {@code traceparent} header. */
    final EventTracing tracing;
    /** Records not applied yet, summed over the consumer's partitions (-1 before the first poll). */
    final AtomicLong lag = new AtomicLong(-1);
    /** The partitions' ends as last asked for, and when to ask again (this thread only). */
    private long nextEndOffsets = System.nanoTime();
    private Map<TopicPartition, Long> endOffsets = Map.of();
    final String groupId;
    private final KafkaClients kafka;
    private final MeterRegistry registry;
    private volatile boolean running = true;
    volatile KafkaConsumer<String, byte[]> consumer;
    /** The replay generation this instance applies ({@link Epochs}); moved by the consumer's thread only. */
    volatile long epoch;
    /** Set when an apply found a newer epoch in the database: the consumer's thread rewinds before going on. */
    volatile boolean staleEpoch;
    private long nextEpochCheck;
    /** Offsets whose commit was refused (a rebalance under way), sent again with the next commit; this thread only. */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

    ConsumerWorker(EventHandler handler, String groupId, Shared shared) {
        super("consumer-" + handler.name());
        setDaemon(true);
        this.handler = handler;
        this.name = handler.name();
        this.groupId = groupId;
        this.config = shared.config();
        this.kafka = shared.kafka();
        this.inbox = shared.inbox();
        this.epochs = shared.epochs();
        this.registry = shared.registry();
        this.replay = new Replay(name, inbox, epochs);
        this.tracing = shared.tracing();
        this.deadLetters = new DeadLetters(name, groupId, kafka, registry, this::backoff, this::running);
    }

    /** Takes the poll's records (false only when shutting down: what is not committed is redelivered next time). */
    abstract boolean consume(ConsumerRecords<String, byte[]> records) throws InterruptedException;

    /** One event's effect and its inbox record, in the caller's transaction. */
    abstract void applyInTransaction(String topic, EventEnvelope event);

    /** Where the consumer stands in a partition for a replay's progress, counting only what is applied. */
    abstract long replayPosition(TopicPartition partition, long begin);

    /** Settings of this consumer beyond {@link KafkaClients#consumer}'s. */
    Map<String, Object> consumerOverrides() {
        return Map.of();
    }

    /** Once subscribed, before the first poll. */
    void beforeLoop() {
    }

    /** Before a replay starts: false when shutting down meanwhile. */
    boolean readyForReplay() throws InterruptedException {
        return true;
    }

    /** Right after each poll, before the lag is measured. */
    void afterPoll() {
    }

    /** Records polled but not applied yet: they still lag. */
    long unapplied() {
        return 0;
    }

    /**
     * Partitions about to go to another instance ({@code commit}) or already gone (a lost session): whatever of
     * them is being applied is finished first, and what was applied committed while they are still ours.
     */
    void release(Collection<TopicPartition> partitions, boolean commit) {
        if (commit) {
            commit(Map.of()); // offsets deferred by a rebalance, while the partitions are still ours
        }
    }

    /** On the way out, before the consumer is closed. */
    void stopping() {
    }

    /** True while this consumer's threads run (the readiness check). */
    boolean alive() {
        return isAlive();
    }

    boolean running() {
        return running;
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
        Backoff backoff = backoff();
        try {
            while (running && !kafka.ensureTopics()) {
                backoff.sleep();
            }
            while (running && !readEpoch()) {
                backoff.sleep();
            }
            nextEpochCheck = System.nanoTime() + config.epochCheck().toNanos();
            consumer = kafka.consumer(groupId, consumerOverrides());
            consumer.subscribe(List.copyOf(handler.topics()), new Rebalance(this));
            beforeLoop();
            while (running) {
                Replay.Request asked = replay.pending();
                if (asked != null) {
                    if (!readyForReplay()) {
                        return;
                    }
                    Long started = replay.start(asked, consumer, handler.topics(), this::running,
                            this::replayPosition);
                    if (started != null) {
                        epoch = started;
                        staleEpoch = false;
                        dropUncommitted();
                    }
                } else if ((staleEpoch || System.nanoTime() - nextEpochCheck >= 0) && !followEpoch()) {
                    return;
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
                afterPoll();
                measureLag();
                if (!records.isEmpty() && !consume(records)) {
                    return;
                }
                replay.track(consumer, this::replayPosition);
            }
        } catch (WakeupException | InterruptedException e) {
            // shutdown
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer %s stopped", name);
        } finally {
            stopping();
            closeQuietly();
        }
    }

    /**
     * Another instance started a replay (the epoch in the database moved): once nothing polled is left to apply,
     * every partition of this instance is read again from its beginning under the new epoch. False only when
     * shutting down meanwhile.
     */
    private boolean followEpoch() throws InterruptedException {
        nextEpochCheck = System.nanoTime() + config.epochCheck().toNanos();
        long now;
        try {
            now = epochs.read(name);
        } catch (RuntimeException e) {
            LOG.debugf("consumer %s: epoch check failed (%s)", name, Failures.describe(e));
            return true; // the database is away: the applies wait for it as well
        }
        if (now == epoch) {
            staleEpoch = false;
            return true;
        }
        if (!readyForReplay()) {
            return false;
        }
        LOG.infof("consumer %s: epoch %d -> %d (a replay elsewhere), reading the partitions again", name, epoch, now);
        epoch = now;
        staleEpoch = false;
        dropUncommitted();
        consumer.seekToBeginning(consumer.assignment());
        replay.follow(consumer, handler.topics(), now, this::replayPosition);
        return true;
    }

    /** The consumer's epoch at start-up; false while the database cannot be reached. */
    private boolean readEpoch() {
        try {
            epoch = epochs.current(name);
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("consumer %s: epoch not read yet (%s)", name, Failures.describe(e));
            return false;
        }
    }

    /**
     * Newly assigned partitions whose committed offset belongs to an older epoch (or to none, after a replay) are
     * read from their beginning: their previous owner had not followed the replay yet.
     */
    final void claim(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty() || epoch == 0) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        List<TopicPartition> rewind = partitions.stream().filter(tp -> {
            OffsetAndMetadata om = committed.get(tp);
            return om != null && Epochs.of(om.metadata()) < epoch;
        }).toList();
        if (!rewind.isEmpty()) {
            LOG.infof("consumer %s: %s committed before epoch %d, read from the beginning", name, rewind, epoch);
            consumer.seekToBeginning(rewind);
        }
    }

    /** The offsets with this instance's epoch as their metadata. */
    final Map<TopicPartition, OffsetAndMetadata> stamped(Map<TopicPartition, OffsetAndMetadata> done) {
        String metadata = Epochs.metadata(epoch);
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        done.forEach((tp, om) -> out.put(tp, new OffsetAndMetadata(om.offset(), metadata)));
        return out;
    }

    /** One event in its own transaction, retried, else dead-lettered. Returns false only when shutting down. */
    final boolean applyOne(ConsumerRecord<String, byte[]> record, EventEnvelope event) throws InterruptedException {
        Backoff backoff = backoff();
        int attempts = 0;
        while (running) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyInTransaction(record.topic(), event));
                processed(1);
                return true;
            } catch (RuntimeException e) {
                if (Epochs.stale(e)) {
                    staleEpoch = true; // not applied: read again under the new epoch
                    return true;
                }
                switch (Failures.kind(e)) {
                    case PERMANENT -> {
                        return deadLetters.send(record, Failures.permanentCause(e).getMessage());
                    }
                    case TRANSIENT -> retrying(e, backoff);
                    case RETRY_THEN_DEAD_LETTER -> {
                        if (++attempts >= config.maxAttempts()) {
                            return deadLetters.send(record, "failed " + attempts + " times: " + Failures.describe(e));
                        }
                        LOG.warnf(e, "consumer %s: attempt %d failed", name, attempts);
                    }
                }
                backoff.sleep();
            }
        }
        return false;
    }

    /** Logs a transient failure before the caller backs off and tries again. */
    final void retrying(Throwable e, Backoff backoff) {
        LOG.warnf("consumer %s: %s, retrying in %s", name, Failures.describe(e), backoff.peek());
    }

    final void processed(int events) {
        registry.counter("pipeline.consumer.processed", "consumer", name).increment(events);
    }

    final Backoff backoff() {
        return new Backoff(config.backoffInitial(), config.backoffMax());
    }

    /**
     * Commits and waits for the broker. A commit refused while the group rebalances is kept and sent again with the
     * next one (for the partitions still ours); any failed commit only means the records come again.
     */
    final void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        Map<TopicPartition, OffsetAndMetadata> offsets = withUncommitted(done);
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(stamped(offsets));
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // A rebalance or broker loss: the records come again and are recognised as processed.
            commitFailed(offsets, e);
        }
    }

    /** Commits without waiting for the broker (failures as in {@link #commit}). */
    final void commitAsync(Map<TopicPartition, OffsetAndMetadata> done) {
        Map<TopicPartition, OffsetAndMetadata> offsets = withUncommitted(done);
        if (!offsets.isEmpty()) {
            // The callback runs on this thread, inside a later poll or commit.
            consumer.commitAsync(stamped(offsets), (committed, e) -> {
                if (e != null) {
                    commitFailed(offsets, e);
                }
            });
        }
    }

    /** Forgets the offsets kept from failed commits (a rewind makes them meaningless). */
    final void dropUncommitted() {
        uncommitted.clear();
    }

    private Map<TopicPartition, OffsetAndMetadata> withUncommitted(Map<TopicPartition, OffsetAndMetadata> done) {
        Map<TopicPartition, OffsetAndMetadata> all = new HashMap<>(uncommitted);
        uncommitted.clear();
        all.putAll(done); // later offsets win
        all.keySet().retainAll(consumer.assignment()); // never move the next owner's offsets back
        return all;
    }

    private void commitFailed(Map<TopicPartition, OffsetAndMetadata> offsets, Exception e) {
        offsets.forEach((tp, om) -> uncommitted.merge(tp, om, (a, b) -> a.offset() >= b.offset() ? a : b));
        if (e instanceof RebalanceInProgressException || e instanceof RetriableCommitFailedException) {
            LOG.debugf("consumer %s: commit deferred (%s)", name, e.getMessage());
        } else {
            LOG.warnf("consumer %s: commit failed (%s), records will be redelivered", name, e.getMessage());
        }
    }

    /**
     * Records behind the partitions' ends, plus those polled but not applied yet. The client's own figure
     * ({@code currentLag}) knows a partition's end only from the last fetch that carried it: under a bulk load over
     * 12 partitions it read 95,000 while the consumer was 1.1 million behind. So the ends are also asked for, once a
     * second, and the larger of the two counts.
     */
    private void measureLag() {
        Set<TopicPartition> assigned = consumer.assignment();
        long now = System.nanoTime();
        if (now - nextEndOffsets >= 0) {
            nextEndOffsets = now + END_OFFSETS_EVERY_NANOS;
            try {
                endOffsets = consumer.endOffsets(assigned, END_OFFSETS_TIMEOUT);
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                endOffsets = Map.of(); // the client's figure alone until the next try
            }
        }
        long total = 0;
        for (TopicPartition tp : assigned) {
            OptionalLong l = consumer.currentLag(tp);
            long behind = l.isPresent() ? l.getAsLong() : 0;
            Long end = endOffsets.get(tp);
            if (end != null) {
                try {
                    behind = Math.max(behind, end - consumer.position(tp, POSITION_TIMEOUT));
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    // no position yet (being reset): the client's figure
                }
            }
            total += behind;
        }
        lag.set(total + unapplied()); // polled but not applied yet still lags
    }

    private void closeQuietly() {
        try {
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(2));
            }
        } catch (RuntimeException e) {
            LOG.debugf("closing consumer %s: %s", name, e.getMessage());
        }
        deadLetters.close();
    }
}
