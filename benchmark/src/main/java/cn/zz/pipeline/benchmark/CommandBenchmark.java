package cn.zz.pipeline.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N concurrent HTTP clients drive project-service commands (registrations, stage transitions, monthly investment
 * reports) against a running stack and print throughput and latency percentiles per command and overall.
 *
 * <p>Setup, not measured: each client prepares admitted projects the way the real flow does it (register, declare,
 * every department approves its task in approval-service, admit), so that investment reports are legal.
 *
 * <p>Arguments (key=value): clients=32 seconds=30 warmup=5 project=http://localhost:8081
 * approval=http://localhost:8082 keycloak=http://localhost:8180 admitted=4 (admitted projects per client).
 */
public final class CommandBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> args;
    private final String project;
    private final Api api;
    private final Map<String, List<long[]>> samples = new ConcurrentHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, AtomicLong> errorsByStatus = new ConcurrentHashMap<>();
    private volatile boolean measuring;

    private CommandBenchmark(Map<String, String> args) {
        this.args = args;
        this.api = new Api(args);
        this.project = api.project;
    }

    public static void main(String[] argv) throws Exception {
        new CommandBenchmark(Api.args(argv)).run();
        System.exit(0);
    }

    private int intArg(String key, int def) {
        return Integer.parseInt(args.getOrDefault(key, Integer.toString(def)));
    }

    private void run() throws Exception {
        int clients = intArg("clients", 32);
        int seconds = intArg("seconds", 30);
        int warmup = intArg("warmup", 5);
        int admittedPerClient = intArg("admitted", 4);
        System.out.printf("benchmark: %d clients, %d s measured after %d s warm-up, against %s%n", clients, seconds,
                warmup, project);

        long setupStart = System.nanoTime();
        List<List<String>> admitted = prepareAdmitted(clients, admittedPerClient);
        System.out.printf("setup: %d admitted projects in %.1f s%n", clients * admittedPerClient,
                (System.nanoTime() - setupStart) / 1e9);

        CountDownLatch done = new CountDownLatch(clients);
        long end = System.nanoTime() + Duration.ofSeconds(warmup + seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<String> mine = admitted.get(c);
            Thread t = new Thread(() -> {
                try {
                    clientLoop(mine, end);
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        Thread.sleep(Duration.ofSeconds(warmup).toMillis());
        measuring = true;
        long measureStart = System.nanoTime();
        done.await();
        double elapsed = (System.nanoTime() - measureStart) / 1e9;
        report(elapsed, clients);
    }

    /** One client: register → declare → withdraw a fresh project, and report investment on an admitted one. */
    private void clientLoop(List<String> admitted, long end) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        YearMonth period = YearMonth.now().minusMonths(1);
        if (period.getMonthValue() == 1) {
            period = period.minusMonths(1); // January is reported with February (1-2月)
        }
        String periodText = period.toString();
        while (System.nanoTime() < end) {
            String id = timed("register", () -> post("/api/projects", registration(random), 201));
            if (id == null) {
                continue;
            }
            timed("transition", () -> post("/api/projects/" + id + "/transitions",
                    "{\"to\":\"DECLARED\",\"reason\":\"benchmark\"}", 200));
            String target = admitted.get(random.nextInt(admitted.size()));
            String amount = Integer.toString(100 + random.nextInt(900));
            timed("investment", () -> put("/api/projects/" + target + "/investments/" + periodText,
                    "{\"amount\":" + amount + "}", 200));
            timed("transition", () -> post("/api/projects/" + id + "/transitions",
                    "{\"to\":\"WITHDRAWN\",\"reason\":\"benchmark\"}", 200));
        }
    }

    private interface Call {
        String call() throws Exception;
    }

    private String timed(String name, Call call) {
        long start = System.nanoTime();
        String result;
        try {
            result = call.call();
        } catch (Exception e) {
            result = null;
            errorsByStatus.computeIfAbsent(e.getMessage() == null ? "exception" : e.getMessage(), k -> new AtomicLong())
                    .incrementAndGet();
        }
        long nanos = System.nanoTime() - start;
        if (measuring) {
            if (result == null) {
                errors.incrementAndGet();
            }
            samples.computeIfAbsent(name, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new long[]{nanos});
        }
        return result;
    }

    /** Admitted projects the way users get them: register, declare, every department approves, admit. */
    private List<List<String>> prepareAdmitted(int clients, int perClient) throws Exception {
        List<List<String>> out = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < perClient; i++) {
                String id = post("/api/projects", registration(ThreadLocalRandom.current()), 201);
                post("/api/projects/" + id + "/transitions", "{\"to\":\"DECLARED\",\"reason\":\"benchmark setup\"}", 200);
                mine.add(id);
                all.add(id);
            }
            out.add(mine);
        }
        for (String id : all) {
            api.approveAll(api.awaitCase(id, Duration.ofSeconds(60)));
        }
        for (String id : all) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                HttpResponse<String> r = send("POST", "/api/projects/" + id + "/transitions",
                        "{\"to\":\"ADMITTED\",\"reason\":\"benchmark setup\",\"date\":\"" + LocalDate.now() + "\"}");
                if (r.statusCode() == 200) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("project " + id + " not admitted: " + r.statusCode() + " " + r.body());
                }
                Thread.sleep(200);
            }
        }
        return out;
    }

    private String registration(ThreadLocalRandom random) {
        return Api.registration(random.nextInt(1_000_000), 50_000 + random.nextInt(50_000));
    }

    private String post(String path, String body, int expected) throws Exception {
        return expect(send("POST", path, body), expected);
    }

    private String put(String path, String body, int expected) throws Exception {
        return expect(send("PUT", path, body), expected);
    }

    private String expect(HttpResponse<String> r, int expected) throws Exception {
        if (r.statusCode() != expected) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        JsonNode json = JSON.readTree(r.body());
        return json.has("id") ? json.get("id").asText() : "ok";
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return api.send("staff.shangjie", method, project + path, body);
    }

    private void report(double seconds, int clients) {
        long[] all = samples.values().stream().flatMap(List::stream).mapToLong(a -> a[0]).sorted().toArray();
        System.out.println();
        System.out.printf("%-12s %9s %10s %9s %9s %9s %9s%n", "command", "count", "per s", "p50 ms", "p90 ms", "p99 ms",
                "max ms");
        samples.forEach((name, list) -> {
            long[] v = list.stream().mapToLong(a -> a[0]).sorted().toArray();
            line(name, v, seconds);
        });
        line("all", all, seconds);
        System.out.printf("%nclients %d, measured %.1f s, errors %d %s%n", clients, seconds, errors.get(),
                errorsByStatus.isEmpty() ? "" : errorsByStatus);
    }

    private static void line(String name, long[] sorted, double seconds) {
        if (sorted.length == 0) {
            return;
        }
        System.out.printf("%-12s %9d %10.1f %9.1f %9.1f %9.1f %9.1f%n", name, sorted.length, sorted.length / seconds,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

}
