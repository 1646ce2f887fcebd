package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.approval.Approvals;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.events.approval.CaseRejected;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.Concurrently;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.zz.pipeline.approval.Approvals.approvalEvents;
import static cn.zz.pipeline.approval.Approvals.awaitCase;
import static cn.zz.pipeline.approval.Approvals.caseById;
import static cn.zz.pipeline.approval.Approvals.decide;
import static cn.zz.pipeline.approval.Approvals.task;
import static cn.zz.pipeline.testsupport.DemoUsers.APPROVER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The parallel flow over real Kafka and PostgreSQL: one case, one task per department, decisions, outcomes. Projects
 * are declared on the service's own today, whatever day the suite runs on (dates are ClockTest's concern).
 */
@QuarkusTest
class ParallelApprovalTest {

    @Inject
    Today today;

    private JsonPath declareFourDepartments(UUID id) {
        Approvals.declare(Approvals.fourDepartments(id), today.date(), 2);
        return awaitCase(id);
    }

    @Test
    void fourDepartmentsApproveInAnyOrderAndTheCaseIsApprovedOnce() {
        UUID id = UUID.randomUUID();
        JsonPath c = declareFourDepartments(id);
        assertThat(c.getList("tasks.department")).containsExactlyInAnyOrder("NDRC", "NR", "EE", "HC");
        assertThat(c.getString("state")).isEqualTo("OPEN");
        assertThat(c.getList("tasks.state")).containsOnly("PENDING");

        for (String dept : List.of("HC", "EE", "NDRC")) {
            decide(APPROVER.get(dept), task(c, dept), "APPROVE", null).then().statusCode(200)
                    .body("state", equalTo("APPROVED")).body("decidedBy", equalTo(APPROVER.get(dept)))
                    .body("clockRunning", equalTo(false));
            assertThat(caseById(c.getString("id")).getString("state")).isEqualTo("OPEN");
        }
        JsonPath answer = decide("approver.nr", task(c, "NR"), "APPROVE", "用地手续齐全").then().statusCode(200)
                .extract().jsonPath();
        assertThat(caseById(c.getString("id")).getString("state")).isEqualTo("APPROVED");
        // the answer is the task as stored: its new version, the decision in its history
        JsonPath stored = given().header("Authorization", Tokens.bearer("approver.nr"))
                .get("/api/approval-tasks/" + task(c, "NR")).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getLong("version")).isEqualTo(stored.getLong("version")).isPositive();
        assertThat(answer.getList("history.action")).isEqualTo(stored.getList("history.action")).contains("APPROVE");

        await().atMost(Duration.ofSeconds(20)).until(() -> approvalEvents(id).size() >= 6);
        List<EventEnvelope> events = approvalEvents(id);
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly(EventType.CASE_OPENED,
                EventType.TASK_DECIDED, EventType.TASK_DECIDED, EventType.TASK_DECIDED, EventType.TASK_DECIDED,
                EventType.CASE_APPROVED);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        CaseOpened opened = (CaseOpened) events.get(0).data();
        assertThat(opened.tasks()).hasSize(4);
        assertThat(opened.tasks()).filteredOn(t -> t.department().equals("NR")).singleElement()
                .satisfies(t -> assertThat(t.items()).containsExactly("LAND_PRE_APPROVAL", "LAND_PLANNING_PERMIT"));
        assertThat(events.get(0).source()).isEqualTo("/approval-service");
    }

    @Test
    void oneRejectionRejectsTheCaseAndCancelsTheOpenTasks() {
        UUID id = UUID.randomUUID();
        JsonPath c = declareFourDepartments(id);
        decide("approver.ndrc", task(c, "NDRC"), "APPROVE", null).then().statusCode(200);
        decide("approver.nr", task(c, "NR"), "REJECT", "占用永久基本农田，不予通过用地预审").then().statusCode(200)
                .body("state", equalTo("REJECTED"));

        JsonPath after = caseById(c.getString("id"));
        assertThat(after.getString("state")).isEqualTo("REJECTED");
        assertThat(after.getString("tasks.find { it.department == 'NDRC' }.state")).isEqualTo("APPROVED");
        assertThat(after.getString("tasks.find { it.department == 'EE' }.state")).isEqualTo("CANCELLED");
        assertThat(after.getString("tasks.find { it.department == 'HC' }.state")).isEqualTo("CANCELLED");

        decide("approver.ee", task(c, "EE"), "APPROVE", null).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:pipeline:problem:task-cancelled"));

        await().atMost(Duration.ofSeconds(20)).until(() -> approvalEvents(id).stream()
                .anyMatch(e -> e.eventType() == EventType.CASE_REJECTED));
        CaseRejected rejected = (CaseRejected) approvalEvents(id).stream()
                .filter(e -> e.eventType() == EventType.CASE_REJECTED).findFirst().orElseThrow().data();
        assertThat(rejected.department()).isEqualTo("NR");
        assertThat(rejected.reason()).contains("永久基本农田");
    }

    @Test
    void onlyTheTasksDepartmentMayDecide() {
        UUID id = UUID.randomUUID();
        JsonPath c = declareFourDepartments(id);
        decide("approver.nr", task(c, "NDRC"), "APPROVE", null).then().statusCode(403)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("发展和改革委员会"));
        decide("staff.shangjie", task(c, "NDRC"), "APPROVE", null).then().statusCode(403);
        decide("leader.city", task(c, "NDRC"), "APPROVE", null).then().statusCode(403);
        given().contentType("application/json").body(Map.of("decision", "APPROVE"))
                .post("/api/approval-tasks/" + task(c, "NDRC") + "/decision").then().statusCode(401);
        assertThat(caseById(c.getString("id")).getList("tasks.state")).containsOnly("PENDING");
    }

    @Test
    void aDecidedTaskCannotBeDecidedAgainAndOfConcurrentDecisionsOneWins() throws Exception {
        UUID id = UUID.randomUUID();
        JsonPath c = declareFourDepartments(id);
        String ndrc = task(c, "NDRC");
        List<Integer> statuses = Concurrently.run(8, i -> decide("approver.ndrc", ndrc, i % 2 == 0 ? "APPROVE" : "REJECT",
                "并发决定 " + i).statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);

        decide("approver.ndrc", ndrc, "APPROVE", null).then().statusCode(409).contentType("application/problem+json");
        await().atMost(Duration.ofSeconds(20)).until(() -> approvalEvents(id).size() >= 2);
        Thread.sleep(500);
        assertThat(approvalEvents(id)).filteredOn(e -> e.eventType() == EventType.TASK_DECIDED).hasSize(1);
    }

    @Test
    void concurrentLastApprovalsCompleteTheCaseExactlyOnce() throws Exception {
        UUID id = UUID.randomUUID();
        JsonPath c = declareFourDepartments(id);
        List<String> depts = List.of("NDRC", "NR", "EE", "HC");
        List<Integer> statuses = Concurrently.run(4, i -> decide(APPROVER.get(depts.get(i)), task(c, depts.get(i)),
                "APPROVE", null).statusCode());
        assertThat(statuses).containsOnly(200);
        assertThat(caseById(c.getString("id")).getString("state")).isEqualTo("APPROVED");
        await().atMost(Duration.ofSeconds(20)).until(() -> approvalEvents(id).size() >= 6);
        Thread.sleep(500);
        List<EventEnvelope> events = approvalEvents(id);
        assertThat(events).filteredOn(e -> e.eventType() == EventType.CASE_APPROVED).hasSize(1);
        assertThat(events.get(events.size() - 1).eventType()).isEqualTo(EventType.CASE_APPROVED);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void badDecisionsAreProblemsNamingTheField() {
        UUID id = UUID.randomUUID();
        JsonPath c = declareFourDepartments(id);
        String ee = task(c, "EE");
        decide("approver.ee", ee, "REJECT", "  ").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("comment"))
                .body("violations[0].code", equalTo("required-for-reject"));
        decide("approver.ee", ee, "RETURN", null).then().statusCode(400)
                .body("violations[0].code", equalTo("required-for-return"));
        decide("approver.ee", ee, "MAYBE", null).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("decision"));
        given().header("Authorization", Tokens.bearer("approver.ee")).contentType("application/json")
                .body("{\"decision\":0}").post("/api/approval-tasks/" + ee + "/decision").then().statusCode(400)
                .body("violations.field", hasItem("decision")); // a number is no decision, not even APPROVE
        given().header("Authorization", Tokens.bearer("approver.ee")).contentType("application/json").body("{}")
                .post("/api/approval-tasks/" + ee + "/decision").then().statusCode(400)
                .body("violations.field", hasItem("decision"));
        given().header("Authorization", Tokens.bearer("approver.ee")).contentType("application/json")
                .body(Map.of("decision", "REJECT", "comment", "x".repeat(1001)))
                .post("/api/approval-tasks/" + ee + "/decision").then().statusCode(400)
                .body("violations.field", hasItem("comment"));
        decide("approver.ee", UUID.randomUUID().toString(), "APPROVE", null).then().statusCode(404)
                .contentType("application/problem+json");
        decide("approver.ee", "not-a-task", "APPROVE", null).then().statusCode(404);
        assertThat(caseById(c.getString("id")).getString("tasks.find { it.department == 'EE' }.state"))
                .isEqualTo("PENDING");
    }

    @Test
    void aRedeliveredOrDuplicatedDeclarationOpensNoSecondCase() {
        UUID id = UUID.randomUUID();
        EventEnvelope first = Approvals.declare(Approvals.fourDepartments(id), today.date(), 2);
        Approvals.send(first); // redelivery: same event id
        Approvals.declare(Approvals.fourDepartments(id), today.date(), 2); // a copy with another id, same declaration
        Approvals.send(id, 3, new ProjectAssigned(id, "王副区长", List.of(), "admin"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "王副区长".equals(Approvals.leaderOf(id)));
        assertThat(Approvals.cases(id).getInt("total")).isEqualTo(1);
    }

    @Test
    void aNewDeclarationCancelsACaseLeftOpenByAnEarlierOne() {
        UUID id = UUID.randomUUID();
        JsonPath first = declareFourDepartments(id);
        // Declared again (sequence 4) while this service never learned how the first case ended.
        Approvals.declare(Approvals.fourDepartments(id), today.date(), 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> Approvals.cases(id).getInt("total") == 2);
        JsonPath old = caseById(first.getString("id"));
        assertThat(old.getString("state")).isEqualTo("CANCELLED");
        assertThat(old.getList("tasks.state")).containsOnly("CANCELLED");
        JsonPath cases = Approvals.cases(id);
        assertThat(cases.getList("items.state")).containsExactlyInAnyOrder("OPEN", "CANCELLED");
        decide("approver.ndrc", task(first, "NDRC"), "APPROVE", null).then().statusCode(409)
                .body("type", equalTo("urn:pipeline:problem:task-cancelled"));
    }

    @Test
    void aHistoricalDeclarationOpensNoCase() {
        UUID id = UUID.randomUUID();
        ProjectSnapshot p = Approvals.fourDepartments(id);
        Approvals.send(id, 2, new ProjectDeclared(p, LocalDate.of(2024, 3, 1), "历史数据导入", "admin", true));
        Approvals.send(id, 3, new ProjectAssigned(id, "李副区长", List.of(), "admin"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "李副区长".equals(Approvals.leaderOf(id)));
        assertThat(Approvals.cases(id).getInt("total")).isZero();
    }

    @Test
    void aWithdrawnProjectCancelsItsOpenCase() {
        UUID id = UUID.randomUUID();
        JsonPath c = declareFourDepartments(id);
        decide("approver.ndrc", task(c, "NDRC"), "APPROVE", null).then().statusCode(200);
        Approvals.send(id, 3, new ProjectWithdrawn(id, "2025-410106-01-01-000010", "410106", Stage.DECLARED, today.date(),
                "业主放弃投资", "staff.shangjie"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(caseById(c.getString("id")).getString("state")));
        JsonPath after = caseById(c.getString("id"));
        assertThat(after.getString("tasks.find { it.department == 'NDRC' }.state")).isEqualTo("APPROVED");
        assertThat(after.getList("tasks.findAll { it.department != 'NDRC' }.state")).containsOnly("CANCELLED");
        decide("approver.hc", task(c, "HC"), "APPROVE", null).then().statusCode(409);
    }

    @Test
    void aProjectWithoutEiaOrLandOrBuildingNeedsOnlyTheFiling() {
        UUID id = UUID.randomUUID();
        Approvals.declare(Approvals.project(id, "410184", false, null, ConstructionType.PURCHASE, "03"), today.date(), 2);
        JsonPath c = awaitCase(id);
        assertThat(c.getList("tasks.department")).containsExactly("NDRC");
        assertThat(c.getString("tasks[0].itemName")).contains("备案");
        decide("approver.ndrc", task(c, "NDRC"), "APPROVE", null).then().statusCode(200);
        assertThat(caseById(c.getString("id")).getString("state")).isEqualTo("APPROVED");
        // and a project with a registration-form EIA needs no EE task
        UUID other = UUID.randomUUID();
        Approvals.declare(Approvals.project(other, "410184", false, EiaCategory.REGISTRATION,
                ConstructionType.RENOVATION, "02"), today.date(), 2);
        assertThat(awaitCase(other).getList("tasks.department")).containsExactlyInAnyOrder("NDRC", "HC");
    }

    @Test
    void casesAndTasksAreReadWithinTheDistrict() {
        UUID id = UUID.randomUUID();
        JsonPath c = declareFourDepartments(id); // 410106 上街区
        given().header("Authorization", Tokens.bearer("staff.xinzheng")).get("/api/approval-cases/" + c.getString("id"))
                .then().statusCode(404);
        given().header("Authorization", Tokens.bearer("staff.shangjie")).get("/api/approval-cases/" + c.getString("id"))
                .then().statusCode(200).body("tasks.size()", equalTo(4));
        given().header("Authorization", Tokens.bearer("staff.xinzheng")).queryParam("projectId", id.toString())
                .get("/api/approval-tasks").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", Tokens.bearer("leader.shangjie")).get("/api/approval-tasks/" + task(c, "EE"))
                .then().statusCode(200).body("history[0].action", equalTo("OPENED"))
                .body("departmentName", equalTo("生态环境局"));
        given().get("/api/approval-cases").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("leader.city")).queryParam("state", "NOPE")
                .get("/api/approval-cases").then().statusCode(400).body("violations[0].field", equalTo("state"));
        given().header("Authorization", Tokens.bearer("leader.city")).queryParam("projectId", "x")
                .get("/api/approval-tasks").then().statusCode(400).body("violations[0].field", equalTo("projectId"));
    }
}
