package cn.zz.pipeline.e2e;

import cn.zz.pipeline.testsupport.DemoUsers;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * 并联审批 across the services over real Kafka: a declared project gets one task per department in
 * approval-service; approvals in any order let project-service admit it; one rejection sends it back to 储备.
 * reporting-service, fed by both topics, shows the admitted project's investment and its approvals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParallelApprovalE2ETest {

    // New land, EIA report form, new construction: 发改, 自然资源和规划, 生态环境 and 住建 must all approve.
    private static final String PROJECT = """
            {"name":"锐杰微 SIP 芯片封测","ownerName":"锐杰微科技（郑州）有限公司","ownerCreditCode":"91410100MA44R8XK0H",
             "district":"410184","park":"电子信息产业园","chain":"电子信息","industry":"C3973",
             "constructionType":"NEW","projectType":"01","totalInvestment":50000,"landArea":100,
             "annualOutput":90000,"annualTax":5000,"takesNewLand":true,"eiaCategory":"REPORT_FORM",
             "privateInvestment":true,"plannedStart":"2026-03-01","plannedProduction":"2027-06-30"}""";

    private Stack stack;

    @BeforeAll
    void up() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = Stack.shared();
    }

    private String projects() {
        return "http://localhost:" + stack.projectPort + "/api/projects";
    }

    private String approvals() {
        return "http://localhost:" + stack.approvalPort + "/api";
    }

    private JsonPath project(String id) {
        return given().header("Authorization", stack.bearer("staff.xinzheng")).get(projects() + "/" + id).then()
                .statusCode(200).extract().jsonPath();
    }

    private Response transition(String id, String to) {
        return given().header("Authorization", stack.bearer("staff.xinzheng")).contentType("application/json")
                .body(Map.of("to", to)).post(projects() + "/" + id + "/transitions");
    }

    /** Registers and declares a project; returns its id once approval-service has opened the case. */
    private String declared() {
        String id = given().header("Authorization", stack.bearer("staff.xinzheng")).contentType("application/json")
                .body(PROJECT).post(projects()).then().statusCode(201).extract().path("id");
        transition(id, "DECLARED").then().statusCode(200).body("stage", equalTo("DECLARED"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> caseOf(id) != null);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "OPEN".equals(project(id).getString("approvalState")));
        return id;
    }

    private JsonPath caseOf(String projectId) {
        JsonPath page = given().header("Authorization", stack.bearer("staff.xinzheng")).queryParam("projectId", projectId)
                .get(approvals() + "/approval-cases").then().statusCode(200).extract().jsonPath();
        return page.getInt("total") == 0 ? null : new JsonPath(page.prettify()).setRootPath("items[0]");
    }

    private void decide(JsonPath c, String department, String decision, String comment) {
        String task = c.getString("tasks.find { it.department == '" + department + "' }.id");
        given().header("Authorization", stack.bearer(DemoUsers.APPROVER.get(department))).contentType("application/json")
                .body(comment == null ? Map.of("decision", decision) : Map.of("decision", decision, "comment", comment))
                .post(approvals() + "/approval-tasks/" + task + "/decision").then().statusCode(200);
    }

    @Test
    void fourDepartmentsApproveInAnyOrderThenTheProjectIsAdmitted() {
        String id = declared();
        JsonPath c = caseOf(id);
        assertThat(c.getList("tasks.department")).containsExactlyInAnyOrder("NDRC", "NR", "EE", "HC");
        assertThat(c.getString("projectCode")).isEqualTo(project(id).getString("code"));

        // Not yet: the admission gate names the pending approval.
        transition(id, "ADMITTED").then().statusCode(422).body("violations.field", hasItem("approvalState"));

        for (String dept : List.of("EE", "HC", "NR")) {
            decide(c, dept, "APPROVE", null);
        }
        transition(id, "ADMITTED").then().statusCode(422);
        decide(c, "NDRC", "APPROVE", "符合产业政策");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "APPROVED".equals(project(id).getString("approvalState")));
        assertThat(project(id).getString("approvalCaseId")).isEqualTo(c.getString("id"));
        transition(id, "ADMITTED").then().statusCode(200).body("stage", equalTo("ADMITTED"));

        // 先入库，后有数: the monthly figure reported to project-service reaches the leaders' statistics.
        YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        if (period.getMonthValue() == 1) {
            return; // January is reported together with February (1-2月); nothing to report yet
        }
        String reports = "http://localhost:" + stack.reportingPort + "/api/reports";
        BigDecimal before = ytd(reports, period);
        given().header("Authorization", stack.bearer("staff.xinzheng")).contentType("application/json")
                .body(Map.of("amount", 1234.5)).put(projects() + "/" + id + "/investments/" + period)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(ytd(reports, period)).isEqualByComparingTo(before.add(new BigDecimal("1234.5"))));
        JsonPath approvalsReport = given().header("Authorization", stack.bearer("leader.city")).queryParam("district", "410184")
                .get(reports + "/approvals").then().statusCode(200).extract().jsonPath();
        assertThat(approvalsReport.getInt("departments.find { it.department == 'NDRC' }.decided")).isPositive();
    }

    /** 新郑市's YTD investment of a period in reporting-service, as the city leader reads it. */
    private BigDecimal ytd(String reports, YearMonth period) {
        String v = given().header("Authorization", stack.bearer("leader.city")).queryParam("district", "410184")
                .queryParam("year", period.getYear()).queryParam("month", period.getMonthValue())
                .get(reports + "/investment").then().statusCode(200).extract().jsonPath().getString("total.ytd");
        return new BigDecimal(v);
    }

    @Test
    void oneRejectionSendsTheProjectBackToTheReserve() {
        String id = declared();
        JsonPath c = caseOf(id);
        decide(c, "NDRC", "APPROVE", null);
        decide(c, "EE", "REJECT", "选址位于饮用水水源保护区");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "RESERVE".equals(project(id).getString("stage")));
        assertThat(project(id).getString("approvalState")).isEqualTo("REJECTED");
        given().header("Authorization", stack.bearer("staff.xinzheng")).get(projects() + "/" + id + "/history").then()
                .statusCode(200).body("[-1].to", equalTo("RESERVE")).body("[-1].actor", equalTo("system"));
        JsonPath after = caseOf(id);
        assertThat(after.getString("state")).isEqualTo("REJECTED");
        assertThat(after.getList("tasks.findAll { it.department in ['NR', 'HC'] }.state")).containsOnly("CANCELLED");
    }
}
