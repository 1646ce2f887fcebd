package cn.zz.pipeline.reporting;

import cn.zz.pipeline.testsupport.KeycloakServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the test Keycloak's {@code pipeline-dashboard} and {@code pipeline-swagger} clients accept the pages the way
 * {@code deploy/keycloak/pipeline-realm.json} says. The test Keycloak imports the realm from an import folder in the
 * temp directory that every checkout on the machine shares; another checkout's test starting Keycloak at the same
 * time may have put an older realm file there. Only the login settings of these clients are compared and, where
 * they differ, written through the admin API (bootstrap admin of the test Keycloak); a missing client is created.
 */
final class DashboardClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> FIELDS = List.of("redirectUris", "webOrigins");
    private static final List<String> FLAGS = List.of("publicClient", "standardFlowEnabled");
    private static final List<String> ATTRIBUTES = List.of("post.logout.redirect.uris", "pkce.code.challenge.method");
    static final String DASHBOARD = "pipeline-dashboard";
    static final String SWAGGER = "pipeline-swagger";

    private DashboardClient() {
    }

    private static Set<String> elements(JsonNode array) {
        Set<String> out = new TreeSet<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static void matchRealmFile() throws IOException, InterruptedException {
        match(DASHBOARD);
        match(SWAGGER);
    }

    /**
     * Lets Swagger UI at {@code origin} (a test's random port) log in: what a deployment does with the service's real
     * address, adding its redirect URI and its origin (for the token endpoint's CORS) to pipeline-swagger.
     */
    static void allowSwaggerAt(String origin) throws IOException, InterruptedException {
        String bearer = adminBearer();
        if (bearer == null) {
            return;
        }
        ObjectNode actual = find(bearer, SWAGGER);
        actual.withArray("redirectUris").add(origin + "/q/swagger-ui/oauth2-redirect.html");
        actual.withArray("webOrigins").add(origin);
        put(bearer, actual);
    }

    private static JsonNode wanted(String clientId) throws IOException {
        for (JsonNode c : JSON.readTree(KeycloakServer.projectRoot().resolve("deploy/keycloak/pipeline-realm.json")
                .toFile()).get("clients")) {
            if (clientId.equals(c.path("clientId").asText())) {
                return c;
            }
        }
        throw new IllegalStateException(clientId + " is missing from deploy/keycloak/pipeline-realm.json");
    }

    /** The bootstrap admin's bearer token, or null when this is not the test's own Keycloak. */
    private static String adminBearer() throws IOException, InterruptedException {
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(
                        URI.create(KeycloakServer.url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=admin")).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            return null; // not the test's own Keycloak (PIPELINE_KEYCLOAK_URL): leave it as it is
        }
        return "Bearer " + JSON.readTree(token.body()).get("access_token").asText();
    }

    private static String clients() {
        return KeycloakServer.url() + "/admin/realms/pipeline/clients";
    }

    private static ObjectNode find(String bearer, String clientId) throws IOException, InterruptedException {
        HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(clients() + "?clientId="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8)))
                .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode list = JSON.readTree(found.body());
        return list.isEmpty() ? null : (ObjectNode) list.get(0);
    }

    private static void match(String clientId) throws IOException, InterruptedException {
        JsonNode wanted = wanted(clientId);
        String bearer = adminBearer();
        if (bearer == null) {
            return;
        }
        ObjectNode actual = find(bearer, clientId);
        if (actual == null) {
            System.out.println("test Keycloak: " + clientId + " was missing (an older realm file in the shared import"
                    + " folder?); created it from deploy/keycloak/pipeline-realm.json");
            send(bearer, HttpRequest.newBuilder(URI.create(clients()))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(wanted))));
            return;
        }
        List<String> differs = new ArrayList<>();
        for (String field : FIELDS) {
            // Keycloak keeps these as sets: compare without order
            if (!elements(wanted.get(field)).equals(elements(actual.get(field)))) {
                differs.add(field + " " + actual.get(field) + " → " + wanted.get(field));
                actual.set(field, wanted.get(field));
            }
        }
        for (String flag : FLAGS) {
            if (!wanted.path(flag).equals(actual.path(flag))) {
                differs.add(flag + " " + actual.path(flag) + " → " + wanted.path(flag));
                actual.set(flag, wanted.get(flag));
            }
        }
        for (String attribute : ATTRIBUTES) {
            JsonNode want = wanted.path("attributes").path(attribute);
            JsonNode have = actual.path("attributes").path(attribute);
            if (!want.isMissingNode() && !want.equals(have)) {
                differs.add(attribute + " " + have + " → " + want);
                actual.withObject("/attributes").set(attribute, want);
            }
        }
        if (differs.isEmpty()) {
            return;
        }
        System.out.println("test Keycloak: " + clientId + " differed from deploy/keycloak/pipeline-realm.json"
                + " (an older realm file in the shared import folder?); updated " + differs);
        put(bearer, actual);
    }

    private static void put(String bearer, ObjectNode client) throws IOException, InterruptedException {
        send(bearer, HttpRequest.newBuilder(URI.create(clients() + "/" + client.get("id").asText()))
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))));
    }

    private static void send(String bearer, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", bearer)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("could not write a client of the test Keycloak: HTTP "
                    + response.statusCode() + " " + response.body());
        }
    }
}
