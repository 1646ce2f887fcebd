package cn.zz.pipeline.approval.rules;

import cn.zz.pipeline.approval.Approvals;
import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.Concurrently;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The default rule table for each kind of project, and the admin's versioned edits of it. */
@QuarkusTest
class RuleTableTest {

    @Inject
    RuleTable table;

    @Inject
    Today today;

    private Map<String, List<String>> required(boolean newLand, EiaCategory eia, ConstructionType construction,
                                               String projectType) {
        ProjectSnapshot p = Approvals.project(UUID.randomUUID(), "410106", newLand, eia, construction, projectType);
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        table.version(1).required(p).forEach((dept, rules) -> out.put(dept, rules.stream().map(Rule::item).toList()));
        return out;
    }

    /** Puts the given rules back as the newest version, so that later tests see the defaults again. */
    private static void restore(List<Map<String, Object>> rules) {
        int now = given().header("Authorization", Tokens.bearer("admin")).get("/api/approval-rules").then()
                .extract().jsonPath().getInt("version");
        given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "\"" + now + "\"")
                .contentType("application/json").body(Map.of("rules", rules, "comment", "恢复默认"))
                .put("/api/approval-rules").then().statusCode(200);
    }

    @Test
    void theDefaultsChooseTheDepartmentsFromTheProjectsFacts() {
        // 新建 industrial project on new land with an EIA report: all four departments.
        assertThat(required(true, EiaCategory.REPORT, ConstructionType.NEW, "01")).containsExactly(
                Map.entry("NDRC", List.of("PROJECT_FILING")),
                Map.entry("NR", List.of("LAND_PRE_APPROVAL", "LAND_PLANNING_PERMIT")),
                Map.entry("EE", List.of("EIA_REPORT")),
                Map.entry("HC", List.of("CONSTRUCTION_PERMIT")));
        // 技改 in existing plant with an EIA report form: no land, the shorter EIA item, still a building permit.
        assertThat(required(false, EiaCategory.REPORT_FORM, ConstructionType.RENOVATION, "02")).containsExactly(
                Map.entry("NDRC", List.of("PROJECT_FILING")),
                Map.entry("EE", List.of("EIA_REPORT_FORM")),
                Map.entry("HC", List.of("CONSTRUCTION_PERMIT")));
        // 扩建 on new land, EIA registration form only (登记表: no approval).
        assertThat(required(true, EiaCategory.REGISTRATION, ConstructionType.EXPANSION, "01")).containsOnlyKeys(
                "NDRC", "NR", "HC");
        // 单纯购置 of equipment: filing only.
        assertThat(required(false, null, ConstructionType.PURCHASE, "03")).containsOnlyKeys("NDRC");
    }

    @Test
    void timeLimitsFollowTheDefaults() {
        RuleSet v1 = table.version(1);
        Map<String, Integer> limits = new java.util.HashMap<>();
        v1.rules().forEach(r -> limits.put(r.item(), r.timeLimit()));
        assertThat(limits).containsEntry("PROJECT_FILING", 3).containsEntry("LAND_PRE_APPROVAL", 20)
                .containsEntry("EIA_REPORT", 60).containsEntry("EIA_REPORT_FORM", 30)
                .containsEntry("CONSTRUCTION_PERMIT", 7);
        assertThat(v1.rules()).filteredOn(r -> r.item().startsWith("EIA"))
                .allMatch(r -> r.dayCount() == cn.zz.pipeline.approval.calendar.DayCount.CALENDAR);
    }

    @Test
    void adminWritesANewVersionAndANewCaseRemembersIt() {
        JsonPath current = given().header("Authorization", Tokens.bearer("staff.shangjie")).get("/api/approval-rules")
                .then().statusCode(200).extract().jsonPath();
        int version = current.getInt("version");
        List<Map<String, Object>> rules = new ArrayList<>(current.getList("rules"));
        List<Map<String, Object>> original = List.copyOf(rules);
        // 住建 also for any project of 5亿元 and more that only buys equipment (a made-up local rule).
        rules.add(Map.of("department", "HC", "item", "QUALITY_SAFETY_FILING", "itemName", "工程质量安全监督备案",
                "timeLimit", 5, "dayCount", "WORKING", "when", Map.of("constructionTypes", List.of("PURCHASE"),
                        "minTotalInvestment", 20000)));
        try {
            int next = given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "\"" + version + "\"")
                    .contentType("application/json").body(Map.of("rules", rules, "comment", "增加质量安全监督备案"))
                    .put("/api/approval-rules").then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"")
                    .body("version", equalTo(version + 1)).body("createdBy", equalTo("admin"))
                    .extract().jsonPath().getInt("version");

            UUID id = UUID.randomUUID();
            Approvals.declare(Approvals.project(id, "410106", false, null, ConstructionType.PURCHASE, "03"),
                    today.date(), 2);
            JsonPath c = Approvals.awaitCase(id);
            assertThat(c.getInt("ruleVersion")).isEqualTo(next);
            assertThat(c.getList("tasks.department")).containsExactlyInAnyOrder("NDRC", "HC");

            // the version that made the case stays readable
            given().header("Authorization", Tokens.bearer("leader.city")).get("/api/approval-rules/versions/" + next)
                    .then().statusCode(200).body("rules.item", hasItems("QUALITY_SAFETY_FILING"));
            given().header("Authorization", Tokens.bearer("leader.city")).get("/api/approval-rules/versions/9999")
                    .then().statusCode(404).contentType("application/problem+json");
        } finally {
            restore(original);
        }
    }

    @Test
    void aCaseThatNoRuleAppliesToIsApprovedAtOnce() {
        JsonPath current = given().header("Authorization", Tokens.bearer("admin")).get("/api/approval-rules").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> original = current.getList("rules");
        // Only projects of another city (4102) need anything under this table.
        List<Map<String, Object>> elsewhere = List.of(Map.of("department", "NDRC", "item", "PROJECT_FILING",
                "itemName", "项目备案", "timeLimit", 3, "dayCount", "WORKING", "when", Map.of("districts", List.of("4102"))));
        given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "\"" + current.getInt("version") + "\"")
                .contentType("application/json").body(Map.of("rules", elsewhere)).put("/api/approval-rules").then()
                .statusCode(200);
        try {
            UUID id = UUID.randomUUID();
            Approvals.declare(Approvals.project(id, "410106", false, null, ConstructionType.PURCHASE, "03"),
                    today.date(), 2);
            JsonPath c = Approvals.awaitCase(id);
            assertThat(c.getString("state")).isEqualTo("APPROVED");
            assertThat(c.getList("tasks")).isEmpty();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Approvals.approvalEvents(id).size() >= 2);
            assertThat(Approvals.approvalEvents(id)).extracting(EventEnvelope::eventType)
                    .containsExactly(EventType.CASE_OPENED, EventType.CASE_APPROVED);
        } finally {
            restore(original);
        }
    }

    @Test
    void editsNeedTheAdminAndTheCurrentVersion() {
        JsonPath current = given().header("Authorization", Tokens.bearer("admin")).get("/api/approval-rules").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> body = Map.of("rules", current.getList("rules"));
        given().header("Authorization", Tokens.bearer("staff.shangjie")).header("If-Match", "*")
                .contentType("application/json").body(body).put("/api/approval-rules").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("approver.ndrc")).header("If-Match", "*")
                .contentType("application/json").body(body).put("/api/approval-rules").then().statusCode(403);
        given().contentType("application/json").body(body).put("/api/approval-rules").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(body)
                .put("/api/approval-rules").then().statusCode(428).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "\"0\"")
                .contentType("application/json").body(body).put("/api/approval-rules").then().statusCode(409)
                .body("type", equalTo("urn:pipeline:problem:stale-version"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/approval-rules").then()
                .body("version", equalTo(current.getInt("version")));
    }

    @Test
    void anInvalidTableIsRefusedNamingEveryField() {
        List<Map<String, Object>> rules = List.of(
                Map.of("department", "TAX", "item", "X", "itemName", "税务登记", "timeLimit", 3, "dayCount", "WORKING"),
                Map.of("department", "NDRC", "item", "filing", "itemName", "备案", "timeLimit", 0, "dayCount", "WORKING"),
                Map.of("department", "NR", "item", "LAND", "itemName", "用地", "timeLimit", 20),
                Map.of("department", "NR", "item", "LAND", "itemName", "用地", "timeLimit", 20, "dayCount", "WORKING",
                        "when", Map.of("eiaCategories", List.of(), "projectTypes", List.of("07"),
                                "districts", List.of("41x"))));
        given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "*").contentType("application/json")
                .body(Map.of("rules", rules)).put("/api/approval-rules").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("rules[0].department", "rules[1].item", "rules[1].timeLimit",
                        "rules[2].dayCount", "rules[3].item", "rules[3].when.eiaCategories",
                        "rules[3].when.projectTypes[0]", "rules[3].when.districts[0]"))
                .body("violations.find { it.field == 'rules[0].department' }.code", equalTo("unknown-department"))
                .body("violations.find { it.field == 'rules[3].item' }.code", equalTo("duplicate"))
                .body("violations.find { it.field == 'rules[1].timeLimit' }.code", equalTo("out-of-range"));
        given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "*").contentType("application/json")
                .body(Map.of("rules", List.of())).put("/api/approval-rules").then().statusCode(400)
                .body("violations[0].field", equalTo("rules"));
        given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "*").contentType("application/json")
                .body("{\"rules\":[{\"department\":\"NDRC\",\"item\":\"A\",\"itemName\":\"a\",\"timeLimit\":3,"
                        + "\"dayCount\":\"HOURS\"}]}").put("/api/approval-rules").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("rules[0].dayCount"));
        given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "*").contentType("application/json")
                .body("{\"rules\": ").put("/api/approval-rules").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void ofTwoConcurrentEditsFromOneVersionOneWins() throws Exception {
        JsonPath current = given().header("Authorization", Tokens.bearer("admin")).get("/api/approval-rules").then()
                .extract().jsonPath();
        String etag = "\"" + current.getInt("version") + "\"";
        Map<String, Object> body = Map.of("rules", current.getList("rules"), "comment", "并发修改");
        List<Integer> statuses = Concurrently.run(4, i -> given().header("Authorization", Tokens.bearer("admin"))
                .header("If-Match", etag).contentType("application/json").body(body).put("/api/approval-rules")
                .statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
    }
}
