package cn.zz.pipeline.reporting;

import cn.zz.pipeline.testsupport.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one district-scope rule on every endpoint that takes {@code district}: a region wider than or outside the
 * caller's scope is refused with 403 naming {@code district} and the caller's scope, never narrowed silently; a
 * malformed one is 400; and the OpenAPI document says so for each of them.
 */
@QuarkusTest
class DistrictScopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request: the OpenAPI path it is an instance of, the path itself, other query parameters. */
    record Call(String template, String path, Map<String, String> query) {

        static Call of(String path, String... query) {
            return new Call(path, path, pairs(query));
        }

        static Call ledger(String ledger, String... query) {
            return new Call("/api/ledgers/{ledger}", "/api/ledgers/" + ledger, pairs(query));
        }

        private static Map<String, String> pairs(String... query) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (int i = 0; i + 1 < query.length; i += 2) {
                out.put(query[i], query[i + 1]);
            }
            return out;
        }

        Response get(String user, String district) {
            return given().header("Authorization", Tokens.bearer(user)).queryParams(query)
                    .queryParam("district", district).get(path);
        }

        @Override
        public String toString() {
            return path + (query.isEmpty() ? "" : "?" + query);
        }
    }

    /** Every list, report, ledger (JSON and .xlsx) and export that takes {@code district}. */
    static final List<Call> CALLS = List.of(
            Call.of("/api/reports/investment"),
            Call.of("/api/reports/investment", "by", "category"),
            Call.of("/api/reports/investment", "park", "先进制造业开发区"),
            Call.of("/api/reports/investment/monthly"),
            Call.of("/api/reports/pipeline"),
            Call.of("/api/reports/approvals"),
            Call.of("/api/reports/problems"),
            Call.of("/api/reports/unreported"),
            Call.of("/api/reports/unreported/summary"),
            Call.of("/api/reports/warnings"),
            Call.of("/api/reports/warnings/summary"),
            Call.of("/api/reports/land-to-start"),
            Call.ledger("progress"), Call.ledger("procedures"), Call.ledger("problems"), Call.ledger("admission"),
            Call.ledger("progress", "format", "xlsx"), Call.ledger("procedures", "format", "xlsx"),
            Call.ledger("problems", "format", "xlsx"), Call.ledger("admission", "format", "xlsx"),
            Call.of("/api/exports/oc4ids"),
            Call.of("/api/admin/restated-bases"),
            Call.of("/api/admin/targets"),
            Call.of("/api/reports/campaigns"),
            new Call("/api/reports/campaigns/{id}", "/api/reports/campaigns/" + CampaignReportTest.CAMPAIGN, Map.of()));

    @Test
    void aRegionWiderThanOrOutsideTheCallersScopeIsRefusedNamingDistrictAndTheScope() {
        // leader.shangjie reads 410106 only; the whole city is wider. leader.city reads 4101; 4102 (开封) is outside.
        for (String[] caller : new String[][] {{"leader.shangjie", "4101", "410106"}, {"leader.city", "4102", "4101"}}) {
            for (Call call : CALLS) {
                Response r = call.get(caller[0], caller[1]);
                String what = caller[0] + " " + call + " district=" + caller[1] + ": " + r.asString();
                assertThat(r.statusCode()).as(what).isEqualTo(403);
                assertThat(r.contentType()).as(what).startsWith("application/problem+json");
                assertThat(r.jsonPath().getString("type")).as(what).isEqualTo("urn:pipeline:problem:out-of-scope");
                assertThat(r.jsonPath().getString("violations[0].field")).as(what).isEqualTo("district");
                assertThat(r.jsonPath().getString("violations[0].value")).as(what).isEqualTo(caller[1]);
                assertThat(r.jsonPath().getString("violations[0].limit")).as(what).isEqualTo(caller[2]);
            }
        }
    }

    @Test
    void withinTheScopeAsAskedAndWithoutDistrictTheCallersScope() {
        CampaignReportTest.feed(); // the campaign whose report is called above
        for (Call call : CALLS) {
            Response within = call.get("leader.city", "410106");
            assertThat(within.statusCode()).as(call + " " + within.asString()).isEqualTo(200);
            Response own = given().header("Authorization", Tokens.bearer("leader.shangjie")).queryParams(call.query())
                    .get(call.path());
            assertThat(own.statusCode()).as(call + " " + own.asString()).isEqualTo(200);
        }
        // the JSON reports and ledgers say which scope they answer for
        given().header("Authorization", Tokens.bearer("leader.shangjie")).get("/api/reports/approvals")
                .then().statusCode(200).body("district", org.hamcrest.Matchers.equalTo("410106"));
        given().header("Authorization", Tokens.bearer("leader.city")).queryParam("district", "410106")
                .get("/api/reports/problems").then().statusCode(200)
                .body("district", org.hamcrest.Matchers.equalTo("410106"));
    }

    @Test
    void aMalformedDistrictIsABadRequestNamingIt() {
        for (Call call : CALLS) {
            for (String bad : List.of("41x", "4", "4101061")) {
                Response r = call.get("admin", bad);
                String what = call + " district=" + bad + ": " + r.asString();
                assertThat(r.statusCode()).as(what).isEqualTo(400);
                assertThat(r.contentType()).as(what).startsWith("application/problem+json");
                assertThat(r.jsonPath().getString("violations[0].field")).as(what).isEqualTo("district");
            }
        }
    }

    @Test
    void theOpenApiDocumentListsBothRefusalsForEveryEndpointThatTakesDistrict() throws IOException {
        JsonNode api = JSON.readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        TreeSet<String> documented = new TreeSet<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            List<String> params = new ArrayList<>();
            op.getValue().path("parameters").forEach(p -> params.add(p.path("in").asText() + ":" + p.path("name").asText()));
            if (params.contains("query:district")) {
                documented.add(op.getKey() + " " + path.getKey());
                JsonNode responses = op.getValue().path("responses");
                for (String status : List.of("200", "400", "403")) {
                    assertThat(responses.has(status)).as(op.getKey() + " " + path.getKey() + " lists " + status).isTrue();
                }
                assertThat(responses.path("403").path("content").has("application/problem+json"))
                        .as(path.getKey() + " 403 is a problem document").isTrue();
                assertThat(responses.path("403").path("description").asText()).contains("out-of-scope");
            }
        }));
        TreeSet<String> called = new TreeSet<>();
        CALLS.forEach(c -> called.add("get " + c.template()));
        assertThat(documented).as("the endpoints that take district are the ones this test calls").isEqualTo(called);
    }
}
