package cn.zz.pipeline.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stack's public APIs as a user reaches them: a Keycloak token per demo user (client {@code pipeline-cli},
 * password grant; demo passwords equal the user names), fetched again before it expires or after a 401.
 */
public final class StackApi {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** An answer: status, body as JSON (null when empty or not JSON), Location and ETag headers. */
    public record Answer(int status, JsonNode body, String raw, String location, String etag) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's detail and violations, for a message. */
        public String problem() {
            if (body == null) {
                return "HTTP " + status + " " + (raw == null ? "" : raw.substring(0, Math.min(300, raw.length())));
            }
            StringBuilder b = new StringBuilder("HTTP " + status + " ")
                    .append(body.path("detail").asText(body.path("title").asText()));
            for (JsonNode v : body.path("violations")) {
                b.append("; ").append(v.path("field").asText()).append(" ").append(v.path("code").asText()).append(": ")
                        .append(v.path("message").asText());
            }
            return b.toString();
        }
    }

    private record Token(String value, long expiresAtMillis) {
    }

    final String project;
    final String approval;
    final String reporting;
    private final String keycloak;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> grantLocks = new ConcurrentHashMap<>();

    public StackApi(String project, String approval, String reporting, String keycloak) {
        this.project = strip(project);
        this.approval = strip(approval);
        this.reporting = strip(reporting);
        this.keycloak = strip(keycloak);
    }

    /** project-service's base URL. */
    public String project() {
        return project;
    }

    /** approval-service's base URL. */
    public String approval() {
        return approval;
    }

    /** reporting-service's base URL. */
    public String reporting() {
        return reporting;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Answer get(String user, String url) {
        return send(user, "GET", url, null);
    }

    public Answer post(String user, String url, Object body) {
        return send(user, "POST", url, body);
    }

    public Answer put(String user, String url, Object body) {
        return send(user, "PUT", url, body);
    }

    public Answer send(String user, String method, String url, Object body) {
        return send(user, method, url, body, null);
    }

    /** {@link #send(String, String, String, Object)} with an If-Match header (null: none). */
    public Answer send(String user, String method, String url, Object body, String ifMatch) {
        String json;
        try {
            json = body == null ? null : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body: " + e.getOriginalMessage(), e);
        }
        return sendJson(user, method, url, json, ifMatch);
    }

    /**
     * Sends a JSON body as given (null: none). Retries what a restart or a moment of overload explains: connection
     * errors and 502/503 a few times, 401 once with a new token.
     */
    public Answer sendJson(String user, String method, String url, String json) {
        return sendJson(user, method, url, json, null);
    }

    private Answer sendJson(String user, String method, String url, String json, String ifMatch) {
        return exchange(user, method, url, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), ifMatch);
    }

    /**
     * POSTs a {@code multipart/form-data} body: the text fields, then one file part {@code fileField} with its name
     * and content type (the server may sniff the type from the bytes instead).
     */
    public Answer upload(String user, String url, Map<String, String> fields, String fileField, String fileName,
                         String contentType, byte[] bytes) {
        String boundary = "seeds" + Long.toHexString(System.nanoTime()) + "x";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"; filename*=UTF-8''" + enc(fileName).replace("+", "%20")
                + "\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return exchange(user, "POST", url, "multipart/form-data; boundary=" + boundary, out.toByteArray(), null);
    }

    private Answer exchange(String user, String method, String url, String contentType, byte[] body,
                            String ifMatch) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token(user)).header("Accept", "application/json");
                if (ifMatch != null) {
                    b.header("If-Match", ifMatch);
                }
                if (body == null) {
                    b.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
                }
                HttpResponse<String> r = http.send(b.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 401 && attempt == 1) {
                    tokens.remove(user);
                    continue;
                }
                // a service restarting or briefly overloaded: try again rather than lose the row
                if ((r.statusCode() == 502 || r.statusCode() == 503) && attempt < 5) {
                    Thread.sleep(1000L * attempt);
                    continue;
                }
                JsonNode node = null;
                if (r.body() != null && !r.body().isBlank()) {
                    try {
                        node = JSON.readTree(r.body());
                    } catch (IOException notJson) {
                        node = null;
                    }
                }
                return new Answer(r.statusCode(), node, r.body(), r.headers().firstValue("Location").orElse(null),
                        r.headers().firstValue("ETag").orElse(null));
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw new IllegalStateException(method + " " + url + ": " + e.getMessage(), e);
                }
                sleep(1000L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** The user's access token (password grant), fetched again shortly before it expires. */
    public String token(String user) throws IOException, InterruptedException {
        Token t = tokens.get(user);
        if (t != null && System.currentTimeMillis() < t.expiresAtMillis()) {
            return t.value();
        }
        // One grant per user at a time: a benchmark's clients start together, and each password grant costs Keycloak
        // a password hash, which would land in the measured window as many times as there are clients.
        synchronized (grantLocks.computeIfAbsent(user, u -> new Object())) {
            t = tokens.get(user);
            if (t != null && System.currentTimeMillis() < t.expiresAtMillis()) {
                return t.value();
            }
            return grant(user);
        }
    }

    private String grant(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=pipeline-cli&username=" + enc(user) + "&password=" + enc(user);
        HttpRequest req = HttpRequest
                .newBuilder(URI.create(keycloak + "/realms/pipeline/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + " from Keycloak: HTTP " + r.statusCode() + " "
                    + r.body());
        }
        JsonNode n = JSON.readTree(r.body());
        long lifetime = n.path("expires_in").asLong(60);
        // renew a little before the end, so no request leaves with a token about to expire
        Token fresh = new Token(n.path("access_token").asText(),
                System.currentTimeMillis() + Math.max(5, lifetime - 30) * 1000L);
        tokens.put(user, fresh);
        return fresh.value();
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
