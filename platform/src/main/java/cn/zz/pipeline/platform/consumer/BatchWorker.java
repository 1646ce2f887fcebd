package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consumer of a {@link BatchEventHandler}, in two stages: this thread polls and decodes, the {@link BatchApplier}
 * applies the previous poll in its transaction meanwhile; offsets are committed here once it is applied. Batches are
 * applied one at a time, in the order polled, so per-partition order holds.
 */
final class BatchWorker extends ConsumerWorker {

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class); // the consumer's one log category

    private final BatchEventHandler batch;
    private volatile BatchApplier applier;
    /** The positions reached by the polls applied and committed (this thread only). */
    private final Map<TopicPartition, Long> appliedPositions = new HashMap<>();

    BatchWorker(BatchEventHandler batch, String groupId, Shared shared) {
        super(batch, groupId, shared);
        this.batch = batch;
    }

    /**
     * A whole poll is one batch; each partition's fetch must be able to fill it when behind. A fetch response as a
     * whole is held to the same size: Kafka's default (50 MB) over 12 partitions of a bulk load ran a 256 MB heap
     * out of memory, with a decoded batch being applied and the next waiting beside the fetched bytes.
     */
    @Override
    Map<String, Object> consumerOverrides() {
        int fetch = Math.max(1 << 20, batch.maxBatch() * 512);
        return Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batch.maxBatch(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, fetch,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, fetch);
    }

    @Override
    void beforeLoop() {
        applier = new BatchApplier(this, batch);
        applier.start();
    }

    @Override
    boolean consume(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        while (!applier.awaitRoom(records.count(), batch.maxBatch())) {
            if (!running() || !applier.isAlive()) {
                return false;
            }
        }
        Polled polled = Polled.decode(records, consumer, batch);
        if (staleEpoch) {
            return true; // read again once the consumer has followed the replay
        }
        while (!applier.offer(polled, batch.maxBatch())) {
            if (!running() || !applier.isAlive()) {
                return false;
            }
        }
        if (polled.records().size() < batch.maxBatch() / 2) {
            // Caught up: overlapping buys nothing, and polling on would only cut what has come into slivers.
            // Wait for this poll to be applied, so the next one takes everything that arrived meanwhile.
            applier.awaitIdle();
        }
        return true;
    }

    @Override
    void afterPoll() {
        commitApplied(false);
    }

    /** The fresh events of the deliveries (by stream position, {@link Inbox#fresh}) to the handler, all or nothing. */
    void applyFresh(List<Inbox.Delivery> deliveries) {
        epochs.fence(name, epoch);
        List<EventEnvelope> fresh = inbox.fresh(name, deliveries);
        if (!fresh.isEmpty()) {
            batch.handleBatch(fresh);
        }
    }

    @Override
    void applyInTransaction(String topic, EventEnvelope event) {
        applyFresh(List.of(new Inbox.Delivery(topic, event)));
    }

    /** The applier must be idle before a replay rewinds the consumer. */
    @Override
    boolean readyForReplay() throws InterruptedException {
        if (!drain()) {
            return false;
        }
        appliedPositions.clear();
        return true;
    }

    /** A poll counts once applied: the positions it reached, or where the consumer stands when nothing is pending. */
    @Override
    long replayPosition(TopicPartition partition, long begin) {
        BatchApplier a = applier;
        return a == null || a.inFlightBatches() == 0 ? consumer.position(partition)
                : appliedPositions.getOrDefault(partition, begin);
    }

    @Override
    void release(Collection<TopicPartition> partitions, boolean commit) {
        BatchApplier a = applier;
        if (a == null) {
            return;
        }
        try {
            if (!drain(config.drainTimeout())) {
                LOG.warnf("consumer %s: %s handed over while a batch of them is still being applied (the stream"
                        + " positions keep it from being applied twice)", name, partitions);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (commit) {
            commitApplied(true);
        }
        partitions.forEach(appliedPositions::remove);
    }

    @Override
    long unapplied() {
        BatchApplier a = applier;
        return a == null ? 0 : a.inFlightRecords();
    }

    @Override
    boolean alive() {
        BatchApplier a = applier;
        return isAlive() && (a == null || a.isAlive());
    }

    @Override
    void stopping() {
        BatchApplier a = applier;
        if (a == null) {
            return;
        }
        try {
            a.join(10_000); // lets a transaction under way finish; what is not committed comes again
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            for (Polled p; (p = a.applied.poll()) != null; ) {
                done.putAll(p.offsets());
            }
            if (!done.isEmpty() && consumer != null) {
                commit(done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debugf("consumer %s: last commit: %s", name, e.getMessage());
        }
    }

    /** Waits until every handed-over poll is applied and commits it; false if the applier stopped first. */
    private boolean drain() throws InterruptedException {
        if (!drain(null)) {
            return false;
        }
        commitApplied(false);
        return true;
    }

    /** Waits until every handed-over poll is applied: false if the applier stopped or {@code timeout} passed first. */
    private boolean drain(Duration timeout) throws InterruptedException {
        long until = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        while (applier.inFlightBatches() > 0) {
            if (!running() || !applier.isAlive() || (timeout != null && System.nanoTime() - until >= 0)) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * Commits the offsets of the polls the applier has finished, and notes the positions they reached. Without
     * waiting for the broker: the stream positions in the database already keep a redelivered event from being
     * applied twice, so a commit lost in a crash costs only a re-read, not a wrong figure.
     */
    private void commitApplied(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (Polled p; (p = applier.applied.poll()) != null; ) {
            done.putAll(p.offsets());
            appliedPositions.putAll(p.positions());
        }
        if (staleEpoch) {
            dropUncommitted();
            return; // polls of an older epoch: read again from the beginning, nothing of them counts
        }
        if (sync) {
            commit(done);
        } else {
            commitAsync(done);
        }
    }
}
