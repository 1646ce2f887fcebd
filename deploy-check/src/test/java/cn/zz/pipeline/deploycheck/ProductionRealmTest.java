package cn.zz.pipeline.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.RealmRepresentation;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deploy/keycloak/pipeline-realm-production.json, the realm compose and Kubernetes import: fit for production
 * ({@link RealmRules}) and otherwise the demo realm's equal (roles, clients, claims, user profile), so the services
 * accept its tokens as they accept the demo realm's.
 */
class ProductionRealmTest {

    static final String PRODUCTION = "deploy/keycloak/pipeline-realm-production.json";
    static final String DEMO = "deploy/keycloak/pipeline-realm.json";

    static JsonNode realm(String file) throws IOException {
        return StrictMapper.YAML.readTree(Repo.read(file));
    }

    @Test
    void theProductionRealmKeepsEveryRule() throws IOException {
        JsonNode realm = realm(PRODUCTION);
        assertThat(RealmRules.broken(realm)).isEmpty();
        // Keycloak's own representation: a misspelt realm or client field fails here.
        assertThat(StrictMapper.bind(realm, RealmRepresentation.class).getRealm()).isEqualTo("pipeline");
    }

    @Test
    void theDemoRealmBreaksThemAndStaysForTheLocalStackOnly() throws IOException {
        assertThat(RealmRules.broken(realm(DEMO))).anyMatch(r -> r.startsWith("has users"))
                .anyMatch(r -> r.startsWith("brute-force protection is off"))
                .anyMatch(r -> r.contains("does not name a real host"));
    }

    @Test
    void theServicesAcceptItsTokensAsTheDemoRealms() throws IOException {
        JsonNode production = realm(PRODUCTION);
        JsonNode demo = realm(DEMO);
        assertThat(production.path("realm")).isEqualTo(demo.path("realm"));
        assertThat(production.path("roles")).isEqualTo(demo.path("roles"));
        assertThat(production.path("components")).isEqualTo(demo.path("components"));
        Map<String, JsonNode> demoClients = clients(demo);
        Map<String, JsonNode> productionClients = clients(production);
        assertThat(productionClients.keySet()).isEqualTo(demoClients.keySet());
        productionClients.forEach((id, client) -> {
            JsonNode same = demoClients.get(id);
            assertThat(client.path("protocolMappers")).as("claims of %s", id).isEqualTo(same.path("protocolMappers"));
            for (String field : List.of("publicClient", "standardFlowEnabled", "directAccessGrantsEnabled",
                    "fullScopeAllowed", "protocol")) {
                assertThat(client.path(field)).as("%s of %s", field, id).isEqualTo(same.path(field));
            }
            assertThat(client.at("/attributes/pkce.code.challenge.method"))
                    .isEqualTo(same.at("/attributes/pkce.code.challenge.method"));
        });
        assertThat(production.path("accessTokenLifespan")).isEqualTo(demo.path("accessTokenLifespan"));
    }

    @Test
    void aDemoUserAddedBackIsRefused() throws IOException {
        ObjectNode realm = (ObjectNode) realm(PRODUCTION);
        ArrayNode users = realm.putArray("users");
        users.add(realm(DEMO).path("users").get(0));
        assertThat(RealmRules.broken(realm)).containsExactly("has users (1): production users are never imported from a file");
    }

    /** Each rule, broken alone in a copy of the production realm, is reported. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/bruteForceProtected | false | brute-force protection is off",
            "/passwordPolicy | length(8) and notUsername() | password policy lacks length(12)",
            "/passwordPolicy | length(12) | password policy allows the user name",
            "/registrationAllowed | true | self-registration is on",
            "/clients/1/directAccessGrantsEnabled | true | pipeline-dashboard: direct access grants",
            "/clients/1/redirectUris/0 | * | pipeline-dashboard: redirect URI '*' names no host",
            "/clients/1/redirectUris/0 | https://*.pipeline.example.gov.cn/dashboard/ | has a wildcard",
            "/clients/1/redirectUris/0 | https://reporting.pipeline.example.gov.cn/* | admits every path",
            "/clients/1/redirectUris/0 | http://reporting.pipeline.example.gov.cn/dashboard/* | is not https",
            "/clients/1/redirectUris/0 | https://localhost:8083/dashboard/* | does not name a real host",
            "/clients/2/webOrigins/0 | * | pipeline-swagger: web origin '*' names no host",
            "/clients/2/webOrigins/0 | + | names no host",
            "/clients/2/webOrigins/0 | https://127.0.0.1:8081 | does not name a real host"})
    void aBrokenRuleIsReported(String pointer, String value, String reported) throws IOException {
        ObjectNode realm = (ObjectNode) realm(PRODUCTION);
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode container = realm.at(parent);
        JsonNode literal = value.equals("true") || value.equals("false")
                ? StrictMapper.YAML.getNodeFactory().booleanNode(Boolean.parseBoolean(value))
                : StrictMapper.YAML.getNodeFactory().textNode(value);
        if (container instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), literal);
        } else {
            ((ObjectNode) container).set(last, literal);
        }
        List<String> broken = RealmRules.broken(realm);
        assertThat(broken).hasSize(1);
        assertThat(broken.get(0)).contains(reported);
    }

    @Test
    void aMisspeltRealmFieldFails() throws IOException {
        ObjectNode realm = (ObjectNode) realm(PRODUCTION);
        realm.set("passwordPolicyy", realm.remove("passwordPolicy"));
        assertThatThrownBy(() -> StrictMapper.bind(realm, RealmRepresentation.class))
                .hasMessageContaining("passwordPolicyy");
    }

    private static Map<String, JsonNode> clients(JsonNode realm) {
        Map<String, JsonNode> clients = new TreeMap<>();
        realm.path("clients").forEach(c -> clients.put(c.path("clientId").asText(), c));
        return clients;
    }

}
