package cn.zz.pipeline.platform.consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Replaying one consumer's topics from the beginning. Asked for from any thread ({@link #request}); started by the
 * consumer's own thread between two polls ({@link #start}): the reset runs in a transaction of its own together with
 * forgetting the consumer's inbox and bumping its epoch ({@link Epochs}), then every partition this instance holds is
 * read again from its first offset. The other instances of the service notice the new epoch (within
 * {@code pipeline.consumer.epoch-check}, or at once when an apply of theirs is refused) and rewind theirs too
 * ({@link #follow}). Progress is measured over every partition of the topics against the end offsets at that moment:
 * the partitions held here by their position, the others by the offsets their owners committed under the new epoch,
 * so each instance reports the progress of the whole group.
 */
final class Replay {

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class); // the consumer's one log category

    /** Where the consumer stands in a partition, counting only what is applied; may throw once it is not assigned. */
    interface Positions {
        long of(TopicPartition partition, long begin);
    }

    record Request(Runnable reset, Instant requestedAt) {
    }

    /** A replay under way or done: offsets are read and written by the consumer's thread only. */
    private static final class Progress {
        final Instant startedAt;
        final Map<TopicPartition, Long> begin;
        final Map<TopicPartition, Long> end;
        final long total;
        volatile long done;
        volatile Instant finishedAt;
        volatile String failure;

        Progress(Instant startedAt, Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
            this.startedAt = startedAt;
            this.begin = begin;
            this.end = end;
            this.total = end.entrySet().stream().mapToLong(e -> e.getValue() - begin.getOrDefault(e.getKey(), 0L)).sum();
        }
    }

    /** How long a replay waits for this instance to be given partitions before it starts without. */
    private static final long JOIN_WAIT_NANOS = 15_000_000_000L;

    /** How often the offsets committed by the other instances are fetched for the progress. */
    private static final long COMMITTED_EVERY_NANOS = 1_000_000_000L;

    private final String name;
    private final Inbox inbox;
    private final Epochs epochs;
    private final AtomicReference<Request> request = new AtomicReference<>();
    private volatile Progress progress;
    private long epoch;
    private Map<TopicPartition, Long> committedElsewhere = Map.of();
    private long nextCommittedFetch;

    Replay(String name, Inbox inbox, Epochs epochs) {
        this.name = name;
        this.inbox = inbox;
        this.epochs = epochs;
    }

    /**
     * Synchronized: of two requests at once one wins and the other is refused (the caller answers 409), instead of
     * both passing the check. The consumer's thread shows RUNNING before it clears the request, so a request is never
     * seen as neither.
     *
     * @throws IllegalStateException when a replay is already requested or running
     */
    synchronized ReplayStatus request(Runnable reset) {
        ReplayStatus now = status();
        if (now != null && (now.state() == ReplayStatus.State.REQUESTED || now.state() == ReplayStatus.State.RUNNING)) {
            throw new IllegalStateException("a replay of " + name + " is under way");
        }
        request.set(new Request(reset, Instant.now()));
        return status();
    }

    /** The request the consumer's thread has not started yet, or null. */
    Request pending() {
        return request.get();
    }

    /** The last replay (requested, under way or finished), null if none was asked for. */
    ReplayStatus status() {
        Request pending = request.get();
        if (pending != null) {
            return new ReplayStatus(name, ReplayStatus.State.REQUESTED, pending.requestedAt(), null, 0, 0, 0, 0);
        }
        Progress r = progress;
        if (r == null) {
            return null;
        }
        ReplayStatus.State state = r.failure != null ? ReplayStatus.State.FAILED
                : r.finishedAt != null ? ReplayStatus.State.DONE : ReplayStatus.State.RUNNING;
        Instant until = r.finishedAt != null ? r.finishedAt : Instant.now();
        double seconds = Math.max(0.001, Duration.between(r.startedAt, until).toMillis() / 1000.0);
        double percent = r.total == 0 ? 100.0 : Math.floor(1000.0 * r.done / r.total) / 10.0;
        return new ReplayStatus(name, state, r.startedAt, r.finishedAt, r.total, r.done, percent,
                Math.round(r.done / seconds * 10) / 10.0);
    }

    /**
     * On the consumer's thread, with nothing polled left to apply: drops the read models, bumps the epoch and rewinds
     * every assigned partition; records polled meanwhile are read again. Returns the new epoch, null if the reset
     * failed.
     */
    Long start(Request asked, Consumer<String, byte[]> consumer, Set<String> topics, BooleanSupplier running,
               Positions positions) {
        // Joins the group first (what the polls return is re-read below); an instance that gets no partition (more
        // instances than partitions) replays all the same: the others follow the epoch.
        long until = System.nanoTime() + JOIN_WAIT_NANOS;
        while (consumer.assignment().isEmpty() && running.getAsBoolean() && System.nanoTime() - until < 0) {
            consumer.poll(Duration.ofMillis(100));
        }
        Instant started = Instant.now();
        // Shown as RUNNING from here on, so a second request meanwhile is refused (409), not queued.
        progress = new Progress(started, Map.of(), Map.of());
        request.set(null);
        long next;
        try {
            next = QuarkusTransaction.requiringNew().call(() -> {
                // First: waits for the other instances' applies under way, and refuses the later ones.
                long e = epochs.bump(name);
                asked.reset().run();
                inbox.forget(name); // the stream positions go with the read models
                return e;
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer %s: replay reset failed", name);
            Progress failed = new Progress(started, Map.of(), Map.of());
            failed.failure = Failures.describe(e);
            failed.finishedAt = Instant.now();
            progress = failed;
            return null;
        }
        epoch = next;
        consumer.seekToBeginning(consumer.assignment());
        measure(started, consumer, topics, positions);
        return next;
    }

    /** Another instance started a replay (epoch moved): this one's partitions were rewound; report its progress. */
    void follow(Consumer<String, byte[]> consumer, Set<String> topics, long newEpoch, Positions positions) {
        try {
            epoch = newEpoch;
            measure(Instant.now(), consumer, topics, positions);
        } catch (RuntimeException e) {
            LOG.debugf("consumer %s: replay progress not measured (%s)", name, e.getMessage());
        }
    }

    private void measure(Instant started, Consumer<String, byte[]> consumer, Set<String> topics, Positions positions) {
        Set<TopicPartition> all = new HashSet<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
        }
        Map<TopicPartition, Long> begin = new HashMap<>(consumer.beginningOffsets(all));
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(all));
        committedElsewhere = Map.of();
        nextCommittedFetch = System.nanoTime();
        progress = new Progress(started, begin, end);
        LOG.infof("consumer %s: replaying %d records of %d partitions (%d here)", name, progress.total, all.size(),
                consumer.assignment().size());
        track(consumer, positions);
    }

    /** After each poll, on the consumer's thread: counts what is applied of the replay, and notes when it is done. */
    void track(Consumer<String, byte[]> consumer, Positions positions) {
        Progress r = progress;
        if (r == null || r.finishedAt != null) {
            return;
        }
        Set<TopicPartition> mine = consumer.assignment();
        if (System.nanoTime() - nextCommittedFetch >= 0) {
            nextCommittedFetch = System.nanoTime() + COMMITTED_EVERY_NANOS;
            committedElsewhere = committedUnderThisEpoch(consumer, r.end.keySet(), mine);
        }
        long done = 0;
        for (Map.Entry<TopicPartition, Long> e : r.end.entrySet()) {
            long begin = r.begin.getOrDefault(e.getKey(), 0L);
            long position;
            try {
                position = mine.contains(e.getKey()) ? positions.of(e.getKey(), begin)
                        : committedElsewhere.getOrDefault(e.getKey(), begin);
            } catch (RuntimeException notAssigned) {
                position = committedElsewhere.getOrDefault(e.getKey(), begin); // taken away by a rebalance
            }
            done += Math.max(0, Math.min(position, e.getValue()) - begin);
        }
        r.done = done;
        if (done >= r.total) {
            r.finishedAt = Instant.now();
            LOG.infof("consumer %s: replay of %d records done", name, r.total);
        }
    }

    /** The group's committed offsets of the partitions held elsewhere, those committed under the current epoch. */
    private Map<TopicPartition, Long> committedUnderThisEpoch(Consumer<String, byte[]> consumer,
                                                              Set<TopicPartition> all, Set<TopicPartition> mine) {
        Set<TopicPartition> others = new HashSet<>(all);
        others.removeAll(mine);
        if (others.isEmpty()) {
            return Map.of();
        }
        long current = epoch;
        Map<TopicPartition, Long> out = new HashMap<>();
        try {
            consumer.committed(others, Duration.ofSeconds(2)).forEach((tp, om) -> {
                if (om != null && Epochs.of(om.metadata()) >= current) {
                    out.put(tp, om.offset());
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf("consumer %s: committed offsets not read (%s)", name, e.getMessage());
            return committedElsewhere;
        }
        return out;
    }
}
