package cn.zz.pipeline.testsupport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Another instance" of a service holding a cluster-wide lock (a connection of its own, on another thread) while the
 * test's own instance tries the same work: for work that must run on one instance at a time, such as the scans under
 * the platform's {@code SingleRunner}.
 */
public final class AnotherInstance {

    private AnotherInstance() {
    }

    /**
     * Returns what {@code attempt} gives while the other instance holds the lock. {@code lock} runs a task under the
     * lock, or returns false without running it when someone else holds the lock (e.g. {@code task ->
     * single.run("overdue-scan", task)}).
     */
    public static <T> T whileHolding(Function<Runnable, Boolean> lock, Supplier<T> attempt) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> lock.apply(() -> {
            holding.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            // The scheduler of the test's own instance may hold the lock for a moment: wait until the other one has it.
            while (!holding.await(100, TimeUnit.MILLISECONDS)) {
                if (other.isDone()) {
                    return whileHolding(lock, attempt);
                }
            }
            return attempt.get();
        } finally {
            release.countDown();
            other.get(20, TimeUnit.SECONDS);
        }
    }
}
