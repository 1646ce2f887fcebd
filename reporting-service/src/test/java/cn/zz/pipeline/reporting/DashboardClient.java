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
 * Makes the test Keycloak's {@code pipeline-dashboard} client accept the page the way
 * {@code deploy/keycloak/pipeline-realm.json} says. The test Keycloak imports the realm from an import folder in the
 * temp directory that every checkout on the machine shares; another checkout's test starting Keycloak at the same
 * time may have put an older realm file there. Only the login settings of this one client are compared and, where
 * they differ, written through the admin API (bootstrap admin of the test Keycloak).
 */
final class DashboardClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> FIELDS = List.of("redirectUris", "webOrigins");
    private static final String LOGOUT_URIS = "post.logout.redirect.uris";

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
        JsonNode wanted = null;
        for (JsonNode c : JSON.readTree(KeycloakServer.projectRoot().resolve("deploy/keycloak/pipeline-realm.json")
                .toFile()).get("clients")) {
            if ("pipeline-dashboard".equals(c.path("clientId").asText())) {
                wanted = c;
            }
        }
        if (wanted == null) {
            throw new IllegalStateException("pipeline-dashboard is missing from deploy/keycloak/pipeline-realm.json");
        }
        String base = KeycloakServer.url();
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(
                        URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=admin")).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            return; // not the test's own Keycloak (PIPELINE_KEYCLOAK_URL): leave it as it is
        }
        String bearer = "Bearer " + JSON.readTree(token.body()).get("access_token").asText();
        String clients = base + "/admin/realms/pipeline/clients";
        HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "?clientId="
                        + URLEncoder.encode("pipeline-dashboard", StandardCharsets.UTF_8)))
                .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode actual = (ObjectNode) JSON.readTree(found.body()).get(0);
        List<String> differs = new ArrayList<>();
        for (String field : FIELDS) {
            // Keycloak keeps these as sets: compare without order
            if (!elements(wanted.get(field)).equals(elements(actual.get(field)))) {
                differs.add(field + " " + actual.get(field) + " → " + wanted.get(field));
                actual.set(field, wanted.get(field));
            }
        }
        JsonNode wantedLogout = wanted.path("attributes").path(LOGOUT_URIS);
        JsonNode actualLogout = actual.path("attributes").path(LOGOUT_URIS);
        if (!wantedLogout.equals(actualLogout)) {
            differs.add(LOGOUT_URIS + " " + actualLogout + " → " + wantedLogout);
            actual.withObject("/attributes").set(LOGOUT_URIS, wantedLogout);
        }
        if (differs.isEmpty()) {
            return;
        }
        System.out.println("test Keycloak: pipeline-dashboard differed from deploy/keycloak/pipeline-realm.json"
                + " (an older realm file in the shared import folder?); updated " + differs);
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "/" + actual.get("id").asText()))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(actual))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() / 100 != 2) {
            throw new IllegalStateException("could not update pipeline-dashboard: HTTP " + put.statusCode() + " "
                    + put.body());
        }
    }
}
