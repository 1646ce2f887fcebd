package cn.zz.pipeline.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens of the demo users (password = user name), from Keycloak's password grant on pipeline-cli. */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Cached(String token, long expiresAtMillis) {
    }

    private Tokens() {
    }

    public static String of(String user) {
        return of(KeycloakServer.realmUrl(), user);
    }

    public static String of(String realmUrl, String user) {
        Cached c = CACHE.get(realmUrl + "|" + user);
        if (c != null && c.expiresAtMillis > System.currentTimeMillis() + 30_000) {
            return c.token;
        }
        Cached fresh = grant(realmUrl, user);
        CACHE.put(realmUrl + "|" + user, fresh);
        return fresh.token;
    }

    /** A token of its own (another {@code jti}), never handed out before: one no service has seen yet. */
    public static String fresh(String user) {
        return grant(KeycloakServer.realmUrl(), user).token;
    }

    private static Cached grant(String realmUrl, String user) {
        String form = "grant_type=password&client_id=pipeline-cli&username=" + enc(user) + "&password=" + enc(user);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token for " + user + ": HTTP " + r.statusCode() + " " + r.body());
            }
            JsonNode json = JSON.readTree(r.body());
            return new Cached(json.get("access_token").asText(),
                    System.currentTimeMillis() + json.get("expires_in").asLong() * 1000);
        } catch (IOException e) {
            throw new IllegalStateException("token for " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** "Bearer …" header value. */
    public static String bearer(String user) {
        return "Bearer " + of(user);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
