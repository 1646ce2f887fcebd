package cn.zz.pipeline.benchmark;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/** Closed-loop read latency: each client sends its next request as soon as the previous one answered. */
final class Latency {

    /** One request of a client: its {@code i}-th; anything but 200 stops the run. */
    interface Request {
        HttpResponse<String> send(int client, int i) throws Exception;
    }

    /** Latencies in milliseconds. */
    record Result(int requests, int clients, int seconds, double p50, double p99, double max) {

        double perSecond() {
            return requests / (double) seconds;
        }

        String line() {
            return String.format("%d requests by %d clients in %d s (%.0f/s): p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    requests, clients, seconds, perSecond(), p50, p99, max);
        }
    }

    private Latency() {
    }

    static Result run(int clients, int seconds, Request request) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                List<Long> lat = new ArrayList<>();
                for (int i = client; !stop.get(); i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = request.send(client, i);
                    long t = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.uri() + " " + r.body());
                    }
                    lat.add(t);
                }
                return lat;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return new Result(all.size(), clients, seconds, pct(all, 0.5), pct(all, 0.99), pct(all, 1.0));
    }

    static double pct(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1));
        return sorted.get(i) / 1e6;
    }
}
