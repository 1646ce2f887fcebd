package cn.zz.pipeline.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parallel approval under load: N clients decide the four tasks of many open cases, and for every case the time from
 * its last approval's response until project-service shows the case approved (the case-approved event travelled
 * outbox → Kafka → project-service's consumer).
 *
 * <p>{@code mode=seq}: a client decides a case's tasks one after another, in a random order. {@code mode=par}: the
 * four departments decide at once (a client sends the four decisions together and waits for all four), as
 * {@code run-flowable.sh par} does; "case decided" is then the time from sending them until the last response, that
 * is until approval-service has closed the case.
 *
 * <p>Setup, not measured: {@code cases} projects needing all four departments are registered and declared, and
 * their cases opened by approval-service from the declared events.
 *
 * <p>Arguments (key=value): cases=400 clients=8 project=http://localhost:8081 approval=http://localhost:8082
 * keycloak=http://localhost:8180 poll=10 (ms between project-service reads while waiting for the outcome) mode=seq.
 */
public final class ApprovalBenchmark {

    private final Map<String, String> args;
    private final Api api;
    private final List<Long> decisions = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> completions = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> caseDecided = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong errors = new AtomicLong();

    private ApprovalBenchmark(Map<String, String> args) {
        this.args = args;
        this.api = new Api(args);
    }

    public static void main(String[] argv) throws Exception {
        new ApprovalBenchmark(Api.args(argv)).run();
        System.exit(0);
    }

    private int intArg(String key, int def) {
        return Integer.parseInt(args.getOrDefault(key, Integer.toString(def)));
    }

    private void run() throws Exception {
        int cases = intArg("cases", 400);
        int clients = intArg("clients", 8);
        int poll = intArg("poll", 10);
        boolean together = switch (args.getOrDefault("mode", "seq")) {
            case "seq" -> false;
            case "par" -> true;
            default -> throw new IllegalArgumentException("mode is seq or par");
        };
        // par: four departments per client, each deciding on a thread of its own
        ExecutorService departments = together ? Executors.newFixedThreadPool(clients * 4) : null;
        System.out.printf("approval benchmark: %d cases of 4 tasks, %d clients, mode %s, against %s and %s%n", cases,
                clients, together ? "par" : "seq", api.project, api.approval);

        long setupStart = System.nanoTime();
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String id = api.expect("staff.shangjie", "POST", api.project + "/api/projects",
                    Api.registration(ThreadLocalRandom.current().nextInt(1_000_000), 60_000), 201).get("id").asText();
            api.expect("staff.shangjie", "POST", api.project + "/api/projects/" + id + "/transitions",
                    "{\"to\":\"DECLARED\",\"reason\":\"benchmark setup\"}", 200);
            projects.add(id);
        }
        ConcurrentLinkedQueue<JsonNode> open = new ConcurrentLinkedQueue<>();
        for (String id : projects) {
            JsonNode c = api.awaitCase(id, Duration.ofSeconds(120));
            if (c.get("tasks").size() != 4) {
                throw new IllegalStateException("expected 4 tasks, got " + c.get("tasks").size());
            }
            open.add(c);
        }
        System.out.printf("setup: %d cases open in %.1f s%n", cases, (System.nanoTime() - setupStart) / 1e9);

        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            new Thread(() -> {
                try {
                    JsonNode c;
                    while ((c = open.poll()) != null) {
                        complete(c, poll, departments);
                    }
                } finally {
                    done.countDown();
                }
            }, "client-" + i).start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (departments != null) {
            departments.shutdown();
        }
        report(seconds, clients, cases);
    }

    /**
     * Decides the case's four tasks (in random order, or all at once on the departments' threads), then waits until
     * project-service sees the case approved.
     */
    private void complete(JsonNode c, int poll, ExecutorService departments) {
        List<JsonNode> tasks = new ArrayList<>();
        c.get("tasks").forEach(tasks::add);
        Collections.shuffle(tasks);
        String projectId = c.get("projectId").asText();
        try {
            long first = System.nanoTime();
            if (departments == null) {
                for (JsonNode t : tasks) {
                    decideTimed(t);
                }
            } else {
                List<Future<?>> sent = new ArrayList<>();
                for (JsonNode t : tasks) {
                    sent.add(departments.submit(() -> {
                        decideTimed(t);
                        return null;
                    }));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            }
            long last = System.nanoTime();
            caseDecided.add(last - first);
            long deadline = last + Duration.ofSeconds(60).toNanos();
            while (!"APPROVED".equals(api.approvalState("staff.shangjie", projectId))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("case of " + projectId + " not approved in project-service");
                }
                Thread.sleep(poll);
            }
            completions.add(System.nanoTime() - last);
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    private void decideTimed(JsonNode task) throws Exception {
        long s = System.nanoTime();
        api.decide(task, "APPROVE");
        decisions.add(System.nanoTime() - s);
    }

    private void report(double seconds, int clients, int cases) {
        System.out.println();
        System.out.printf("%-22s %7s %9s %9s %9s %9s %9s%n", "measure", "count", "per s", "p50 ms", "p90 ms", "p99 ms",
                "max ms");
        line("decision (HTTP)", decisions, seconds);
        line("case decided", caseDecided, seconds);
        line("last approval → seen", completions, seconds);
        System.out.printf("%nclients %d, %d cases in %.1f s, errors %d%n", clients, cases, seconds, errors.get());
    }

    private static void line(String name, List<Long> values, double seconds) {
        long[] v;
        synchronized (values) {
            v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        if (v.length == 0) {
            return;
        }
        System.out.printf("%-22s %7d %9.1f %9.1f %9.1f %9.1f %9.1f%n", name, v.length, v.length / seconds, pct(v, 50),
                pct(v, 90), pct(v, 99), v[v.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
