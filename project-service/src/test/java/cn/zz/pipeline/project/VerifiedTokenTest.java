package cn.zz.pipeline.project;

import cn.zz.pipeline.testsupport.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static cn.zz.pipeline.project.Api.SHANGJIE;
import static cn.zz.pipeline.project.Api.XINZHENG;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer token is verified once and then taken as verified (platform/security/TokenIdentityCache): each token
 * keeps its own caller, and a token changed in any byte is verified anew, and refused.
 */
@QuarkusTest
class VerifiedTokenTest {

    @Inject
    MeterRegistry registry;

    private double counted(String result) {
        return registry.get("pipeline.security.token.cache").tag("result", result).counter().count();
    }

    private static ValidatableResponse projects(String token, String district) {
        return given().header("Authorization", "Bearer " + token).queryParam("district", district)
                .get("/api/projects").then();
    }

    @Test
    void aTokenIsVerifiedOnceThenTakenAsVerifiedWithItsOwnCaller() {
        String shangjie = Tokens.fresh("staff.shangjie");
        String xinzheng = Tokens.fresh("staff.xinzheng");
        double hits = counted("hit");
        double misses = counted("miss");

        projects(shangjie, SHANGJIE).statusCode(200);
        projects(xinzheng, XINZHENG).statusCode(200);
        assertThat(counted("miss") - misses).as("each new token verified").isEqualTo(2);
        for (int i = 0; i < 3; i++) {
            projects(shangjie, SHANGJIE).statusCode(200);
            projects(shangjie, XINZHENG).statusCode(403);
            projects(xinzheng, XINZHENG).statusCode(200);
            projects(xinzheng, SHANGJIE).statusCode(403);
        }
        assertThat(counted("hit") - hits).as("then taken as verified").isEqualTo(12);
        assertThat(counted("miss") - misses).isEqualTo(2);
    }

    @Test
    void aChangedTokenIsNeverTakenForTheVerifiedOne() {
        String token = Tokens.fresh("staff.xinzheng");
        projects(token, XINZHENG).statusCode(200);
        String[] parts = token.split("\\.");

        String signature = parts[2];
        char last = signature.charAt(signature.length() - 2);
        String otherSignature = signature.substring(0, signature.length() - 2) + (last == 'A' ? 'B' : 'A')
                + signature.charAt(signature.length() - 1);
        projects(parts[0] + "." + parts[1] + "." + otherSignature, XINZHENG).statusCode(401);

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains(XINZHENG);
        String otherClaims = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace(XINZHENG, SHANGJIE).getBytes(StandardCharsets.UTF_8));
        projects(parts[0] + "." + otherClaims + "." + parts[2], SHANGJIE).statusCode(401);

        projects(token, XINZHENG).statusCode(200);
    }
}
