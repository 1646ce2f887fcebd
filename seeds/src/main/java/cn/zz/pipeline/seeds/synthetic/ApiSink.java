package cn.zz.pipeline.seeds.synthetic;

import cn.zz.pipeline.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Through the front door: each project POSTed to project-service's historical import as the admin, one request at a
 * time per worker thread (so {@code clients} threads are {@code clients} connections). 409 means the code is
 * already there: counted as already loaded, so an interrupted load can simply be run again.
 */
public final class ApiSink implements Load.Sink {

    static final String PATH = "/api/admin/projects/historical";
    private static final int ATTEMPTS = 3;
    private static final int FAILURES_SHOWN = 10;

    private final ObjectWriter writer = EventCodec.mapper().writerFor(SyntheticProject.ImportBody.class);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final Token token;
    private final PrintStream log;
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong existing = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public ApiSink(String projectService, String keycloak, PrintStream log) {
        this.endpoint = URI.create(projectService + PATH);
        this.token = new Token(http, keycloak, "admin", "admin");
        this.log = log;
    }

    @Override
    public long accept(long chunk, List<SyntheticProject> projects) throws Exception {
        long events = 0;
        for (SyntheticProject p : projects) {
            byte[] body = writer.writeValueAsBytes(p.importBody());
            HttpResponse<String> r = post(body);
            switch (r.statusCode()) {
                case 201 -> {
                    created.incrementAndGet();
                    events += p.eventCount();
                }
                case 409 -> {
                    existing.incrementAndGet();
                    // a rerun answers code-exists; anything else means other data holds this code's serial
                    if (!r.body().contains("code-exists") && foreign.incrementAndGet() <= FAILURES_SHOWN) {
                        log.printf("  project %d (%s): 409 %s%n", p.index(), p.code(), r.body());
                    }
                }
                default -> {
                    if (failed.incrementAndGet() <= FAILURES_SHOWN) {
                        log.printf("  project %d (%s): HTTP %d %s%n", p.index(), p.code(), r.statusCode(), r.body());
                    }
                }
            }
        }
        return events;
    }

    /** Retries what a restart or a moment of overload explains (connection errors, 401 on expiry, 502-504). */
    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token.get())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                boolean transientFailure = status == 401 || status == 502 || status == 503 || status == 504;
                if (!transientFailure || attempt == ATTEMPTS) {
                    return r;
                }
                if (status == 401) {
                    token.invalidate();
                }
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
            Thread.sleep(500L * attempt);
        }
    }

    @Override
    public void close() {
        log.printf("api: %,d imported, %,d already loaded (409; %,d of them not as code-exists), %,d failed%n",
                created.get(), existing.get(), foreign.get(), failed.get());
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " projects were not imported");
        }
    }

    /**
     * A Keycloak access token (realm pipeline, client pipeline-cli, password grant), renewed 30 s before it expires:
     * with the refresh token while that is valid, else by logging in again.
     */
    static final class Token {

        private final HttpClient http;
        private final URI endpoint;
        private final String user;
        private final String password;
        private String access;
        private String refresh;
        private long accessExpires;
        private long refreshExpires;

        Token(HttpClient http, String keycloak, String user, String password) {
            this.http = http;
            this.endpoint = URI.create(keycloak + "/realms/pipeline/protocol/openid-connect/token");
            this.user = user;
            this.password = password;
        }

        synchronized String get() throws IOException, InterruptedException {
            long now = System.currentTimeMillis();
            if (access != null && now < accessExpires) {
                return access;
            }
            JsonNode t = null;
            if (refresh != null && now < refreshExpires) {
                t = request("grant_type=refresh_token&client_id=pipeline-cli&refresh_token=" + encode(refresh));
            }
            if (t == null) {
                t = request("grant_type=password&client_id=pipeline-cli&username=" + encode(user) + "&password="
                        + encode(password));
                if (t == null) {
                    throw new IllegalStateException("Keycloak refused the password grant for " + user);
                }
            }
            now = System.currentTimeMillis();
            access = t.get("access_token").asText();
            accessExpires = now + (t.path("expires_in").asLong(60) - 30) * 1000;
            refresh = t.path("refresh_token").asText(null);
            refreshExpires = now + (t.path("refresh_expires_in").asLong(0) - 30) * 1000;
            return access;
        }

        synchronized void invalidate() {
            access = null;
        }

        private JsonNode request(String form) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? EventCodec.mapper().readTree(r.body()) : null;
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
