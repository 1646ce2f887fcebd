package cn.zz.pipeline.reporting.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Investment reports as computed, kept until the statistics change. Every transaction that changes what they read
 * (a projection batch, a restated base written or removed, a rebuild's reset) calls {@link #changedOnCommit}; the
 * version moves once the transaction has committed, so a report computed meanwhile from the old rows is never
 * served under the new version. Leaders' dashboards ask the same few reports over and over; between two batches
 * they are served without a query.
 */
@ApplicationScoped
public class ReportCache {

    /** Distinct reports kept; past it the cache starts afresh (keys are period × scope × grouping: few in use). */
    static final int MAX_ENTRIES = 2_000;

    private record Entry(long version, Object value) {
    }

    private final AtomicLong version = new AtomicLong();
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The report under {@code key} as of the current version, computed if it is not known yet. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        long v = version.get(); // read before computing: a commit meanwhile makes the result stale, not wrong
        Entry e = entries.get(key);
        if (e != null && e.version() == v) {
            return (T) e.value();
        }
        T value = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(v, value));
        return value;
    }

    /** The current transaction changes the statistics: forget every report once (and if) it commits. */
    public void changedOnCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    version.incrementAndGet();
                }
            }
        });
    }
}
