package cn.zz.pipeline.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races for the concurrency tests: n attempts on n threads, released at the same moment. */
public final class Concurrently {

    /** One attempt; {@code i} is its index, 0 to n-1. */
    public interface Attempt<T> {
        T run(int i) throws Exception;
    }

    private Concurrently() {
    }

    /** Runs the attempts together and returns their results in index order (an attempt's exception fails the call). */
    public static <T> List<T> run(int n, Attempt<T> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return attempt.run(k);
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>(n);
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
