package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import cn.zz.pipeline.testsupport.Concurrently;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Api.SHANGJIE;
import static cn.zz.pipeline.project.Api.as;
import static cn.zz.pipeline.project.Api.move;
import static cn.zz.pipeline.project.Api.project;
import static cn.zz.pipeline.project.Api.register;
import static cn.zz.pipeline.project.Api.registered;
import static cn.zz.pipeline.project.Api.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Stage gates (422 with every unmet condition), illegal moves (409), conditional requests, history. */
@QuarkusTest
class LifecycleTest {

    @Test
    void declarationListsEveryUnmetCondition() {
        Map<String, Object> body = project(SHANGJIE);
        body.put("totalInvestment", 400);      // < 500, and 40万元/亩
        body.put("landArea", 10);
        body.put("annualOutput", 1000);        // 100万元/亩 < 500
        body.remove("annualTax");              // needed for the 亩均 screen
        body.remove("plannedProduction");
        String id = register("staff.shangjie", body).getString("id");

        JsonPath problem = transition("staff.shangjie", id, "DECLARED", null).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.code", containsInAnyOrder("min-total-investment", "missing-fact", "missing-fact",
                        "investment-intensity", "output-intensity"))
                .extract().jsonPath();
        assertThat(problem.getString("violations.find { it.code == 'min-total-investment' }.value")).isEqualTo("400");
        assertThat(problem.getString("violations.find { it.code == 'min-total-investment' }.limit")).isEqualTo("500");
        assertThat(problem.getString("violations.find { it.code == 'investment-intensity' }.value")).isEqualTo("40");
        assertThat(problem.getString("violations.find { it.code == 'investment-intensity' }.limit")).isEqualTo("400");
        assertThat(problem.getString("violations.find { it.code == 'output-intensity' }.value")).isEqualTo("100");
        assertThat(problem.getList("violations.findAll { it.code == 'missing-fact' }.field"))
                .containsExactlyInAnyOrder("plannedProduction", "annualTax");
        assertThat(problem.getString("violations[0].message")).isNotBlank();
        assertThat(Api.get("staff.shangjie", id).getString("stage")).isEqualTo("RESERVE");
    }

    @Test
    void taxIntensityAndLandAreaAreScreened() {
        Map<String, Object> body = project(SHANGJIE);
        body.put("annualTax", 100); // 2万元/亩 < 30
        String id = register("staff.shangjie", body).getString("id");
        transition("staff.shangjie", id, "DECLARED", null).then().statusCode(422)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("taxIntensity"))
                .body("violations[0].code", equalTo("tax-intensity"))
                .body("violations[0].value", equalTo(2))
                .body("violations[0].limit", equalTo(30));

        body = project(SHANGJIE);
        body.remove("landArea"); // takes new land but no area given
        id = register("staff.shangjie", body).getString("id");
        transition("staff.shangjie", id, "DECLARED", null).then().statusCode(422)
                .body("violations.field", containsInAnyOrder("landArea"))
                .body("violations[0].code", equalTo("missing-fact"));
    }

    @Test
    void screeningOnlyForIndustrialProjectsTakingNewLand() {
        Map<String, Object> services = project(SHANGJIE);
        services.put("industry", "K7010"); // real estate: no 亩均 screen
        services.put("landArea", 100);
        services.put("annualOutput", 0);
        services.remove("annualTax");
        move(register("staff.shangjie", services).getString("id"), "DECLARED", null);

        Map<String, Object> existingLand = project(SHANGJIE);
        existingLand.put("takesNewLand", false);
        existingLand.put("landArea", 100);
        existingLand.put("annualOutput", 0);
        move(register("staff.shangjie", existingLand).getString("id"), "DECLARED", null);
    }

    @Test
    void thresholdsAreConfiguredPerDistrict() {
        // 登封市: min-total-investment 1000 in the test profile (application.properties)
        String dengfeng = TestDistricts.of(getClass());
        Map<String, Object> body = project(dengfeng);
        body.put("totalInvestment", 800);
        body.put("landArea", 1);
        String id = register("admin", body).getString("id");
        transition("admin", id, "DECLARED", null).then().statusCode(422)
                .body("violations[0].code", equalTo("min-total-investment"))
                .body("violations[0].limit", equalTo(1000));
        as("admin").get("/api/districts").then().statusCode(200)
                .body("find { it.code == '" + dengfeng + "' }.gates.minTotalInvestment", equalTo(1000))
                .body("find { it.code == '410106' }.gates.minTotalInvestment", equalTo(500))
                .body("find { it.code == '410106' }.name", equalTo("上街区"));

        body.put("district", SHANGJIE); // the same project passes the default threshold
        move(register("staff.shangjie", body).getString("id"), "DECLARED", null);
    }

    @Test
    void lifecycleRefusesMovesItDoesNotAllow() {
        String id = registered();
        transition("staff.shangjie", id, "ADMITTED", null).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("储备"));
        transition("staff.shangjie", id, "STARTED", Api.today().toString()).then().statusCode(409);
        transition("staff.shangjie", id, "RESERVE", null).then().statusCode(409);
        transition("staff.shangjie", id, "IN_PRODUCTION", Api.today().toString()).then().statusCode(409);
        as("staff.shangjie").body(Map.of("to", "BUILDING")).post("/api/projects/" + id + "/transitions")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        as("staff.shangjie").body(Map.of("reason", "x")).post("/api/projects/" + id + "/transitions")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        as("staff.shangjie").body(Map.of("to", "WITHDRAWN", "date", "0001-01-01"))
                .post("/api/projects/" + id + "/transitions").then().statusCode(400)
                .body("violations[0].field", equalTo("date")).body("violations[0].code", equalTo("PlausibleDate"));

        move(id, "DECLARED", null);
        // 入库 only after the approval case was approved
        transition("staff.shangjie", id, "ADMITTED", null).then().statusCode(422)
                .body("violations[0].field", equalTo("approvalState"))
                .body("violations[0].code", equalTo("approval-pending"))
                .body("violations[0].value", equalTo("NONE"));
        transition("staff.shangjie", id, "DECLARED", null).then().statusCode(409);

        as("staff.shangjie").body(Map.of("to", "WITHDRAWN", "reason", "企业放弃投资"))
                .post("/api/projects/" + id + "/transitions").then().statusCode(200)
                .body("stage", equalTo("WITHDRAWN")).body("withdrawnOn", equalTo(Api.today().toString()));
        transition("staff.shangjie", id, "DECLARED", null).then().statusCode(409);
        transition("staff.shangjie", id, "WITHDRAWN", null).then().statusCode(409);

        EventEnvelope withdrawn = Kafka.awaitProjectEvent(id, 3);
        assertThat(withdrawn.type()).isEqualTo("pipeline.project.withdrawn.v1");
        ProjectWithdrawn w = (ProjectWithdrawn) withdrawn.data();
        assertThat(w.from().name()).isEqualTo("DECLARED");
        assertThat(w.reason()).isEqualTo("企业放弃投资");
        assertThat(w.actor()).isEqualTo("staff.shangjie");
    }

    @Test
    void startAndProductionDates() {
        String id = Approvals.admitted();
        String today = Api.today().toString();
        transition("staff.shangjie", id, "STARTED", null).then().statusCode(422)
                .body("violations[0].field", equalTo("date")).body("violations[0].code", equalTo("missing-fact"));
        transition("staff.shangjie", id, "STARTED", Api.today().plusDays(1).toString()).then().statusCode(422)
                .body("violations[0].code", equalTo("start-date-in-future"));
        String start = Api.today().minusDays(10).toString();
        transition("staff.shangjie", id, "STARTED", start).then().statusCode(200)
                .body("stage", equalTo("STARTED")).body("startedOn", equalTo(start));

        transition("staff.shangjie", id, "IN_PRODUCTION", null).then().statusCode(422)
                .body("violations[0].code", equalTo("missing-fact"));
        transition("staff.shangjie", id, "IN_PRODUCTION", Api.today().minusDays(11).toString()).then().statusCode(422)
                .body("violations[0].code", equalTo("production-before-start"))
                .body("violations[0].limit", equalTo(start));
        transition("staff.shangjie", id, "IN_PRODUCTION", Api.today().plusDays(3).toString()).then().statusCode(422)
                .body("violations[0].code", equalTo("date-in-future"));
        transition("staff.shangjie", id, "IN_PRODUCTION", today).then().statusCode(200)
                .body("stage", equalTo("IN_PRODUCTION")).body("productionOn", equalTo(today));
        // 撤销 only before 投产
        transition("staff.shangjie", id, "WITHDRAWN", null).then().statusCode(409);
    }

    @Test
    void patchNeedsIfMatchAndBumpsVersion() {
        String id = registered();
        String path = "/api/projects/" + id;
        as("staff.shangjie").contentType("application/merge-patch+json; charset=UTF-8").body("{\"totalInvestment\": 32000}")
                .patch(path).then().statusCode(428).contentType("application/problem+json");
        as("staff.shangjie").header("If-Match", "\"7\"").contentType("application/merge-patch+json")
                .body("{\"totalInvestment\": 32000}").patch(path).then().statusCode(409);
        as("staff.shangjie").header("If-Match", "seven").contentType("application/merge-patch+json")
                .body("{\"totalInvestment\": 32000}").patch(path).then().statusCode(400);

        Api.patching("staff.shangjie", 1)
                .body("{\"totalInvestment\": 32000.5, \"park\": \"郑州国际物流园区\", \"eiaCategory\": null}")
                .patch(path).then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("totalInvestment", equalTo(32000.5f))
                .body("park", equalTo("郑州国际物流园区")).body("eiaCategory", equalTo(null));
        // the same values again: no change, no new version
        as("staff.shangjie").header("If-Match", "W/\"2\"").body("{\"totalInvestment\": 32000.50}")
                .patch(path).then().statusCode(200).header("ETag", "\"2\"");
        // industry C → F changes the derived sector too
        as("staff.shangjie").header("If-Match", "\"2\"").body("{\"industry\": \"F5121\"}")
                .patch(path).then().statusCode(200).body("sector", equalTo("TERTIARY")).body("version", equalTo(3));

        as("staff.shangjie").header("If-Match", "\"3\"").body("{\"stage\": \"ADMITTED\", \"code\": \"x\"}")
                .patch(path).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("stage", "code"))
                .body("violations.code", containsInAnyOrder("not-patchable", "not-patchable"));
        as("staff.shangjie").header("If-Match", "\"3\"").body("{\"name\": null, \"totalInvestment\": -1}")
                .patch(path).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("name", "totalInvestment"));
        as("staff.shangjie").header("If-Match", "\"3\"").body("{\"plannedProduction\": \"2020-01-01\"}")
                .patch(path).then().statusCode(400)
                .body("violations[0].code", equalTo("production-before-start"));
        as("staff.shangjie").header("If-Match", "\"3\"").body("[1, 2]").patch(path).then().statusCode(400);
        as("staff.shangjie").header("If-Match", "\"3\"").body("{\"nickname\": \"x\"}").patch(path).then()
                .statusCode(400).body("violations[0].code", equalTo("unknown-field"));
        assertThat(Api.version(id)).isEqualTo(3);

        EventEnvelope updated = Kafka.awaitProjectEvent(id, 2);
        assertThat(updated.type()).isEqualTo("pipeline.project.updated.v1");
        ProjectUpdated u = (ProjectUpdated) updated.data();
        assertThat(u.changedFields()).containsExactly("park", "totalInvestment", "eiaCategory");
        assertThat(u.project().totalInvestment()).isEqualByComparingTo(new BigDecimal("32000.5"));
        assertThat(((ProjectUpdated) Kafka.awaitProjectEvent(id, 3).data()).changedFields())
                .containsExactly("industry", "sector");
    }

    @Test
    void transitionWithStaleIfMatchIs409() {
        String id = registered();
        as("staff.shangjie").header("If-Match", "\"5\"").body(Map.of("to", "DECLARED"))
                .post("/api/projects/" + id + "/transitions").then().statusCode(409)
                .body("type", equalTo("urn:pipeline:problem:stale-version"));
        as("staff.shangjie").header("If-Match", "\"1\"").body(Map.of("to", "DECLARED", "reason", "材料齐全"))
                .post("/api/projects/" + id + "/transitions").then().statusCode(200)
                .header("ETag", "\"2\"").body("declaredOn", equalTo(Api.today().toString()));
        EventEnvelope declared = Kafka.awaitProjectEvent(id, 2);
        assertThat(declared.type()).isEqualTo("pipeline.project.declared.v1");
        ProjectDeclared d = (ProjectDeclared) declared.data();
        assertThat(d.project().takesNewLand()).isTrue();
        assertThat(d.project().stage().name()).isEqualTo("DECLARED");
        assertThat(d.reason()).isEqualTo("材料齐全");
        assertThat(d.date()).isEqualTo(Api.today());
    }

    @Test
    void ofConcurrentTransitionsExactlyOneWins() throws Exception {
        String id = registered();
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.bearer("staff.shangjie");
        int n = 8;
        List<Integer> statuses = Concurrently.run(n, i -> http.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + RestAssured.port + "/api/projects/" + id + "/transitions"))
                        .header("Authorization", token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"DECLARED\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(n - 1);
        assertThat(Api.version(id)).isEqualTo(2);
        as("staff.shangjie").get("/api/projects/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("registered", "declared")));
    }

    @Test
    void historyRecordsWhoWhenWhatAndWhy() {
        String id = registered();
        as("staff.shangjie").header("If-Match", "\"1\"").body("{\"annualTax\": 3500}")
                .patch("/api/projects/" + id).then().statusCode(200);
        as("staff.shangjie").body(Map.of("to", "DECLARED", "reason", "申报入库")).post("/api/projects/" + id
                + "/transitions").then().statusCode(200);
        JsonPath h = as("leader.shangjie").get("/api/projects/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(h.getList("action")).containsExactly("registered", "updated", "declared");
        assertThat(h.getList("version", Integer.class)).containsExactly(1, 2, 3);
        assertThat(h.getList("actor")).containsOnly("staff.shangjie");
        assertThat(h.getString("[0].to")).isEqualTo("RESERVE");
        assertThat(h.getList("[1].changedFields")).containsExactly("annualTax");
        assertThat(h.getString("[2].from")).isEqualTo("RESERVE");
        assertThat(h.getString("[2].to")).isEqualTo("DECLARED");
        assertThat(h.getString("[2].reason")).isEqualTo("申报入库");
        assertThat(h.getString("[2].at")).isNotBlank();
        // the events of the project are numbered 1, 2, 3 without gaps
        Kafka.awaitProjectEvent(id, 3);
        assertThat(Kafka.projectEvents(id).stream().map(EventEnvelope::sequence)).containsExactly(1L, 2L, 3L);
    }
}
