package cn.zz.pipeline.project;

import cn.zz.pipeline.events.project.ProblemLogged;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A problem's 登记日期 (loggedOn): given or today, stored, shown, published; never in the future nor before 2000. */
@QuarkusTest
class ProblemLoggedOnTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @BeforeEach
    void fixTheClock() {
        Api.standOn(TODAY);
    }

    private static Map<String, Object> problem(String deadline, String loggedOn) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("category", "LAND");
        p.put("description", "用地指标未落实");
        p.put("department", "自然资源和规划局");
        p.put("deadline", deadline);
        if (loggedOn != null) {
            p.put("loggedOn", loggedOn);
        }
        return p;
    }

    @Test
    void aLedgerCarriedOverKeepsItsDates() {
        String id = Api.registered();
        String today = as("staff.shangjie").body(problem("2026-03-31", null)).post("/api/projects/" + id + "/problems")
                .then().statusCode(201).body("loggedOn", equalTo(TODAY.toString())).extract().path("id");
        String carried = as("staff.shangjie").body(problem("2025-12-31", "2025-11-20"))
                .post("/api/projects/" + id + "/problems").then().statusCode(201)
                .body("loggedOn", equalTo("2025-11-20")).body("overdue", equalTo(true)).extract().path("id");

        // in the order they were logged, not typed in
        as("leader.shangjie").get("/api/projects/" + id + "/problems").then().statusCode(200)
                .body("id", equalTo(List.of(carried, today)))
                .body("loggedOn", equalTo(List.of("2025-11-20", TODAY.toString())));
        as("leader.city").queryParam("size", "200").get("/api/problems").then().statusCode(200)
                .body("items.find { it.id == '" + carried + "' }.loggedOn", equalTo("2025-11-20"));

        ProblemLogged first = (ProblemLogged) Kafka.awaitProjectEvent(id, 2).data();
        assertThat(first.loggedOn()).isEqualTo(TODAY);
        ProblemLogged second = (ProblemLogged) Kafka.awaitProjectEvent(id, 3).data();
        assertThat(second.problemId().toString()).isEqualTo(carried);
        assertThat(second.loggedOn()).isEqualTo(LocalDate.of(2025, 11, 20));
        JsonPath h = as("staff.shangjie").get("/api/projects/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(h.getString("[2].detail.loggedOn")).isEqualTo("2025-11-20");

        // solved before it was logged: no
        as("staff.shangjie").body(Map.of("resolution", "已供地", "resolvedOn", "2025-11-19"))
                .post("/api/projects/" + id + "/problems/" + carried + "/resolution").then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:resolved-before-logged"))
                .body("violations[0].field", equalTo("resolvedOn"))
                .body("violations[0].limit", equalTo("2025-11-20"));
        as("staff.shangjie").body(Map.of("resolution", "已供地", "resolvedOn", "2025-11-20"))
                .post("/api/projects/" + id + "/problems/" + carried + "/resolution").then().statusCode(200)
                .body("resolvedOn", equalTo("2025-11-20")).body("loggedOn", equalTo("2025-11-20"));
    }

    @Test
    void loggedOnIsChecked() {
        String id = Api.registered();
        String path = "/api/projects/" + id + "/problems";
        as("staff.shangjie").body(problem("2026-03-31", "2026-01-16")).post(path).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("loggedOn"))
                .body("violations[0].code", equalTo("date-in-future"))
                .body("violations[0].limit", equalTo(TODAY.toString()));
        as("staff.shangjie").body(problem("2026-03-31", "1999-12-31")).post(path).then().statusCode(422)
                .body("violations[0].field", equalTo("loggedOn"))
                .body("violations[0].code", equalTo("out-of-range"))
                .body("violations[0].limit", equalTo("2000-01-01"));
        as("staff.shangjie").body(problem("2026-03-31", "1940-01-01")).post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("loggedOn"));
        as("staff.shangjie").body(problem("2026-03-31", "2025-02-29")).post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("loggedOn"));
        assertThat(Api.version(id)).isEqualTo(1);
        as("staff.shangjie").body(problem("2026-03-31", "2000-01-01")).post(path).then().statusCode(201)
                .body("loggedOn", equalTo("2000-01-01"));
        as("staff.shangjie").body(problem("2026-03-31", TODAY.toString())).post(path).then().statusCode(201);
        as("staff.xinzheng").body(problem("2026-03-31", "2025-12-01")).post(path).then().statusCode(403);
    }
}
