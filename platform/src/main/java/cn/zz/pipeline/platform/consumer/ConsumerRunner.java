package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.InvalidEventException;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.kafka.Backoff;
import cn.zz.pipeline.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every {@link EventHandler} bean on its own Kafka consumer thread. Per record: decode and validate the
 * envelope (an invalid one goes to the dead-letter topic), then apply it in one transaction together with its
 * processed-event record. A lost database or broker connection is retried without end, never skipped; any other
 * handler failure is retried a few times and then dead-lettered, and the consumer goes on. Offsets are committed
 * after the effects, so a crash means redelivery, which the processed-event records absorb. A
 * {@link BatchEventHandler} gets a whole poll in one transaction instead (see there); a batch that fails is applied
 * in halves, down to the poison event. Each consumer's lag (records
 * not yet read behind the end of its partitions) is the gauge {@code pipeline.consumer.lag}, and a consumer can be
 * replayed from the beginning of its topics ({@link #replay}).
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
            Gauge.builder("pipeline.consumer.lag", worker.lag, AtomicLong::get).tag("consumer", worker.name)
                    .description("records behind the end of the consumer's partitions").register(registry);
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
        return workers.stream().allMatch(w -> w.isAlive() && (w.applier == null || w.applier.isAlive()));
    }

    public List<String> consumerNames() {
        return workers.stream().map(w -> w.name).toList();
    }

    /**
     * Replays a consumer's topics from the beginning: on the consumer's own thread, between two polls, {@code reset}
     * runs in a transaction of its own (it drops the read models), then every assigned partition is read again from
     * its first offset. Progress is measured against the end offsets at that moment. Assumes this instance holds
     * every partition of the group (one instance per service, as deployed here).
     *
     * @throws IllegalStateException when no such consumer runs or a replay of it is already under way
     */
    public ReplayStatus replay(String consumerName, Runnable reset) {
        Worker w = worker(consumerName).orElseThrow(() -> new IllegalStateException("no consumer " + consumerName));
        ReplayStatus now = w.replayStatus();
        if (now != null && (now.state() == ReplayStatus.State.REQUESTED || now.state() == ReplayStatus.State.RUNNING)) {
            throw new IllegalStateException("a replay of " + consumerName + " is under way");
        }
        w.replayRequest.set(new ReplayRequest(reset, Instant.now()));
        return w.replayStatus();
    }

    /** The last replay of a consumer (under way or finished), empty if none was asked for since start-up. */
    public Optional<ReplayStatus> replayStatus(String consumerName) {
        return worker(consumerName).map(Worker::replayStatus);
    }

    /** Records the consumer has not yet read, summed over its partitions (-1 before its first poll). */
    public long lag(String consumerName) {
        return worker(consumerName).map(w -> w.lag.get()).orElse(-1L);
    }

    private Optional<Worker> worker(String name) {
        return workers.stream().filter(w -> w.name.equals(name)).findFirst();
    }

    private record ReplayRequest(Runnable reset, Instant requestedAt) {
    }

    /** A record's event, or why it cannot be one. */
    private record Decoded(EventEnvelope event, String failure) {
    }

    /** A decoded poll: its records in order, their offsets to commit, and the positions reached after the poll. */
    private record Polled(List<ConsumerRecord<String, byte[]>> records, Decoded[] decoded,
                          Map<TopicPartition, OffsetAndMetadata> offsets, Map<TopicPartition, Long> positions) {

        /** This poll and a later one as one batch: records in order, the later offsets and positions win. */
        Polled followedBy(Polled later) {
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.size() + later.records.size());
            all.addAll(records);
            all.addAll(later.records);
            Decoded[] both = java.util.Arrays.copyOf(decoded, decoded.length + later.decoded.length);
            System.arraycopy(later.decoded, 0, both, decoded.length, later.decoded.length);
            Map<TopicPartition, OffsetAndMetadata> o = new HashMap<>(offsets);
            o.putAll(later.offsets);
            Map<TopicPartition, Long> p = new HashMap<>(positions);
            p.putAll(later.positions);
            return new Polled(all, both, o, p);
        }
    }

    /** A replay under way or done: offsets are read and written by the worker thread only. */
    private static final class ReplayProgress {
        final Instant startedAt;
        final Map<TopicPartition, Long> begin;
        final Map<TopicPartition, Long> end;
        final long total;
        volatile long done;
        volatile Instant finishedAt;
        volatile String failure;

        ReplayProgress(Instant startedAt, Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
            this.startedAt = startedAt;
            this.begin = begin;
            this.end = end;
            this.total = end.entrySet().stream().mapToLong(e -> e.getValue() - begin.getOrDefault(e.getKey(), 0L)).sum();
        }
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
        final AtomicLong lag = new AtomicLong(-1);
        final AtomicReference<ReplayRequest> replayRequest = new AtomicReference<>();
        private volatile ReplayProgress replay;
        // Batch handlers: the applier thread, the polls handed to it and not applied yet, the positions applied.
        private volatile Applier applier;
        private final AtomicLong inFlightBatches = new AtomicLong();
        private final AtomicLong inFlightRecords = new AtomicLong();
        private final Map<TopicPartition, Long> appliedPositions = new HashMap<>();

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
                // A batch handler takes a whole poll; each partition's fetch must be able to fill it when behind.
                Map<String, Object> overrides = handler instanceof BatchEventHandler b
                        ? Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, b.maxBatch(),
                                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Math.max(1 << 20, b.maxBatch() * 512))
                        : Map.of();
                consumer = kafka.consumer(groupId(handler), overrides);
                consumer.subscribe(List.copyOf(handler.topics()));
                if (handler instanceof BatchEventHandler batch) {
                    runPipelined(batch);
                    return;
                }
                while (running) {
                    ReplayRequest asked = replayRequest.get();
                    if (asked != null) {
                        startReplay(asked);
                    }
                    ConsumerRecords<String, byte[]> records = consumer.poll(config.consumer().pollTimeout());
                    measureLag();
                    if (records.isEmpty()) {
                        trackReplay();
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
                    trackReplay();
                }
            } catch (WakeupException | InterruptedException e) {
                // shutdown
            } catch (RuntimeException e) {
                LOG.errorf(e, "consumer %s stopped", name);
            } finally {
                stopApplier();
                closeQuietly();
            }
        }

        /**
         * The loop of a batch handler, in two stages: this thread polls and decodes, {@link Applier} applies the
         * previous poll in its transaction meanwhile; offsets are committed here once it is applied. Batches are
         * applied one at a time, in the order polled, so per-partition order holds.
         */
        private void runPipelined(BatchEventHandler batch) throws InterruptedException {
            applier = new Applier(batch);
            applier.start();
            while (running) {
                ReplayRequest asked = replayRequest.get();
                if (asked != null) {
                    if (!drain()) {
                        return;
                    }
                    startReplay(asked);
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(config.consumer().pollTimeout());
                commitApplied();
                measureLag();
                if (records.isEmpty()) {
                    trackReplay();
                    continue;
                }
                Polled polled = decode(records);
                inFlightRecords.addAndGet(polled.records().size());
                while (!applier.offer(polled, batch.maxBatch())) {
                    if (!running || !applier.isAlive()) {
                        return;
                    }
                }
                if (polled.records().size() < batch.maxBatch() / 2) {
                    // Caught up: overlapping buys nothing, and polling on would only cut what has come into slivers.
                    // Wait for this poll to be applied, so the next one takes everything that arrived meanwhile.
                    applier.awaitIdle();
                }
                trackReplay();
            }
        }

        /** Waits until every handed-over poll is applied and commits it; false if the applier stopped first. */
        private boolean drain() throws InterruptedException {
            while (inFlightBatches.get() > 0) {
                if (!running || !applier.isAlive()) {
                    return false;
                }
                Thread.sleep(10);
            }
            commitApplied();
            return true;
        }

        /**
         * Commits the offsets of the polls the applier has finished, and notes the positions they reached. Without
         * waiting for the broker: the stream positions in the database already keep a redelivered event from being
         * applied twice, so a commit lost in a crash costs only a re-read, not a wrong figure.
         */
        private void commitApplied() {
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            for (Polled p; (p = applier.applied.poll()) != null; ) {
                done.putAll(p.offsets());
                appliedPositions.putAll(p.positions());
            }
            if (!done.isEmpty()) {
                consumer.commitAsync(done, (offsets, e) -> {
                    if (e != null) {
                        LOG.warnf("consumer %s: commit failed (%s), records will be redelivered", name, e.getMessage());
                    }
                });
            }
        }

        private void stopApplier() {
            Applier a = applier;
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

        /** Decodes a poll (JSON parse, schema check, binding), noting its offsets and the positions reached. */
        private Polled decode(ConsumerRecords<String, byte[]> records) {
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (TopicPartition tp : records.partitions()) {
                List<ConsumerRecord<String, byte[]>> list = records.records(tp);
                all.addAll(list);
                offsets.put(tp, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
            }
            for (TopicPartition tp : consumer.assignment()) {
                positions.put(tp, consumer.position(tp)); // past transaction markers too, unlike the offsets
            }
            // On this thread alone: it runs beside the applier, which is the slower stage; decoding on more threads
            // would only take CPU from the applier and the database.
            Decoded[] decoded = new Decoded[all.size()];
            for (int i = 0; i < decoded.length; i++) {
                decoded[i] = decode(all.get(i));
            }
            return new Polled(all, decoded, offsets, positions);
        }

        /**
         * Applies the decoded polls handed over by the worker thread, one transaction each. While it applies one,
         * the polls that arrive meanwhile are merged into the next (up to the handler's batch size), so a projection
         * that keeps up applies whatever has arrived in one go instead of queueing small batches behind each other.
         */
        private final class Applier extends Thread {
            final java.util.concurrent.ConcurrentLinkedQueue<Polled> applied =
                    new java.util.concurrent.ConcurrentLinkedQueue<>();
            private final BatchEventHandler batch;
            private Polled next; // guarded by this

            Applier(BatchEventHandler batch) {
                super("consumer-" + name + "-apply");
                setDaemon(true);
                this.batch = batch;
            }

            /** Hands a poll over, merged into the waiting one if that stays within {@code max}; false after 200 ms. */
            synchronized boolean offer(Polled p, int max) throws InterruptedException {
                long until = System.nanoTime() + 200_000_000L;
                while (next != null && next.records().size() + p.records().size() > max) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                if (next == null) {
                    next = p;
                    inFlightBatches.incrementAndGet();
                } else {
                    next = next.followedBy(p);
                }
                notifyAll();
                return true;
            }

            /** Returns once nothing is pending or being applied (or after 200 ms, to look at the worker's state). */
            synchronized void awaitIdle() throws InterruptedException {
                long until = System.nanoTime() + 200_000_000L;
                while (inFlightBatches.get() > 0 && running) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            }

            private synchronized void applied(Polled p) {
                applied.add(p);
                inFlightRecords.addAndGet(-p.records().size());
                inFlightBatches.decrementAndGet();
                notifyAll();
            }

            private synchronized Polled take() throws InterruptedException {
                long until = System.nanoTime() + 200_000_000L;
                while (next == null) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        return null;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                Polled p = next;
                next = null;
                notifyAll();
                return p;
            }

            @Override
            public void run() {
                try {
                    while (running) {
                        Polled p = take();
                        if (p == null) {
                            continue;
                        }
                        if (!processBatch(batch, p)) {
                            return; // shutting down: what is not committed comes again
                        }
                        applied(p);
                    }
                } catch (InterruptedException e) {
                    // shutdown
                } catch (RuntimeException e) {
                    LOG.errorf(e, "consumer %s stopped", name);
                    shutdown();
                }
            }
        }

        ReplayStatus replayStatus() {
            ReplayRequest pending = replayRequest.get();
            if (pending != null) {
                return new ReplayStatus(name, ReplayStatus.State.REQUESTED, pending.requestedAt(), null, 0, 0, 0, 0);
            }
            ReplayProgress r = replay;
            if (r == null) {
                return null;
            }
            ReplayStatus.State state = r.failure != null ? ReplayStatus.State.FAILED
                    : r.finishedAt != null ? ReplayStatus.State.DONE : ReplayStatus.State.RUNNING;
            Instant until = r.finishedAt != null ? r.finishedAt : Instant.now();
            double seconds = Math.max(0.001, java.time.Duration.between(r.startedAt, until).toMillis() / 1000.0);
            double percent = r.total == 0 ? 100.0 : Math.floor(1000.0 * r.done / r.total) / 10.0;
            return new ReplayStatus(name, state, r.startedAt, r.finishedAt, r.total, r.done, percent,
                    Math.round(r.done / seconds * 10) / 10.0);
        }

        /** Drops the read models and rewinds every assigned partition; records polled meanwhile are read again. */
        private void startReplay(ReplayRequest asked) {
            Set<TopicPartition> parts = consumer.assignment();
            while (parts.isEmpty() && running) {
                consumer.poll(java.time.Duration.ofMillis(100)); // joins the group; what it returns is re-read below
                parts = consumer.assignment();
            }
            Instant started = Instant.now();
            appliedPositions.clear();
            // Shown as RUNNING from here on, so a second request meanwhile is refused (409), not queued.
            replay = new ReplayProgress(started, Map.of(), Map.of());
            replayRequest.set(null);
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    asked.reset().run();
                    inbox.forget(name); // the stream positions go with the read models
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "consumer %s: replay reset failed", name);
                ReplayProgress failed = new ReplayProgress(started, Map.of(), Map.of());
                failed.failure = Failures.describe(e);
                failed.finishedAt = Instant.now();
                replay = failed;
                return;
            }
            Map<TopicPartition, Long> begin = new HashMap<>(consumer.beginningOffsets(parts));
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(parts));
            consumer.seekToBeginning(parts);
            replay = new ReplayProgress(started, begin, end);
            LOG.infof("consumer %s: replaying %d records of %s", name, replay.total, parts);
            trackReplay();
        }

        private void trackReplay() {
            ReplayProgress r = replay;
            if (r == null || r.finishedAt != null) {
                return;
            }
            long done = 0;
            for (Map.Entry<TopicPartition, Long> e : r.end.entrySet()) {
                long position;
                try {
                    // A batch handler's polls count once applied: the positions they reached, or where the consumer
                    // stands when nothing is pending.
                    position = applier == null || inFlightBatches.get() == 0 ? consumer.position(e.getKey())
                            : appliedPositions.getOrDefault(e.getKey(), r.begin.getOrDefault(e.getKey(), 0L));
                } catch (RuntimeException notAssigned) {
                    position = e.getValue(); // taken away by a rebalance: not ours to count
                }
                done += Math.max(0, Math.min(position, e.getValue()) - r.begin.getOrDefault(e.getKey(), 0L));
            }
            r.done = done;
            if (done >= r.total) {
                r.finishedAt = Instant.now();
                LOG.infof("consumer %s: replay of %d records done", name, r.total);
            }
        }

        private void measureLag() {
            long total = 0;
            for (TopicPartition tp : consumer.assignment()) {
                java.util.OptionalLong l = consumer.currentLag(tp);
                if (l.isPresent()) {
                    total += l.getAsLong();
                }
            }
            lag.set(total + inFlightRecords.get()); // polled but not applied yet still lags
        }

        /**
         * Decodes the poll (invalid records to the dead-letter topic) and applies the rest with {@link #applyBatch}.
         * Returns false only when shutting down.
         */
        private boolean processBatch(BatchEventHandler batch, Polled polled) throws InterruptedException {
            List<ConsumerRecord<String, byte[]>> all = polled.records();
            Decoded[] decoded = polled.decoded();
            List<ConsumerRecord<String, byte[]>> valid = new ArrayList<>(all.size());
            List<EventEnvelope> events = new ArrayList<>(all.size());
            for (int i = 0; i < decoded.length; i++) {
                if (decoded[i].event() == null) {
                    if (!deadLetter(all.get(i), decoded[i].failure())) {
                        return false;
                    }
                    continue;
                }
                valid.add(all.get(i));
                events.add(decoded[i].event());
            }
            if (events.isEmpty()) {
                return true;
            }
            return applyBatch(batch, valid, events, 0);
        }

        /**
         * One transaction for the events; when it fails for a reason other than a lost connection, each half is
         * applied on its own (in order), down to single events, so that a poison event is found in a few steps and
         * dead-lettered alone while the rest are applied. Returns false only when shutting down.
         */
        private boolean applyBatch(BatchEventHandler batch, List<ConsumerRecord<String, byte[]>> records,
                                   List<EventEnvelope> events, int depth) throws InterruptedException {
            if (events.size() == 1 && depth > 0) {
                return apply(records.get(0), events.get(0));
            }
            Backoff backoff = new Backoff(config.consumer().backoffInitial(), config.consumer().backoffMax());
            while (running) {
                try {
                    List<Inbox.Delivery> deliveries = new ArrayList<>(events.size());
                    for (int i = 0; i < events.size(); i++) {
                        deliveries.add(new Inbox.Delivery(records.get(i).topic(), events.get(i)));
                    }
                    QuarkusTransaction.requiringNew().run(() -> {
                        List<EventEnvelope> fresh = inbox.fresh(name, deliveries);
                        if (!fresh.isEmpty()) {
                            batch.handleBatch(fresh);
                        }
                    });
                    registry.counter("pipeline.consumer.processed", "consumer", name).increment(events.size());
                    return true;
                } catch (RuntimeException e) {
                    if (!Failures.isTransient(e) || Failures.permanentCause(e) != null) {
                        if (events.size() == 1) {
                            return apply(records.get(0), events.get(0));
                        }
                        if (depth == 0) {
                            LOG.warnf("consumer %s: batch of %d failed (%s), applying it in halves", name,
                                    events.size(), Failures.describe(e));
                        }
                        int half = events.size() / 2;
                        return applyBatch(batch, records.subList(0, half), events.subList(0, half), depth + 1)
                                && applyBatch(batch, records.subList(half, events.size()),
                                        events.subList(half, events.size()), depth + 1);
                    }
                    LOG.warnf("consumer %s: %s, retrying in %s", name, Failures.describe(e), backoff.peek());
                    backoff.sleep();
                }
            }
            return false;
        }

        private Decoded decode(ConsumerRecord<String, byte[]> record) {
            try {
                return new Decoded(EventCodec.read(record.value()), null);
            } catch (InvalidEventException e) {
                return new Decoded(null, "invalid event: " + e.reason());
            } catch (RuntimeException e) {
                return new Decoded(null, "invalid event: " + e.getMessage());
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
            Decoded decoded = decode(record);
            if (decoded.event() == null) {
                return deadLetter(record, decoded.failure());
            }
            return apply(record, decoded.event());
        }

        /** One event in its own transaction, retried, else dead-lettered. Returns false only when shutting down. */
        private boolean apply(ConsumerRecord<String, byte[]> record, EventEnvelope event) throws InterruptedException {
            Backoff backoff = new Backoff(config.consumer().backoffInitial(), config.consumer().backoffMax());
            int attempts = 0;
            while (running) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        if (handler instanceof BatchEventHandler batch) {
                            if (!inbox.fresh(name, List.of(new Inbox.Delivery(record.topic(), event))).isEmpty()) {
                                batch.handleBatch(List.of(event));
                            }
                        } else if (inbox.firstDelivery(name, record.topic(), event)) {
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
