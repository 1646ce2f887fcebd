package cn.zz.pipeline.project;

import cn.zz.pipeline.events.project.ProblemLogged;
import cn.zz.pipeline.events.project.ProblemResolved;
import cn.zz.pipeline.events.project.ProjectAssigned;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The problem ledger (问题解决台账) and the assignment of a leader and a task force (领导分包+专班). */
@QuarkusTest
class ProblemAndAssignmentTest {

    private static Map<String, Object> problem(String category, String deadline) {
        return Map.of("category", category, "description", "用电增容未落实，影响设备调试", "department", "供电公司",
                "deadline", deadline);
    }

    @Test
    void problemsAreLoggedResolvedAndFiltered() {
        String id = Api.registered();
        String overdueDeadline = Api.today().minusDays(3).toString();
        var created = as("staff.shangjie").body(problem("UTILITIES", overdueDeadline))
                .post("/api/projects/" + id + "/problems").then().statusCode(201).header("ETag", "\"2\"")
                .body("category", equalTo("UTILITIES")).body("categoryLabel", equalTo("水电"))
                .body("state", equalTo("OPEN")).body("overdue", equalTo(true)).extract();
        String overdueId = created.jsonPath().getString("id");
        assertThat(created.header("Location")).endsWith("/api/projects/" + id + "/problems/" + overdueId);
        String laterId = as("staff.shangjie").body(problem("LAND", Api.today().plusMonths(1).toString()))
                .post("/api/projects/" + id + "/problems").then().statusCode(201).body("overdue", equalTo(false))
                .extract().jsonPath().getString("id");

        as("leader.shangjie").queryParam("overdue", "true").get("/api/projects/" + id + "/problems").then()
                .statusCode(200).body("id", equalTo(List.of(overdueId)));
        as("leader.city").queryParam("overdue", "true").queryParam("size", "200").get("/api/problems").then()
                .statusCode(200).body("items.id", hasItem(overdueId)).body("items.id", not(hasItem(laterId)))
                .body("items.find { it.id == '" + overdueId + "' }.projectCode",
                        equalTo(Api.get("admin", id).getString("code")));

        as("staff.shangjie").body(Map.of("resolution", "供电公司已完成增容")).post("/api/projects/" + id + "/problems/"
                + overdueId + "/resolution").then().statusCode(200).header("ETag", "\"4\"")
                .body("state", equalTo("RESOLVED")).body("overdue", equalTo(false))
                .body("resolvedOn", equalTo(Api.today().toString())).body("resolvedBy", equalTo("staff.shangjie"));
        as("staff.shangjie").body(Map.of("resolution", "again")).post("/api/projects/" + id + "/problems/"
                + overdueId + "/resolution").then().statusCode(409);
        as("staff.shangjie").body(Map.of("resolution", "x", "resolvedOn", Api.today().plusDays(2).toString()))
                .post("/api/projects/" + id + "/problems/" + laterId + "/resolution").then().statusCode(422);
        as("staff.shangjie").body(Map.of("resolution", "x")).post("/api/projects/" + id + "/problems/"
                + java.util.UUID.randomUUID() + "/resolution").then().statusCode(404);

        as("staff.shangjie").queryParam("state", "RESOLVED").get("/api/projects/" + id + "/problems").then()
                .statusCode(200).body("id", equalTo(List.of(overdueId)));
        as("staff.shangjie").queryParam("state", "OPEN").get("/api/projects/" + id + "/problems").then()
                .statusCode(200).body("id", equalTo(List.of(laterId)));
        as("staff.shangjie").get("/api/projects/" + id + "/problems/" + laterId).then().statusCode(200)
                .body("department", equalTo("供电公司"));
        as("staff.shangjie").queryParam("state", "DONE").get("/api/problems").then().statusCode(400);
        as("staff.shangjie").queryParam("overdue", "yes").get("/api/problems").then().statusCode(400);

        ProblemLogged logged = (ProblemLogged) Kafka.awaitProjectEvent(id, 2).data();
        assertThat(logged.category()).isEqualTo("UTILITIES");
        assertThat(logged.department()).isEqualTo("供电公司");
        assertThat(logged.loggedOn()).isEqualTo(Api.today()); // 登记日期 defaults to today
        ProblemResolved resolved = (ProblemResolved) Kafka.awaitProjectEvent(id, 4).data();
        assertThat(resolved.problemId().toString()).isEqualTo(overdueId);
        assertThat(resolved.resolution()).isEqualTo("供电公司已完成增容");
    }

    @Test
    void problemInputIsValidatedAndScoped() {
        String id = Api.registered();
        as("staff.shangjie").body(Map.of("category", "WEATHER", "description", "x", "department", "y",
                "deadline", "2026-01-01")).post("/api/projects/" + id + "/problems").then().statusCode(400)
                .body("violations[0].field", equalTo("category"));
        as("staff.shangjie").body(Map.of("category", "LAND")).post("/api/projects/" + id + "/problems").then()
                .statusCode(400).body("violations.field", equalTo(List.of("deadline", "department", "description")));
        as("staff.xinzheng").body(problem("LAND", "2030-01-01")).post("/api/projects/" + id + "/problems").then()
                .statusCode(403);
        // a district user's ledger holds only their district
        as("staff.shangjie").body(problem("FUNDING", "2020-01-01")).post("/api/projects/" + id + "/problems")
                .then().statusCode(201);
        as("staff.xinzheng").queryParam("size", "200").get("/api/problems").then().statusCode(200)
                .body("items.district", everyItem(equalTo(Api.XINZHENG)));
        as("staff.xinzheng").queryParam("district", Api.SHANGJIE).get("/api/problems").then().statusCode(403);
    }

    @Test
    void assignmentOfLeaderAndTaskForce() {
        String id = Api.registered();
        as("staff.shangjie").body(Map.of("leader", "王副区长", "taskForce", List.of("张伟", "李娜", " 张伟 ")))
                .put("/api/projects/" + id + "/assignment").then().statusCode(200).header("ETag", "\"2\"")
                .body("leader", equalTo("王副区长")).body("taskForce", equalTo(List.of("张伟", "李娜")));
        // the same again: nothing changes
        as("staff.shangjie").body(Map.of("leader", "王副区长", "taskForce", List.of("张伟", "李娜")))
                .put("/api/projects/" + id + "/assignment").then().statusCode(200).header("ETag", "\"2\"");
        as("staff.shangjie").body(Map.of("taskForce", List.of("")))
                .put("/api/projects/" + id + "/assignment").then().statusCode(400)
                .body("violations[0].field", equalTo("taskForce[0]"));
        as("leader.shangjie").body(Map.of("leader", "x")).put("/api/projects/" + id + "/assignment").then()
                .statusCode(403);

        ProjectAssigned assigned = (ProjectAssigned) Kafka.awaitProjectEvent(id, 2).data();
        assertThat(assigned.leader()).isEqualTo("王副区长");
        assertThat(assigned.taskForce()).containsExactly("张伟", "李娜");
        JsonPath h = as("staff.shangjie").get("/api/projects/" + id + "/history").then().extract().jsonPath();
        assertThat(h.getString("[1].action")).isEqualTo("assigned");
        assertThat(h.getList("[1].changedFields")).containsExactly("leader", "taskForce");
    }
}
