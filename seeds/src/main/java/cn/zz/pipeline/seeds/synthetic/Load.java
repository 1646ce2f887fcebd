package cn.zz.pipeline.seeds.synthetic;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a generator over a range of indices on several threads, in chunks of consecutive projects, handing each
 * chunk to a sink on the thread that generated it. One thread handles all of a project's events, so a sink that
 * sends them in order keeps them in order per project.
 */
public final class Load {

    static final int CHUNK = 500;
    static final long PROGRESS_EVERY = 100_000;

    /** Where generated projects go. */
    public interface Sink extends AutoCloseable {

        /**
         * Handles one chunk: consecutive projects in index order, chunks numbered 0, 1, ... from the first index.
         * Called concurrently for different chunks.
         *
         * @return the number of events handled
         */
        long accept(long chunk, List<SyntheticProject> projects) throws Exception;

        /** Finishes (flushes, waits for acknowledgements); throws if anything failed. */
        @Override
        default void close() throws Exception {
        }
    }

    public record Totals(long projects, long events, double seconds) {

        public double projectsPerSecond() {
            return projects / seconds;
        }

        public double eventsPerSecond() {
            return events / seconds;
        }
    }

    private Load() {
    }

    /**
     * Generates projects {@code from} .. {@code from + count - 1} into the sink and closes it; prints a progress
     * line every 100,000 projects (none when {@code progress} is null).
     */
    public static Totals run(Generator generator, long from, long count, int threads, Sink sink,
                             PrintStream progress) throws Exception {
        if (count > 0 && from + count > generator.capacity()) {
            throw new IllegalArgumentException("at most " + generator.capacity() + " projects fit (5-digit serials"
                    + " per district and year); asked for indices up to " + (from + count - 1));
        }
        long start = System.nanoTime();
        AtomicLong nextChunk = new AtomicLong();
        AtomicLong projects = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long chunks = (count + CHUNK - 1) / CHUNK;
        for (int t = 0; t < Math.max(1, threads); t++) {
            Thread w = new Thread(() -> {
                try {
                    long c;
                    while (failure.get() == null && (c = nextChunk.getAndIncrement()) < chunks) {
                        long first = from + c * CHUNK;
                        long last = Math.min(from + count, first + CHUNK);
                        List<SyntheticProject> batch = new ArrayList<>((int) (last - first));
                        for (long i = first; i < last; i++) {
                            batch.add(generator.project(i));
                        }
                        long e = events.addAndGet(sink.accept(c, batch));
                        long before = projects.getAndAdd(batch.size());
                        long after = before + batch.size();
                        if (progress != null && before / PROGRESS_EVERY != after / PROGRESS_EVERY) {
                            double s = (System.nanoTime() - start) / 1e9;
                            progress.printf("  %,d projects, %,d events in %.1f s: %,.0f projects/s, %,.0f events/s%n",
                                    after, e, s, after / s, e / s);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "generate-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        try {
            sink.close();
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
        Throwable f = failure.get();
        if (f instanceof Exception e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        return new Totals(projects.get(), events.get(), (System.nanoTime() - start) / 1e9);
    }
}
