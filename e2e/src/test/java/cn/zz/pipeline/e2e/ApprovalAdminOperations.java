package cn.zz.pipeline.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.zz.pipeline.e2e.contract.Contract;
import cn.zz.pipeline.e2e.contract.Contract.Service;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/**
 * approval-service's administration through its Prism proxy: the rule table (审批规则表) and the working-day calendar
 * (工作日历), each read, written with its ETag, and refused without it (428), with a stale one (409), with an
 * invalid body (400) and for a role that may not write (403). The rule table is written back unchanged and the
 * calendar year is one no time limit reaches, so the stack's approvals behave as before.
 */
final class ApprovalAdminOperations {

    /** Far enough ahead that no due date counted today lands in it. */
    private static final int YEAR = 2099;

    private final Contract contract;

    ApprovalAdminOperations(Contract contract) {
        this.contract = contract;
    }

    void drive() {
        rules();
        calendar();
    }

    private RequestSpecification as(String user) {
        return given(contract.as(Service.APPROVAL, user));
    }

    private void rules() {
        Response current = as(ApprovalOperations.STAFF).get("/api/approval-rules").then().statusCode(200)
                .body("rules.department", hasItem("NDRC")).extract().response();
        String etag = current.header("ETag");
        List<Object> rules = current.jsonPath().getList("rules");
        as("leader.city").get("/api/approval-rules/versions/1").then().statusCode(200).body("version", equalTo(1));
        as("leader.city").get("/api/approval-rules/versions/999999").then().statusCode(404);

        Map<String, Object> same = Map.of("rules", rules, "comment", "契约测试：原样写回 (contract test: unchanged)");
        putRules("admin", null, same).statusCode(428);
        putRules("admin", "\"0\"", same).statusCode(409);
        putRules(ApprovalOperations.STAFF, etag, same).statusCode(403);
        Map<String, Object> unknownDepartment = Map.of("rules", List.of(Map.of("department", "TAX", "item",
                "TAX_CHECK", "itemName", "税务登记核验", "timeLimit", 5, "dayCount", "WORKING")));
        putRules("admin", etag, unknownDepartment).statusCode(400)
                .body("violations.code", hasItem("unknown-department"));
        putRules("admin", etag, same).statusCode(200).header("ETag", equalTo(nextVersion(etag)));
    }

    private io.restassured.response.ValidatableResponse putRules(String user, String ifMatch, Object body) {
        RequestSpecification spec = as(user).contentType("application/json").body(body);
        if (ifMatch != null) {
            spec.header("If-Match", ifMatch);
        }
        return spec.put("/api/approval-rules").then();
    }

    private void calendar() {
        String path = "/api/calendars/" + YEAR;
        String etag = as("approver.ndrc").get(path).then().statusCode(200).body("year", equalTo(YEAR))
                .extract().header("ETag");
        // 2099-10-01 is a Thursday, 2099-10-10 a Saturday, 2099-10-12 a Monday.
        Map<String, Object> schedule = Map.of(
                "holidays", List.of(Map.of("date", YEAR + "-10-01", "name", "国庆节"),
                        Map.of("date", YEAR + "-10-02", "name", "国庆节")),
                "workdays", List.of(Map.of("date", YEAR + "-10-10", "name", "国庆节调休")));
        Map<String, Object> weekdayWorkday = Map.of("holidays", List.of(),
                "workdays", List.of(Map.of("date", YEAR + "-10-12", "name", "国庆节调休")));
        putCalendar("admin", null, schedule).statusCode(428);
        putCalendar("admin", "\"999999\"", schedule).statusCode(409);
        putCalendar(ApprovalOperations.STAFF, etag, schedule).statusCode(403);
        putCalendar("admin", etag, weekdayWorkday).statusCode(400).body("violations.code", hasItem("not-a-weekend"));
        putCalendar("admin", etag, schedule).statusCode(200).body("configured", equalTo(true))
                .header("ETag", equalTo(nextVersion(etag)));
    }

    private io.restassured.response.ValidatableResponse putCalendar(String user, String ifMatch, Object body) {
        RequestSpecification spec = as(user).contentType("application/json").body(body);
        if (ifMatch != null) {
            spec.header("If-Match", ifMatch);
        }
        return spec.put("/api/calendars/" + YEAR).then();
    }

    private static String nextVersion(String etag) {
        return "\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\"";
    }
}
