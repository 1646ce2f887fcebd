package cn.zz.pipeline.project;

import cn.zz.pipeline.testsupport.KeycloakServer;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak runs with a fixed host name: a token fetched through 127.0.0.1 carries the same issuer as one fetched
 * through localhost, and the service (configured with the localhost issuer) accepts both.
 */
@QuarkusTest
class IssuerHostTest {

    private static final String USER = "leader.city";

    @Test
    void tokensFetchedThroughEitherAddressAreAccepted() {
        String viaLocalhost = KeycloakServer.realmUrl();
        assertThat(viaLocalhost).startsWith("http://localhost:");
        String viaLoopbackIp = viaLocalhost.replaceFirst("//localhost:", "//127.0.0.1:");

        for (String realm : new String[] {viaLocalhost, viaLoopbackIp}) {
            String token = Tokens.of(realm, USER);
            assertThat(issuer(token)).as("issuer of a token fetched from %s", realm).isEqualTo(viaLocalhost);
            given().header("Authorization", "Bearer " + token).get("/api/projects").then().statusCode(200);
        }
    }

    private static String issuer(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return new JsonPath(payload).getString("iss");
    }
}
