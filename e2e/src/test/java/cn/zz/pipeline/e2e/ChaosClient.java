package cn.zz.pipeline.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * The chaos test's HTTP client, as a real client behaves: a 503 with Retry-After is waited out and the request sent
 * again (bounded), every answer is recorded with its time and status (-1: no answer at all), so that each fault
 * window can be summarised afterwards.
 */
final class ChaosClient {

    /** One answer as a client saw it. */
    record Outcome(long at, String service, String op, int status, String retryAfter) {
    }

    private static final int MAX_RETRIES = 24;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final BooleanSupplier running;

    ChaosClient(BooleanSupplier running) {
        this.running = running;
    }

    /**
     * Sends, retrying after Retry-After on 503 (and after 1 s when there was no answer at all or a 503 without the
     * header, which the test fails on anyway); the last answer, or null when none came or the load stopped.
     */
    HttpResponse<String> send(String service, String op, HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r = null;
            try {
                r = http.send(built, HttpResponse.BodyHandlers.ofString());
                outcomes.add(new Outcome(System.currentTimeMillis(), service, op, r.statusCode(),
                        r.headers().firstValue("Retry-After").orElse(null)));
            } catch (IOException e) {
                outcomes.add(new Outcome(System.currentTimeMillis(), service, op, -1, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            boolean again = r == null || r.statusCode() == 503;
            if (!again || attempt >= MAX_RETRIES || !running.getAsBoolean()) {
                return r;
            }
            long wait = 1000;
            if (r != null) {
                try {
                    wait = 1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1").trim());
                } catch (NumberFormatException e) {
                    wait = 1000;
                }
            }
            pause(Math.min(wait, 10_000));
        }
    }

    static HttpRequest.Builder request(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer);
    }

    static HttpRequest.Builder json(String url, String bearer, String method, String body) {
        return request(url, bearer).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    List<Outcome> window(long from, long to) {
        return outcomes.stream().filter(o -> o.at() >= from && o.at() <= to).toList();
    }

    /** Statuses counted in a window: {200=.., 503=..}. */
    Map<Integer, Integer> byStatus(long from, long to) {
        Map<Integer, Integer> by = new TreeMap<>();
        for (Outcome o : window(from, to)) {
            by.merge(o.status(), 1, Integer::sum);
        }
        return by;
    }

    /** Answers a client must never see: a 5xx other than 503 with Retry-After. */
    List<Outcome> forbidden() {
        return outcomes.stream().filter(o -> o.status() >= 500 && !(o.status() == 503 && o.retryAfter() != null))
                .toList();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
