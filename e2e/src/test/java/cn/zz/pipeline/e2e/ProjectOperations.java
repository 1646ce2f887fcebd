package cn.zz.pipeline.e2e;

import static org.hamcrest.Matchers.equalTo;

import cn.zz.pipeline.e2e.contract.Contract;
import cn.zz.pipeline.e2e.contract.Contract.Service;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drives every operation of project-service through its Prism proxy (issue 16's contract test), as an outside client
 * would: 上街区 (410106) staff register and move their own projects, admin writes templates, campaigns and historical
 * imports. Each capability is one method; the records of a project (investment, plans, milestones, problems,
 * materials) are in {@link ProjectRecordsOperations}, campaigns and imports in {@link ProjectCampaignOperations} and
 * {@link ProjectImportOperations}. Every date is counted from the stack's today (Asia/Shanghai).
 */
final class ProjectOperations {

    static final String DISTRICT = "410106";
    static final String STAFF = "staff.shangjie";
    static final String LEADER = "leader.shangjie";
    static final String ADMIN = "admin";
    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final Contract contract;

    ProjectOperations(Contract contract) {
        this.contract = contract;
    }

    void drive() {
        districts();
        String id = lifecycle();
        new ProjectRecordsOperations(this).drive(id);
        new ProjectCampaignOperations(this).drive();
        new ProjectImportOperations(this).drive();
        eventStreams(id);
    }

    /** A request through the proxy as {@code user} (the harness gives a specification to start from). */
    RequestSpecification as(String user) {
        return RestAssured.given().spec(contract.as(Service.PROJECT, user)).config(RestAssured.config()
                .logConfig(LogConfig.logConfig().enableLoggingOfRequestAndResponseIfValidationFails()));
    }

    /** A new 储备 project of 上街区 (new land, EIA report form: the 01 template with 拿地). */
    String register(String name) {
        return as(STAFF).contentType(JSON).body(facts(name)).post("/api/projects").then().statusCode(201)
                .body("stage", equalTo("RESERVE")).extract().path("id");
    }

    static String facts(String name) {
        return """
                {"name":"%s","ownerName":"郑州上街通用航空科技有限公司","ownerCreditCode":"91410100MA44R8XK0H",
                 "district":"410106","park":"上街通航产业园","chain":"通用航空","industry":"C3741",
                 "constructionType":"NEW","projectType":"01","totalInvestment":80000,"landArea":150,
                 "annualOutput":120000,"annualTax":6000,"takesNewLand":true,"eiaCategory":"REPORT_FORM",
                 "privateInvestment":true,"plannedStart":"%s","plannedProduction":"%s"}"""
                .formatted(name, TODAY.plusMonths(4), TODAY.plusYears(2));
    }

    String etag(String path, String user) {
        return as(user).get(path).then().statusCode(200).extract().header("ETag");
    }

    private void districts() {
        as(LEADER).get("/api/districts").then().statusCode(200).body("find { it.code == '410106' }.name",
                equalTo("上街区"));
    }

    /** Registration, reading, the merge patch, stage moves, history and assignment; returns a 储备 project. */
    private String lifecycle() {
        String id = register("上街通航零部件制造基地 " + UUID.randomUUID().toString().substring(0, 8));
        String path = "/api/projects/" + id;
        as(STAFF).queryParam("district", DISTRICT).queryParam("stage", "RESERVE").queryParam("q", "通航")
                .queryParam("page", 1).queryParam("size", 5).get("/api/projects").then().statusCode(200);
        String code = as(LEADER).get(path).then().statusCode(200).extract().path("code");
        as(STAFF).get("/api/projects/" + UUID.randomUUID()).then().statusCode(404);
        as(STAFF).get("/api/projects/by-code/" + code).then().statusCode(200).body("id", equalTo(id));

        // RestAssured names ISO-8859-1 for a media type it does not know: say UTF-8.
        String patch = "{\"park\": \"上街通航试验区\", \"annualTax\": 6500}";
        as(STAFF).contentType(MERGE_PATCH).body(patch).patch(path).then().statusCode(428);
        String etag = etag(path, STAFF);
        as(STAFF).contentType(MERGE_PATCH).header("If-Match", etag).body(patch).patch(path)
                .then().statusCode(200).body("park", equalTo("上街通航试验区"));
        as(STAFF).contentType(MERGE_PATCH).header("If-Match", etag).body(patch).patch(path)
                .then().statusCode(409);

        as(STAFF).contentType(JSON).body(Map.of("leader", "王副区长", "taskForce", List.of("区发改委", "区住建局")))
                .put(path + "/assignment").then().statusCode(200).body("leader", equalTo("王副区长"));

        // A move the lifecycle does not allow (409), then one whose conditions are unmet (422).
        as(STAFF).contentType(JSON).body(Map.of("to", "IN_PRODUCTION")).post(path + "/transitions").then()
                .statusCode(409);
        String declared = register("上街通航申报项目 " + UUID.randomUUID().toString().substring(0, 8));
        as(STAFF).contentType(JSON).body(Map.of("to", "DECLARED")).post("/api/projects/" + declared + "/transitions")
                .then().statusCode(200).body("stage", equalTo("DECLARED"));
        as(STAFF).contentType(JSON).body(Map.of("to", "ADMITTED")).post("/api/projects/" + declared + "/transitions")
                .then().statusCode(422);
        as(LEADER).get("/api/projects/" + declared + "/history").then().statusCode(200);
        return id;
    }

    private void eventStreams(String id) {
        as(ADMIN).queryParam("subject", id).get("/api/admin/event-streams").then().statusCode(200);
    }
}
