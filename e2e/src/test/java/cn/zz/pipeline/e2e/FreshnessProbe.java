package cn.zz.pipeline.e2e;

import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Freshness: every ~500 ms the probe renames its own project (a command through project-service's balancer) and a
 * checker watches reporting-service's database for the project's stream position to reach the version the command
 * answered with (the position commits in the transaction of the projection's effect, so it is what a report reads).
 * A write's freshness is the time from its 200 to that moment; a refused or unanswered write is not fresh.
 */
final class FreshnessProbe {

    /** One probe write: version 0 when it was not accepted; visibleAt 0 while not seen in reporting-service. */
    static final class Write {
        final long sentAt;
        volatile long answeredAt;
        volatile long version;
        volatile long visibleAt;

        Write(long sentAt) {
            this.sentAt = sentAt;
        }

        boolean fresh() {
            return version > 0 && visibleAt > 0 && visibleAt - answeredAt < 1000;
        }

        long latency() {
            return visibleAt > 0 && version > 0 ? visibleAt - answeredAt : -1;
        }
    }

    private final Stack stack;
    private final AtomicBoolean running = new AtomicBoolean();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final List<Write> writes = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private String project;
    private long version;

    FreshnessProbe(Stack stack) {
        this.stack = stack;
    }

    void start(String projectId, long projectVersion) {
        project = projectId;
        version = projectVersion;
        running.set(true);
        threads.add(new Thread(this::write, "chaos-probe-writer"));
        threads.add(new Thread(this::check, "chaos-probe-checker"));
        threads.forEach(Thread::start);
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(60_000);
        }
    }

    private void write() {
        int n = 0;
        while (running.get()) {
            long next = System.currentTimeMillis() + 500;
            Write w = new Write(System.currentTimeMillis());
            writes.add(w);
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + stack.projectPort + "/api/projects/" + project))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", stack.bearer(ChaosLoad.STAFF)).header("If-Match", "\"" + version + "\"")
                        .header("Content-Type", "application/merge-patch+json; charset=UTF-8")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"混沌探针 " + (++n) + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                w.answeredAt = System.currentTimeMillis();
                if (r.statusCode() == 200) {
                    version = new JsonPath(r.body()).getLong("version");
                    w.version = version;
                } else {
                    relearnVersion();
                }
            } catch (IOException | RuntimeException e) {
                w.answeredAt = System.currentTimeMillis();
                relearnVersion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ChaosClient.pause(Math.max(0, next - System.currentTimeMillis()));
        }
    }

    /** After a refused or unanswered write, the project's version as project-service has it now. */
    private void relearnVersion() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + stack.projectPort + "/api/projects/" + project))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", stack.bearer(ChaosLoad.STAFF)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                version = new JsonPath(r.body()).getLong("version");
            }
        } catch (IOException | RuntimeException e) {
            // the next write tries again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check() {
        Connection c = null;
        while (running.get()) {
            try {
                if (c == null) {
                    Properties props = new Properties();
                    props.setProperty("user", "pipeline");
                    props.setProperty("password", "pipeline");
                    props.setProperty("connectTimeout", "2");
                    props.setProperty("socketTimeout", "5");
                    c = DriverManager.getConnection(stack.jdbcUrl("reporting"), props);
                }
                long applied = 0;
                try (PreparedStatement s = c.prepareStatement("select last_sequence from consumed_stream"
                        + " where consumer = 'reporting' and topic = 'pipeline.project.events' and subject = ?")) {
                    s.setString(1, project);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            applied = rs.getLong(1);
                        }
                    }
                }
                long now = System.currentTimeMillis();
                for (Write w : writes) {
                    if (w.version > 0 && w.visibleAt == 0 && w.version <= applied) {
                        w.visibleAt = now;
                    }
                }
            } catch (SQLException e) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (SQLException ignored) {
                    // closing a broken connection
                }
                c = null;
                ChaosClient.pause(400);
            }
            ChaosClient.pause(100);
        }
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // done
        }
    }

    /** True once the last {@code n} writes sent after {@code since} are all fresh. */
    boolean freshAgain(long since, int n) {
        List<Write> after = writes.stream().filter(w -> w.sentAt >= since && w.answeredAt > 0).toList();
        if (after.size() < n + 1) {
            return false;
        }
        // the newest may still be on its way: judge the n before it
        return after.subList(after.size() - n - 1, after.size() - 1).stream().allMatch(Write::fresh);
    }

    /**
     * Milliseconds from {@code from} until freshness was back under 1 s in [from, to]: the moment the first fresh
     * write after the last stale one became visible; 0 when no write in the window was stale; -1 if never back.
     */
    long recovery(long from, long to) {
        List<Write> w = writes.stream().filter(x -> x.sentAt >= from && x.sentAt <= to && x.answeredAt > 0).toList();
        int lastStale = -1;
        for (int i = 0; i < w.size(); i++) {
            if (!w.get(i).fresh()) {
                lastStale = i;
            }
        }
        if (lastStale < 0) {
            return 0;
        }
        if (lastStale + 1 >= w.size()) {
            return -1;
        }
        return w.get(lastStale + 1).visibleAt - from;
    }

    /** The stalest write of the window: its freshness in ms (-1 when some write never became visible or failed). */
    String worst(long from, long to) {
        List<Write> w = writes.stream().filter(x -> x.sentAt >= from && x.sentAt <= to && x.answeredAt > 0).toList();
        long failed = w.stream().filter(x -> x.version == 0).count();
        long max = w.stream().mapToLong(Write::latency).max().orElse(-1);
        return String.format("max %.1f s, %d of %d writes refused", max / 1000.0, failed, w.size());
    }

    /** The median freshness of the accepted writes in a window, ms. */
    long median(long from, long to) {
        long[] l = writes.stream().filter(x -> x.sentAt >= from && x.sentAt <= to && x.latency() >= 0)
                .mapToLong(Write::latency).sorted().toArray();
        return l.length == 0 ? -1 : l[l.length / 2];
    }
}
