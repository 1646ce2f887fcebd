package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.platform.kafka.Backoff;
import cn.zz.pipeline.platform.tracing.EventTracing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The second stage of a batch consumer: applies the decoded polls handed over by the {@link BatchWorker}, one
 * transaction each, and queues them for the worker to commit. While it applies one, the polls that arrive meanwhile
 * are merged into the next (up to the handler's batch size), so a projection that keeps up applies whatever has
 * arrived in one go instead of queueing small batches behind each other. A batch that fails for a reason other than a
 * lost connection is applied in halves, down to the poison event, which is dead-lettered alone.
 */
final class BatchApplier extends Thread {

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class); // the consumer's one log category

    /** Waits are cut into rounds of 200 ms, so that a shutdown or a stopped peer is noticed. */
    private static final long ROUND_NANOS = 200_000_000L;

    /** Polls applied, for the worker to commit. */
    final ConcurrentLinkedQueue<Polled> applied = new ConcurrentLinkedQueue<>();
    private final BatchWorker worker;
    private final BatchEventHandler batch;
    private final AtomicLong inFlightBatches = new AtomicLong();
    private final AtomicLong inFlightRecords = new AtomicLong();
    private Polled next; // guarded by this

    BatchApplier(BatchWorker worker, BatchEventHandler batch) {
        super("consumer-" + worker.name + "-apply");
        setDaemon(true);
        this.worker = worker;
        this.batch = batch;
    }

    /** Batches handed over and not applied yet (waiting or being applied). */
    long inFlightBatches() {
        return inFlightBatches.get();
    }

    /** Records handed over and not applied yet. */
    long inFlightRecords() {
        return inFlightRecords.get();
    }

    /**
     * Waits until a poll of {@code size} records could be handed over without waiting (nothing waits, or it fits
     * into the waiting poll within {@code max}); false after 200 ms. The poller calls it before decoding, so that at
     * most two decoded batches (the one applied and the one waiting) are in memory, not a third beside them.
     */
    synchronized boolean awaitRoom(int size, int max) throws InterruptedException {
        long until = System.nanoTime() + ROUND_NANOS;
        while (next != null && next.records().size() + size > max) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Hands a poll over, merged into the waiting one if that stays within {@code max}; false after 200 ms. */
    synchronized boolean offer(Polled p, int max) throws InterruptedException {
        if (!awaitRoom(p.records().size(), max)) {
            return false;
        }
        inFlightRecords.addAndGet(p.records().size());
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
        long until = System.nanoTime() + ROUND_NANOS;
        while (inFlightBatches.get() > 0 && worker.running()) {
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
        long until = System.nanoTime() + ROUND_NANOS;
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
            while (worker.running()) {
                Polled p = take();
                if (p == null) {
                    continue;
                }
                try (EventTracing.Consumption ignored = worker.tracing.consumeBatch(worker.groupId, p.records())) {
                    if (!apply(p)) {
                        return; // shutting down: what is not committed comes again
                    }
                }
                applied(p);
            }
        } catch (InterruptedException e) {
            // shutdown
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer %s stopped", worker.name);
            worker.shutdown();
        }
    }

    /**
     * Dead-letters the poll's invalid records and applies the rest (with the heads of those the handler passes
     * over). Returns false only when shutting down.
     */
    private boolean apply(Polled polled) throws InterruptedException {
        if (worker.staleEpoch) {
            return true; // a replay elsewhere: the consumer reads it again under the new epoch
        }
        List<ConsumerRecord<String, byte[]>> all = polled.records();
        Decoded[] decoded = polled.decoded();
        List<ConsumerRecord<String, byte[]>> valid = new ArrayList<>(all.size());
        List<Inbox.Delivery> deliveries = new ArrayList<>(all.size());
        for (int i = 0; i < decoded.length; i++) {
            Inbox.Delivery d = decoded[i].delivery(all.get(i).topic());
            if (d == null) {
                if (!worker.deadLetters.send(all.get(i), decoded[i].failure())) {
                    return false;
                }
                continue;
            }
            valid.add(all.get(i));
            deliveries.add(d);
        }
        if (deliveries.isEmpty()) {
            return true;
        }
        return applyBatch(valid, deliveries, 0);
    }

    /**
     * One transaction for the deliveries; when it fails for a reason other than a lost connection, each half is
     * applied on its own (in order), down to single events, so that a poison event is found in a few steps and
     * dead-lettered alone while the rest are applied. Returns false only when shutting down.
     */
    private boolean applyBatch(List<ConsumerRecord<String, byte[]>> records, List<Inbox.Delivery> deliveries,
                               int depth) throws InterruptedException {
        if (deliveries.size() == 1 && depth > 0 && deliveries.get(0).event() != null) {
            return worker.applyOne(records.get(0), deliveries.get(0).event());
        }
        Backoff backoff = worker.backoff();
        while (worker.running()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> worker.applyFresh(deliveries));
                worker.processed(deliveries.size());
                return true;
            } catch (RuntimeException e) {
                if (Epochs.stale(e)) {
                    worker.staleEpoch = true; // not applied: read again under the new epoch
                    return true;
                }
                if (Failures.kind(e) != Failures.Kind.TRANSIENT && deliveries.size() > 1) {
                    if (depth == 0) {
                        LOG.warnf("consumer %s: batch of %d failed (%s), applying it in halves", worker.name,
                                deliveries.size(), Failures.describe(e));
                    }
                    int half = deliveries.size() / 2;
                    return applyBatch(records.subList(0, half), deliveries.subList(0, half), depth + 1)
                            && applyBatch(records.subList(half, deliveries.size()),
                                    deliveries.subList(half, deliveries.size()), depth + 1);
                }
                if (Failures.kind(e) != Failures.Kind.TRANSIENT && deliveries.get(0).event() != null) {
                    return worker.applyOne(records.get(0), deliveries.get(0).event());
                }
                worker.retrying(e, backoff);
                backoff.sleep();
            }
        }
        return false;
    }
}
