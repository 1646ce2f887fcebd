package cn.zz.pipeline.e2e;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import cn.zz.pipeline.e2e.contract.Contract;
import cn.zz.pipeline.e2e.contract.Contract.Service;
import cn.zz.pipeline.testsupport.DemoUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;

/**
 * Drives every operation of approval-service through its Prism proxy (issue 16's contract test): the cases and
 * tasks of two projects this driver registers and declares in 新郑市 (410184) through project-service's proxy, one
 * taken through return, resubmission and approval, the other rejected; then the rule table, the working-day calendar
 * ({@link ApprovalAdminOperations}) and the event streams. Each documented error it can reach with a request the
 * document allows is checked too.
 */
final class ApprovalOperations {

    static final String STAFF = "staff.xinzheng";
    static final String DISTRICT = "410184";
    private static final String OTHER_STAFF = "staff.shangjie";
    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    private final Contract contract;
    private final ApprovalProjectOperations projects;

    ApprovalOperations(Contract contract) {
        this.contract = contract;
        this.projects = new ApprovalProjectOperations(contract);
    }

    void drive() {
        String approved = declared("SIP 芯片封测（审批契约测试）");
        String rejected = declared("功率器件模组（审批契约测试）");
        JsonPath c = cases(approved);
        tasks(c);
        decideAndResubmit(c);
        rejection(cases(rejected));
        new ApprovalAdminOperations(contract).drive();
        eventStreams(approved);
    }

    private RequestSpecification as(String user) {
        return given(contract.as(Service.APPROVAL, user));
    }

    /** Registers and declares a project through project-service; returns its id once its case is open here. */
    private String declared(String name) {
        String id = projects.declared(name);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(STAFF).queryParam("projectId", id).get("/api/approval-cases").then().statusCode(200)
                        .extract().jsonPath().getInt("total") == 1);
        return id;
    }

    /** The case list with each filter, one case, and their errors: out of scope (403), unknown case (404). */
    private JsonPath cases(String projectId) {
        JsonPath page = as(STAFF).queryParam("district", DISTRICT).queryParam("projectId", projectId)
                .queryParam("state", "OPEN").queryParam("page", 1).queryParam("size", 20)
                .get("/api/approval-cases").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].tasks.department", hasItem("NDRC")).extract().jsonPath();
        String caseId = page.getString("items[0].id");
        as("leader.city").get("/api/approval-cases").then().statusCode(200);
        as(STAFF).queryParam("district", "410106").get("/api/approval-cases").then().statusCode(403);
        as(STAFF).get("/api/approval-cases/" + UNKNOWN).then().statusCode(404);
        return as(DemoUsers.APPROVER.get("NR")).get("/api/approval-cases/" + caseId).then().statusCode(200)
                .body("state", equalTo("OPEN")).body("closedAt", equalTo(null)).extract().jsonPath();
    }

    /** The task list as an approver's inbox, with every filter, one task with its history, and their errors. */
    private void tasks(JsonPath c) {
        String caseId = c.getString("id");
        String projectId = c.getString("projectId");
        as(DemoUsers.APPROVER.get("NDRC")).get("/api/approval-tasks").then().statusCode(200)
                .body("items.department", everyItem(equalTo("NDRC")));
        as(STAFF).queryParam("district", DISTRICT).queryParam("state", "PENDING").queryParam("overdue", false)
                .queryParam("department", "NR").queryParam("projectId", projectId).queryParam("caseId", caseId)
                .queryParam("page", 1).queryParam("size", 50).get("/api/approval-tasks").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].history", equalTo(null));
        as("leader.city").queryParam("state", "ALL").queryParam("escalatedTo", "leader.city")
                .get("/api/approval-tasks").then().statusCode(200);
        as(DemoUsers.APPROVER.get("NDRC")).queryParam("department", "NR").get("/api/approval-tasks").then()
                .statusCode(403);
        as(STAFF).queryParam("district", "410106").get("/api/approval-tasks").then().statusCode(403);
        as(STAFF).get("/api/approval-tasks/" + task(c, "NDRC")).then().statusCode(200)
                .body("history[0].action", equalTo("OPENED"));
        as(STAFF).get("/api/approval-tasks/" + UNKNOWN).then().statusCode(404);
    }

    /**
     * 发改 returns its task for supplement (补正), staff resubmit it, 发改 approves; the other three departments approve
     * and the case is approved. Each decision's and resubmission's errors on the way.
     */
    private void decideAndResubmit(JsonPath c) {
        String ndrc = task(c, "NDRC");
        decide("NR", ndrc, Map.of("decision", "APPROVE")).statusCode(403);
        decide("NDRC", UNKNOWN, Map.of("decision", "APPROVE")).statusCode(404);
        decide("NDRC", ndrc, Map.of("decision", "RETURN")).statusCode(400);
        decide("NDRC", ndrc, Map.of("decision", "REJECT")).statusCode(400);
        decide("NDRC", ndrc, Map.of("decision", "RETURN", "comment", "请补充项目备案所需的投资主体资料")).statusCode(200)
                .body("state", equalTo("RETURNED")).body("clockRunning", equalTo(false));
        decide("NDRC", ndrc, Map.of("decision", "APPROVE")).statusCode(409);

        as(OTHER_STAFF).contentType("application/json").body(Map.of("comment", "已补充"))
                .post("/api/approval-tasks/" + ndrc + "/resubmission").then().statusCode(403);
        as(STAFF).contentType("application/json").body(Map.of("comment", "已补充"))
                .post("/api/approval-tasks/" + UNKNOWN + "/resubmission").then().statusCode(404);
        as(STAFF).contentType("application/json").body(Map.of("comment", "已补充投资主体资料"))
                .post("/api/approval-tasks/" + ndrc + "/resubmission").then().statusCode(200)
                .body("state", equalTo("PENDING")).body("returns", equalTo(1));
        as(STAFF).contentType("application/json").body("{}").post("/api/approval-tasks/" + ndrc + "/resubmission")
                .then().statusCode(409);

        decide("NDRC", ndrc, Map.of("decision", "APPROVE", "comment", "符合产业政策")).statusCode(200)
                .body("state", equalTo("APPROVED")).body("decidedAt", notNullValue());
        decide("NDRC", ndrc, Map.of("decision", "APPROVE")).statusCode(409);
        for (String dept : new String[] {"NR", "EE", "HC"}) {
            decide(dept, task(c, dept), Map.of("decision", "APPROVE")).statusCode(200);
        }
        as(STAFF).get("/api/approval-cases/" + c.getString("id")).then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("closedAt", notNullValue());
    }

    /** 生态环境 rejects: the case is rejected and the others' tasks cancelled, so deciding one is 409. */
    private void rejection(JsonPath c) {
        decide("EE", task(c, "EE"), Map.of("decision", "REJECT", "comment", "选址位于饮用水水源保护区")).statusCode(200)
                .body("state", equalTo("REJECTED"));
        decide("NR", task(c, "NR"), Map.of("decision", "APPROVE")).statusCode(409);
        as(STAFF).queryParam("state", "REJECTED").queryParam("projectId", c.getString("projectId"))
                .get("/api/approval-cases").then().statusCode(200).body("total", equalTo(1));
    }

    /** What this service's consumers applied of a project's events (the platform's operator endpoint). */
    private void eventStreams(String projectId) {
        as("admin").queryParam("subject", projectId).get("/api/admin/event-streams").then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse decide(String department, String taskId,
                                                              Map<String, String> body) {
        return as(DemoUsers.APPROVER.get(department)).contentType("application/json").body(body)
                .post("/api/approval-tasks/" + taskId + "/decision").then();
    }

    private static String task(JsonPath c, String department) {
        return c.getString("tasks.find { it.department == '" + department + "' }.id");
    }
}
