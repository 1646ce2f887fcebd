package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.project.PlanSet;
import cn.zz.pipeline.testsupport.Concurrently;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Api.SHANGJIE;
import static cn.zz.pipeline.project.Api.XINZHENG;
import static cn.zz.pipeline.project.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Annual plans (年度计划投资): set, the same again, corrections with history, every validation rule, the years of a
 * project's life, roles and district scope, concurrent writers, the {@code plan-set} event. The service's clock
 * stands on {@link #TODAY}: the default test project (registered today, planned start 2025-03-01, planned production
 * 2026-12-31) lives from 2025 to 2026.
 */
@QuarkusTest
class PlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 16);

    @Inject
    EntityManager em;

    @BeforeEach
    void fixTheClock() {
        Api.standOn(TODAY);
    }

    static Response put(String user, String id, Object year, Object amount, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(user).body(body).put("/api/projects/" + id + "/plans/" + year);
    }

    private long revisions(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from annual_plan_revision where project_id = cast(?1 as uuid)").setParameter(1, id)
                .getSingleResult()).longValue());
    }

    @Test
    void aPlanIsSetTheSameAgainChangesNothingACorrectionKeepsTheOldFigure() {
        String id = Api.registered(); // version 1
        put("staff.shangjie", id, 2026, 5000, null).then().statusCode(200).header("ETag", "\"2\"")
                .body("year", equalTo(2026)).body("amount", equalTo(5000)).body("reason", nullValue())
                .body("updatedBy", equalTo("staff.shangjie"))
                .body("history.oldAmount", equalTo(java.util.Collections.singletonList(null)))
                .body("history.newAmount", equalTo(List.of(5000)));
        // the same figure again (another scale, another reason): 200, same version, no history, no event
        put("staff.shangjie", id, 2026, 5000.00, "重复提交").then().statusCode(200).header("ETag", "\"2\"")
                .body("reason", nullValue()).body("history.size()", equalTo(1));
        // a correction
        put("staff.shangjie", id, 2026, 5500.25, "年中调整计划").then().statusCode(200).header("ETag", "\"3\"")
                .body("amount", equalTo(5500.25f)).body("reason", equalTo("年中调整计划"))
                .body("history.size()", equalTo(2));
        put("admin", id, 2025, 1200, "补录上年计划").then().statusCode(200).header("ETag", "\"4\"");

        JsonPath plans = as("leader.shangjie").get("/api/projects/" + id + "/plans").then().statusCode(200)
                .extract().jsonPath();
        assertThat(plans.getString("projectId")).isEqualTo(id);
        assertThat(plans.getList("items.year", Integer.class)).containsExactly(2025, 2026);
        assertThat(plans.getString("items[0].updatedBy")).isEqualTo("admin");
        assertThat(plans.getString("items[1].amount")).isEqualTo("5500.25");
        List<Map<String, Object>> history = plans.getList("items[1].history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("actor", "staff.shangjie").containsEntry("oldAmount", null)
                .containsEntry("newAmount", 5000).containsEntry("reason", null).containsKey("at");
        assertThat(history.get(1)).containsEntry("oldAmount", 5000).containsEntry("newAmount", 5500.25f)
                .containsEntry("reason", "年中调整计划");
        assertThat(instant(history.get(0).get("at"))).isBefore(instant(history.get(1).get("at")));
        assertThat(revisions(id)).isEqualTo(3);

        // the events, through the outbox, with sequence = the new version; none for the repeat
        PlanSet first = (PlanSet) Kafka.awaitProjectEvent(id, 2).data();
        assertThat(first.year()).isEqualTo(2026);
        assertThat(first.amount()).isEqualByComparingTo("5000");
        assertThat(first.previousAmount()).isNull();
        assertThat(first.actor()).isEqualTo("staff.shangjie");
        assertThat(first.district()).isEqualTo(SHANGJIE);
        EventEnvelope corrected = Kafka.awaitProjectEvent(id, 3);
        assertThat(corrected.type()).isEqualTo("pipeline.project.plan-set.v1");
        PlanSet correction = (PlanSet) corrected.data();
        assertThat(correction.amount()).isEqualByComparingTo("5500.25");
        assertThat(correction.previousAmount()).isEqualByComparingTo("5000");
        assertThat(correction.reason()).isEqualTo("年中调整计划");
        assertThat(correction.code()).isEqualTo(Api.get("admin", id).getString("code"));
        Kafka.awaitProjectEvent(id, 4);
        assertThat(Kafka.projectEvents(id).stream().map(EventEnvelope::sequence)).containsExactly(1L, 2L, 3L, 4L);

        JsonPath h = as("staff.shangjie").get("/api/projects/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(h.getList("action")).containsExactly("registered", "plan-set", "plan-set", "plan-set");
        assertThat(h.getList("version", Long.class)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(h.getString("[2].reason")).isEqualTo("年中调整计划");
        assertThat(h.getList("[2].changedFields")).containsExactly("plans");
        assertThat(h.getInt("[2].detail.year")).isEqualTo(2026);
        assertThat(h.getFloat("[2].detail.amount")).isEqualTo(5500.25f);
        assertThat(h.getInt("[2].detail.previousAmount")).isEqualTo(5000);
        assertThat(h.getString("[3].actor")).isEqualTo("admin");
    }

    private static java.time.Instant instant(Object iso) {
        return java.time.Instant.parse(iso.toString());
    }

    @Test
    void everyFieldIsValidatedAndNothingIsWritten() {
        String id = Api.registered();
        String path = "/api/projects/" + id + "/plans/2026";
        as("staff.shangjie").body("{}").put(path).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("amount")))
                .body("violations.code", equalTo(List.of("required")));
        as("staff.shangjie").put(path).then().statusCode(400).body("violations[0].field", equalTo("amount"));
        put("staff.shangjie", id, 2026, 0, null).then().statusCode(400)
                .body("violations.code", equalTo(List.of("out-of-range"))).body("violations[0].value", equalTo(0));
        put("staff.shangjie", id, 2026, -5, null).then().statusCode(400)
                .body("violations.code", equalTo(List.of("out-of-range")));
        put("staff.shangjie", id, 2026, new BigDecimal("10000000.5"), null).then().statusCode(400)
                .body("violations[0].code", equalTo("out-of-range"))
                .body("violations[0].limit.max", equalTo(10000000));
        put("staff.shangjie", id, 2026, new BigDecimal("1.23456"), null).then().statusCode(400)
                .body("violations.code", equalTo(List.of("too-many-decimals"))).body("violations[0].limit", equalTo(4));
        // amount and reason wrong at once: both named
        put("staff.shangjie", id, 2026, -1, "x".repeat(501)).then().statusCode(400)
                .body("violations.field", equalTo(List.of("amount", "reason")))
                .body("violations.code", equalTo(List.of("out-of-range", "too-long")))
                .body("violations[1].limit", equalTo(500));
        put("staff.shangjie", id, 2026, 10, "计划\u0001调整").then().statusCode(400)
                .body("violations.code", equalTo(List.of("control-characters")));
        as("staff.shangjie").body("{\"amount\": \"五千\"}").put(path).then().statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        as("staff.shangjie").body("{\"amount\": 10, \"year\": 2026}").put(path).then().statusCode(400)
                .body("violations[0].code", equalTo("unknown-field"));
        put("staff.shangjie", id, "26", 10, null).then().statusCode(400)
                .body("violations[0].field", equalTo("year")).body("violations[0].code", equalTo("invalid-format"));
        put("staff.shangjie", id, "1999", 10, null).then().statusCode(400)
                .body("violations[0].field", equalTo("year")).body("violations[0].code", equalTo("out-of-range"));
        as("staff.shangjie").header("If-Match", "abc").body(Map.of("amount", 10)).put(path).then().statusCode(400)
                .body("violations[0].field", equalTo("If-Match"));
        put("staff.shangjie", "7d0c7a39-0a0e-4c1b-9a8e-4a1e5a9e0b11", 2026, 10, null).then().statusCode(404);
        put("staff.shangjie", "not-a-uuid", 2026, 10, null).then().statusCode(404);

        assertThat(Api.version(id)).isEqualTo(1);
        assertThat(revisions(id)).isZero();
        as("staff.shangjie").get("/api/projects/" + id + "/plans").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aPlanAboveTheTotalInvestmentNeedsAReason() {
        String id = Api.registered(); // total investment 30000
        put("staff.shangjie", id, 2026, 30000.5, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:reason-required"))
                .body("violations.code", equalTo(List.of("exceeds-total-investment")))
                .body("violations[0].field", equalTo("amount"))
                .body("violations[0].limit", equalTo(30000));
        put("staff.shangjie", id, 2026, 30000, null).then().statusCode(200);
        put("staff.shangjie", id, 2026, 31000, "追加投资，总投资待调整").then().statusCode(200).header("ETag", "\"3\"");
    }

    /** The life of the default project: registered 2026, planned start 2025, planned production 2026. */
    @Test
    void theYearLiesWithinTheProjectsLifeAndAtMostOneYearAhead() {
        String id = Api.registered();
        put("staff.shangjie", id, 2024, 10, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:before-project-life"))
                .body("violations.field", equalTo(List.of("year")))
                .body("violations[0].value", equalTo(2024)).body("violations[0].limit", equalTo(2025));
        put("staff.shangjie", id, 2027, 10, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:after-project-life"))
                .body("violations[0].limit", equalTo(2026))
                .body("detail", containsString("计划投产"));
        // after the life and more than one year ahead: both rules at once
        put("staff.shangjie", id, 2028, 10, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:year-not-plannable"))
                .body("violations.code", equalTo(List.of("after-project-life", "too-far-ahead")))
                .body("violations[1].limit", equalTo(2027));
        put("staff.shangjie", id, 2025, 10, null).then().statusCode(200);
        put("staff.shangjie", id, 2026, 10, null).then().statusCode(200);

        // no planned production: open-ended, but never more than one year ahead
        Map<String, Object> open = Api.project(SHANGJIE);
        open.remove("plannedProduction");
        open.put("plannedStart", "2019-05-01");
        String openId = Api.register("staff.shangjie", open).getString("id");
        put("staff.shangjie", openId, 2027, 10, null).then().statusCode(200);
        put("staff.shangjie", openId, 2019, 10, null).then().statusCode(200);
        put("staff.shangjie", openId, 2028, 10, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:too-far-ahead"))
                .body("violations[0].limit", equalTo(2027));

        // a late project (planned production passed) still plans this year, not next
        Map<String, Object> late = Api.project(SHANGJIE);
        late.put("plannedStart", "2023-03-01");
        late.put("plannedProduction", "2024-12-31");
        String lateId = Api.register("staff.shangjie", late).getString("id");
        put("staff.shangjie", lateId, 2026, 10, null).then().statusCode(200);
        put("staff.shangjie", lateId, 2023, 10, null).then().statusCode(200);
        put("staff.shangjie", lateId, 2027, 10, null).then().statusCode(422)
                .body("violations[0].code", equalTo("after-project-life"))
                .body("violations[0].limit", equalTo(2026));
    }

    @Test
    void inProductionPlansEndWithTheYearOfProductionAndWithdrawnProjectsAreClosed() {
        String id = Approvals.admitted();
        Api.move(id, "STARTED", "2025-04-01");
        Api.move(id, "IN_PRODUCTION", "2025-11-30");
        long version = Api.version(id);
        put("staff.shangjie", id, 2025, 8000, null).then().statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"");
        put("staff.shangjie", id, 2026, 10, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:after-project-life"))
                .body("violations[0].limit", equalTo(2025))
                .body("detail", containsString("投产"));

        String withdrawn = Api.registered();
        Api.move(withdrawn, "WITHDRAWN", null);
        put("staff.shangjie", withdrawn, 2026, 10, null).then().statusCode(409)
                .body("type", equalTo("urn:pipeline:problem:project-closed"));
        assertThat(Api.version(withdrawn)).isEqualTo(2);
    }

    @Test
    void staffOfTheDistrictAndAdminWriteEveryoneInScopeReads() {
        String id = Api.registered();
        String xinzheng = Api.register("staff.xinzheng", Api.project(XINZHENG)).getString("id");
        put("staff.shangjie", id, 2026, 100, null).then().statusCode(200);
        put("admin", id, 2026, 200, null).then().statusCode(200);
        put("admin", xinzheng, 2026, 300, null).then().statusCode(200);
        put("staff.xinzheng", id, 2026, 400, null).then().statusCode(403).contentType("application/problem+json");
        put("staff.shangjie", xinzheng, 2026, 400, null).then().statusCode(403);
        put("leader.shangjie", id, 2026, 400, null).then().statusCode(403);
        put("leader.city", id, 2026, 400, null).then().statusCode(403);
        put("approver.ndrc", id, 2026, 400, null).then().statusCode(403);
        given().contentType("application/json").body(Map.of("amount", 400)).put("/api/projects/" + id
                + "/plans/2026").then().statusCode(401);
        assertThat(Api.version(id)).isEqualTo(3);

        for (String reader : List.of("staff.shangjie", "leader.shangjie", "leader.city", "approver.ndrc", "admin")) {
            as(reader).get("/api/projects/" + id + "/plans").then().statusCode(200)
                    .body("items[0].amount", equalTo(200));
        }
        as("staff.xinzheng").get("/api/projects/" + id + "/plans").then().statusCode(403);
        as("leader.shangjie").get("/api/projects/" + xinzheng + "/plans").then().statusCode(403);
        given().get("/api/projects/" + id + "/plans").then().statusCode(401);
        as("admin").get("/api/projects/7d0c7a39-0a0e-4c1b-9a8e-4a1e5a9e0b11/plans").then().statusCode(404);
    }

    /** Writers holding the same ETag race: one wins, every other is 409; the stale ETag stays refused. */
    @Test
    void ofConcurrentPutsWithIfMatchExactlyOneWins() throws Exception {
        String id = Api.registered();
        int n = 6;
        List<Integer> statuses = race(id, n, "\"1\"");
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(n - 1);
        assertThat(Api.version(id)).isEqualTo(2);
        assertThat(revisions(id)).isEqualTo(1);
        put("staff.shangjie", id, 2026, 999, null).then().statusCode(200).header("ETag", "\"3\"");
        as("staff.shangjie").header("If-Match", "\"2\"").body(Map.of("amount", 1)).put("/api/projects/" + id
                + "/plans/2026").then().statusCode(409).body("type", equalTo("urn:pipeline:problem:stale-version"));
    }

    /** Without If-Match the first plans of one year collide on the same row: never a 500, and no figure is lost. */
    @Test
    void concurrentFirstPlansWithoutIfMatchAreSerialised() throws Exception {
        String id = Api.registered();
        int n = 6;
        List<Integer> statuses = race(id, n, null);
        assertThat(statuses).allMatch(s -> s == 200 || s == 409);
        long won = statuses.stream().filter(s -> s == 200).count();
        assertThat(won).isPositive();
        assertThat(Api.version(id)).isEqualTo(1 + won);
        assertThat(revisions(id)).isEqualTo(won);
        as("staff.shangjie").get("/api/projects/" + id + "/plans").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].history.size()", equalTo((int) won));
    }

    private static List<Integer> race(String id, int n, String ifMatch) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.bearer("staff.shangjie");
        return Concurrently.run(n, i -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                            + "/api/projects/" + id + "/plans/2026"))
                    .header("Authorization", token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"amount\": " + (1000 + i) + "}"));
            if (ifMatch != null) {
                b.header("If-Match", ifMatch);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        });
    }

    /** The OpenAPI document says what the PUT really answers, with a problem document for every error. */
    @Test
    void theOpenApiDocumentDescribesEveryAnswer() {
        JsonPath doc = given().accept("application/json").queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        String put = "paths.'/api/projects/{id}/plans/{year}'.put";
        assertThat(doc.getMap(put + ".responses")).containsKeys("200", "400", "401", "403", "404", "409", "422");
        for (String status : List.of("400", "403", "404", "409", "422")) {
            assertThat(doc.getMap(put + ".responses.'" + status + "'.content")).as(status)
                    .containsKey("application/problem+json");
        }
        assertThat(doc.getMap(put + ".requestBody.content.'application/json'.examples")).isNotEmpty();
        assertThat(doc.getMap("paths.'/api/projects/{id}/plans'.get.responses")).containsKeys("200", "403", "404");
        assertThat(doc.getMap("paths.'/api/projects/import/plans'.post.responses")).containsKeys("200", "400", "413");
        assertThat(doc.getMap("paths.'/api/projects/import/plan-template'.get.responses")).containsKey("200");
    }
}
