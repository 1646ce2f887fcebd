package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.approval.CaseApproved;
import cn.zz.pipeline.events.project.MilestoneNode;
import cn.zz.pipeline.events.project.MilestonesSet;
import cn.zz.pipeline.testsupport.Concurrently;
import cn.zz.pipeline.testsupport.Tokens;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.zz.pipeline.project.Api.SHANGJIE;
import static cn.zz.pipeline.project.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Milestone plans (倒排工期): generation backwards from a target start with the shipped templates, replanning by hand,
 * manual completion, completion by the approval and the 开工 / 投产 moves, statuses and the light on fixed days (a
 * 29 February and a 31 December among them), every rule, roles and district scope, If-Match, the
 * {@code milestones-set} events. The service's clock stands on {@link #TODAY} unless a test moves it.
 */
@QuarkusTest
class MilestoneTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 16);

    @BeforeEach
    void fixTheClock() {
        Api.standOn(TODAY);
    }

    static String path(String id) {
        return "/api/projects/" + id + "/milestones";
    }

    static Response generate(String user, String id, String target) {
        return as(user).body(Map.of("targetStart", target)).put(path(id));
    }

    static Response replan(String user, String id, Map<String, String> planned) {
        List<Map<String, String>> nodes = planned.entrySet().stream()
                .map(e -> Map.of("code", e.getKey(), "planned", e.getValue())).toList();
        return as(user).body(Map.of("nodes", nodes, "reason", "调整")).put(path(id));
    }

    static Response complete(String user, String id, String code, String actual) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actual", actual);
        return as(user).body(body).put(path(id) + "/" + code);
    }

    static JsonPath plan(String id) {
        return as("admin").get(path(id)).then().statusCode(200).extract().jsonPath();
    }

    static String node(String code) {
        return "nodes.find { it.code == '" + code + "' }";
    }

    /** A 单纯购置 project (template 03: PROJECT_FILING, APPROVED, START, PRODUCTION) of staff.shangjie. */
    static String purchase() {
        Map<String, Object> body = Api.project(SHANGJIE);
        body.put("projectType", "03");
        body.put("constructionType", "PURCHASE");
        body.put("takesNewLand", false);
        body.remove("landArea");
        return Api.register("staff.shangjie", body).getString("id");
    }

    @Test
    void aPlanIsGeneratedBackwardsFromTheTargetStart() {
        String id = Api.registered(); // 01 基本建设, NEW: the general template of 01, version 1
        int templates = MilestoneTemplateTest.current().getInt("version");
        generate("staff.shangjie", id, "2027-03-01").then().statusCode(200).header("ETag", "\"2\"")
                .body("targetStart", equalTo("2027-03-01")).body("templateVersion", equalTo(templates))
                .body("light", equalTo("GREEN")).body("updatedBy", equalTo("staff.shangjie"))
                .body("nodes.code", equalTo(List.of("PROJECT_FILING", "LAND_PLANNING_PERMIT", "LAND",
                        "ENGINEERING_PLANNING_PERMIT", "CONSTRUCTION_PERMIT", "APPROVED", "SITE_CLEARING", "START",
                        "PRODUCTION")))
                .body(node("PROJECT_FILING") + ".planned", equalTo("2026-09-02"))
                .body(node("LAND") + ".planned", equalTo("2026-12-01"))
                .body(node("LAND") + ".name", equalTo("拿地"))
                .body(node("LAND") + ".completion", equalTo("MANUAL"))
                .body(node("APPROVED") + ".planned", equalTo("2027-01-30"))
                .body(node("APPROVED") + ".completion", equalTo("EVENT"))
                .body(node("START") + ".planned", equalTo("2027-03-01"))
                .body(node("PRODUCTION") + ".planned", equalTo("2028-08-22"))
                .body(node("LAND") + ".actual", nullValue())
                .body("nodes.status", equalTo(java.util.Collections.nCopies(9, "ON_TRACK")))
                .body("nodes.source", equalTo(java.util.Collections.nCopies(9, "TEMPLATE")));
        EventEnvelope e = Kafka.awaitProjectEvent(id, 2);
        assertThat(e.type()).isEqualTo("pipeline.project.milestones-set.v1");
        MilestonesSet set = (MilestonesSet) e.data();
        assertThat(set.targetStart()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(set.templateVersion()).isEqualTo(templates);
        assertThat(set.actor()).isEqualTo("staff.shangjie");
        assertThat(set.nodes()).hasSize(9).first().extracting(MilestoneNode::code, MilestoneNode::planned)
                .containsExactly("PROJECT_FILING", LocalDate.of(2026, 9, 2));
        // the same target again changes nothing; every reader sees the same plan
        generate("staff.shangjie", id, "2027-03-01").then().statusCode(200).header("ETag", "\"2\"");
        for (String user : List.of("staff.shangjie", "leader.shangjie", "approver.ndrc", "admin")) {
            as(user).get(path(id)).then().statusCode(200).header("ETag", "\"2\"")
                    .body(node("START") + ".planned", equalTo("2027-03-01"));
        }
        // a new target moves every node; a node completed meanwhile keeps its actual
        complete("staff.shangjie", id, "PROJECT_FILING", "2026-06-16").then().statusCode(200).header("ETag", "\"3\"");
        generate("admin", id, "2027-06-01").then().statusCode(200).header("ETag", "\"4\"")
                .body(node("START") + ".planned", equalTo("2027-06-01"))
                .body(node("LAND") + ".planned", equalTo("2027-03-03"))
                .body(node("PROJECT_FILING") + ".actual", equalTo("2026-06-16"))
                .body(node("PROJECT_FILING") + ".status", equalTo("DONE"))
                .body(node("PROJECT_FILING") + ".source", equalTo("MANUAL"));
        assertThat(((MilestonesSet) Kafka.awaitProjectEvent(id, 4).data()).targetStart())
                .isEqualTo(LocalDate.of(2027, 6, 1));
    }

    @Test
    void aConstructionTypeWithItsOwnTemplateTakesIt() {
        Map<String, Object> body = Api.project(SHANGJIE);
        body.put("constructionType", "RENOVATION"); // 01 改建技改: no land to take
        String id = Api.register("staff.shangjie", body).getString("id");
        generate("staff.shangjie", id, "2027-03-01").then().statusCode(200)
                .body("nodes.code", equalTo(List.of("PROJECT_FILING", "ENGINEERING_PLANNING_PERMIT",
                        "CONSTRUCTION_PERMIT", "APPROVED", "START", "PRODUCTION")))
                .body(node("PRODUCTION") + ".planned", equalTo("2028-02-29")); // 365 days after, across 29 February
        String tech = purchase(); // 03 单纯购置 with PURCHASE: the general template of 03
        generate("staff.shangjie", tech, "2027-03-01").then().statusCode(200)
                .body("nodes.code", equalTo(List.of("PROJECT_FILING", "APPROVED", "START", "PRODUCTION")));
    }

    @Test
    void replanningByHandKeepsTheNodesInOrder() {
        String id = Api.registered();
        generate("staff.shangjie", id, "2027-03-01").then().statusCode(200);
        replan("staff.shangjie", id, Map.of("LAND", "2026-12-15")).then().statusCode(200).header("ETag", "\"3\"")
                .body(node("LAND") + ".planned", equalTo("2026-12-15"))
                .body(node("LAND") + ".source", equalTo("MANUAL"))
                .body(node("ENGINEERING_PLANNING_PERMIT") + ".source", equalTo("TEMPLATE"));
        MilestonesSet set = (MilestonesSet) Kafka.awaitProjectEvent(id, 3).data();
        assertThat(set.reason()).isEqualTo("调整");
        assertThat(set.nodes()).filteredOn(n -> n.code().equals("LAND")).extracting(MilestoneNode::source)
                .containsExactly(MilestoneNode.Source.MANUAL);
        // after 工程规划许可 (2026-12-31): out of order, naming the node as sent
        replan("staff.shangjie", id, Map.of("LAND", "2027-01-05")).then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("nodes[0].planned"))
                .body("violations[0].code", equalTo("out-of-order"));
        replan("staff.shangjie", id, Map.of("MOON_LANDING", "2026-12-01")).then().statusCode(422)
                .body("violations[0].field", equalTo("nodes[0].code"))
                .body("violations[0].code", equalTo("unknown-node"));
        // START moved by hand moves the target
        replan("staff.shangjie", id, Map.of("START", "2027-03-10")).then().statusCode(200)
                .body("targetStart", equalTo("2027-03-10")).body(node("START") + ".source", equalTo("MANUAL"));
        // malformed bodies: 400 naming the field
        as("staff.shangjie").body(Map.of()).put(path(id)).then().statusCode(400)
                .body("violations[0].field", equalTo("targetStart")).body("violations[0].code", equalTo("required"));
        generate("staff.shangjie", id, "1999-12-31").then().statusCode(400)
                .body("violations[0].field", equalTo("targetStart"))
                .body("violations[0].code", equalTo("out-of-range"));
        generate("staff.shangjie", id, "2027-02-30").then().statusCode(400).contentType("application/problem+json");
        as("staff.shangjie").body(Map.of("nodes", List.of(Map.of("code", "LAND")))).put(path(id)).then()
                .statusCode(400).body("violations.field", hasItem("nodes[0].planned"));
        as("staff.shangjie").body(Map.of("targetStart", "2027-03-01", "reason", "长".repeat(501))).put(path(id))
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        assertThat(Api.version(id)).isEqualTo(4);
        // replanning a project without a plan
        String other = Api.registered();
        replan("staff.shangjie", other, Map.of("LAND", "2026-12-15")).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:milestones-not-planned"))
                .body("violations[0].field", equalTo("targetStart"));
        as("admin").get(path(other)).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aManualNodeIsCompletedByHandAnEventNodeIsNot() {
        String id = Api.registered(); // registered on TODAY
        generate("staff.shangjie", id, "2027-03-01").then().statusCode(200);
        complete("staff.shangjie", id, "LAND", "2026-06-16").then().statusCode(200).header("ETag", "\"3\"")
                .body(node("LAND") + ".actual", equalTo("2026-06-16")).body(node("LAND") + ".status", equalTo("DONE"))
                .body(node("LAND") + ".source", equalTo("MANUAL"));
        MilestonesSet set = (MilestonesSet) Kafka.awaitProjectEvent(id, 3).data();
        assertThat(set.nodes()).filteredOn(n -> n.code().equals("LAND")).extracting(MilestoneNode::actual)
                .containsExactly(TODAY);
        complete("staff.shangjie", id, "LAND", "2026-06-16").then().statusCode(200).header("ETag", "\"3\"");
        complete("staff.shangjie", id, "LAND", "2026-06-17").then().statusCode(422)
                .body("violations[0].field", equalTo("actual")).body("violations[0].code", equalTo("in-future"));
        complete("staff.shangjie", id, "LAND", "2026-06-15").then().statusCode(422)
                .body("violations[0].field", equalTo("actual"))
                .body("violations[0].code", equalTo("before-registration"));
        complete("staff.shangjie", id, "LAND", null).then().statusCode(400)
                .body("violations[0].field", equalTo("actual")).body("violations[0].code", equalTo("required"));
        for (String code : List.of("APPROVED", "START", "PRODUCTION")) {
            complete("staff.shangjie", id, code, "2026-06-16").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:pipeline:problem:completes-by-event"));
        }
        complete("staff.shangjie", id, "NOPE", "2026-06-16").then().statusCode(404);
        complete("staff.shangjie", Api.registered(), "LAND", "2026-06-16").then().statusCode(404);
        assertThat(Api.version(id)).isEqualTo(3);
    }

    @Test
    void theApprovalAndTheStartAndProductionMovesCompleteTheirNodes() {
        String id = Api.registered(); // v1
        generate("staff.shangjie", id, "2027-03-01").then().statusCode(200); // v2
        Api.move(id, "DECLARED", null); // v3
        UUID caseId = Approvals.open(id);
        Kafka.sendApproval(id, new CaseApproved(caseId, UUID.fromString(id),
                TODAY.atTime(9, 30).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        EventEnvelope approved = Kafka.awaitProjectEvent(id, 4); // v4: the plan's 并联审批完成
        MilestonesSet set = (MilestonesSet) approved.data();
        assertThat(set.actor()).isNull();
        assertThat(set.nodes()).filteredOn(n -> n.code().equals("APPROVED"))
                .extracting(MilestoneNode::actual, MilestoneNode::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TODAY, MilestoneNode.Source.EVENT));
        Approvals.awaitApprovalState(id, "APPROVED");
        Api.move(id, "ADMITTED", null); // v5
        Api.move(id, "STARTED", "2026-06-10"); // v6 started, v7 the plan's 开工
        assertThat(Kafka.awaitProjectEvent(id, 6).type()).isEqualTo("pipeline.project.started.v1");
        set = (MilestonesSet) Kafka.awaitProjectEvent(id, 7).data();
        assertThat(set.nodes()).filteredOn(n -> n.code().equals("START"))
                .extracting(MilestoneNode::actual, MilestoneNode::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 6, 10),
                        MilestoneNode.Source.EVENT));
        Api.move(id, "IN_PRODUCTION", "2026-06-16"); // v8, v9
        as("leader.shangjie").get(path(id)).then().statusCode(200).header("ETag", "\"9\"")
                .body(node("APPROVED") + ".actual", equalTo("2026-06-16"))
                .body(node("START") + ".actual", equalTo("2026-06-10"))
                .body(node("START") + ".status", equalTo("DONE"))
                .body(node("PRODUCTION") + ".actual", equalTo("2026-06-16"))
                .body(node("PRODUCTION") + ".source", equalTo("EVENT"));
        // a project without a plan moves as before: one version, no plan
        String plain = Approvals.admitted();
        long before = Api.version(plain);
        Api.move(plain, "STARTED", "2026-06-10");
        assertThat(Api.version(plain)).isEqualTo(before + 1);
        as("admin").get(path(plain)).then().statusCode(404);
        // a plan made after the start carries it already
        generate("staff.shangjie", plain, "2026-06-01").then().statusCode(200)
                .body(node("START") + ".actual", equalTo("2026-06-10"))
                .body(node("START") + ".source", equalTo("EVENT"))
                .body(node("APPROVED") + ".status", equalTo("DONE"));
    }

    @Test
    void statusesAndTheLightOnFixedDaysA29FebruaryAndA31December() {
        String id = purchase();
        generate("staff.shangjie", id, "2028-03-07").then().statusCode(200)
                .body("nodes.code", equalTo(List.of("PROJECT_FILING", "APPROVED", "START", "PRODUCTION")));
        // every node before the start on the start's day
        replan("staff.shangjie", id, Map.of("PROJECT_FILING", "2028-03-07", "APPROVED", "2028-03-07"))
                .then().statusCode(200);
        Api.standOn(LocalDate.of(2028, 2, 28)); // 8 days before
        as("staff.shangjie").get(path(id)).then().statusCode(200).body("light", equalTo("GREEN"))
                .body("nodes.status", equalTo(List.of("ON_TRACK", "ON_TRACK", "ON_TRACK", "ON_TRACK")));
        Api.standOn(LocalDate.of(2028, 2, 29)); // 7 days before
        as("staff.shangjie").get(path(id)).then().statusCode(200).body("light", equalTo("YELLOW"))
                .body("nodes.status", equalTo(List.of("AT_RISK", "AT_RISK", "AT_RISK", "ON_TRACK")));
        Api.standOn(LocalDate.of(2028, 3, 7)); // the day itself
        as("staff.shangjie").get(path(id)).then().body("light", equalTo("YELLOW"));
        Api.standOn(LocalDate.of(2028, 3, 8)); // the day after
        as("staff.shangjie").get(path(id)).then().body("light", equalTo("RED"))
                .body("nodes.status", equalTo(List.of("LATE", "LATE", "LATE", "ON_TRACK")));
        // across the year's end: planned 2027-01-07
        replan("admin", id, Map.of("PROJECT_FILING", "2027-01-07", "APPROVED", "2027-01-07", "START", "2027-01-07"))
                .then().statusCode(200);
        Api.standOn(LocalDate.of(2026, 12, 31));
        as("staff.shangjie").get(path(id)).then().body("light", equalTo("YELLOW"))
                .body(node("START") + ".status", equalTo("AT_RISK"));
        Api.standOn(LocalDate.of(2026, 12, 30));
        as("staff.shangjie").get(path(id)).then().body("light", equalTo("GREEN"));
        replan("admin", id, Map.of("PROJECT_FILING", "2026-12-30", "APPROVED", "2026-12-30", "START", "2026-12-30"))
                .then().statusCode(200);
        Api.standOn(LocalDate.of(2026, 12, 31));
        as("staff.shangjie").get(path(id)).then().body("light", equalTo("RED"))
                .body(node("START") + ".status", equalTo("LATE"));
        // a plan generated on 29 February: START on the target, 30 days before it for 并联审批完成
        String leap = purchase();
        generate("staff.shangjie", leap, "2028-02-29").then().statusCode(200)
                .body(node("START") + ".planned", equalTo("2028-02-29"))
                .body(node("APPROVED") + ".planned", equalTo("2028-01-30"))
                .body(node("PRODUCTION") + ".planned", equalTo("2028-08-27"));
    }

    @Test
    void rolesScopeIfMatchAndWithdrawnProjects() {
        String id = Api.registered();
        for (String user : List.of("leader.shangjie", "approver.ndrc", "staff.xinzheng")) {
            generate(user, id, "2027-03-01").then().statusCode(403).contentType("application/problem+json");
        }
        given().body(Map.of("targetStart", "2027-03-01")).contentType("application/json").put(path(id)).then()
                .statusCode(401);
        generate("admin", id, "2027-03-01").then().statusCode(200);
        as("staff.xinzheng").get(path(id)).then().statusCode(403).contentType("application/problem+json");
        as("staff.shangjie").get(path(UUID.randomUUID().toString())).then().statusCode(404);
        as("staff.shangjie").get(path("not-a-uuid")).then().statusCode(404);
        complete("leader.shangjie", id, "LAND", "2026-06-16").then().statusCode(403);
        complete("staff.xinzheng", id, "LAND", "2026-06-16").then().statusCode(403);
        // If-Match: a stale version is 409, the current one passes
        as("staff.shangjie").header("If-Match", "\"1\"").body(Map.of("targetStart", "2027-04-01")).put(path(id))
                .then().statusCode(409).body("type", equalTo("urn:pipeline:problem:stale-version"));
        as("staff.shangjie").header("If-Match", "\"1\"").body(Map.of("actual", "2026-06-16"))
                .put(path(id) + "/LAND").then().statusCode(409);
        as("staff.shangjie").header("If-Match", "\"2\"").body(Map.of("targetStart", "2027-04-01")).put(path(id))
                .then().statusCode(200).header("ETag", "\"3\"");
        // withdrawn: closed to plans, still readable
        Api.move(id, "WITHDRAWN", null);
        generate("staff.shangjie", id, "2027-05-01").then().statusCode(409)
                .body("type", equalTo("urn:pipeline:problem:project-closed"));
        complete("staff.shangjie", id, "LAND", "2026-06-16").then().statusCode(409);
        as("leader.shangjie").get(path(id)).then().statusCode(200).body("targetStart", equalTo("2027-04-01"));
    }

    /** Concurrent first plans of one project: never a 500, one plan, one version per winner. */
    @Test
    void concurrentGenerationsAreSerialised() throws Exception {
        String id = Api.registered();
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.bearer("staff.shangjie");
        int n = 6;
        List<Integer> statuses = Concurrently.run(n, i -> http.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + RestAssured.port + path(id))).header("Authorization", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"targetStart\": \"2027-03-0" + (i + 1) + "\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertThat(statuses).allMatch(st -> st == 200 || st == 409);
        long won = statuses.stream().filter(st -> st == 200).count();
        assertThat(won).isPositive();
        assertThat(Api.version(id)).isEqualTo(1 + won);
        assertThat(plan(id).getList("nodes")).hasSize(9);
    }

    /** The OpenAPI document says what every milestone endpoint really answers, nullable fields marked. */
    @Test
    void theOpenApiDocumentDescribesEveryAnswer() {
        JsonPath doc = given().accept("application/json").queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        String plan = "paths.'/api/projects/{id}/milestones'";
        assertThat(doc.getMap(plan + ".get.responses")).containsKeys("200", "401", "403", "404");
        assertThat(doc.getMap(plan + ".put.responses")).containsKeys("200", "400", "401", "403", "404", "409", "422");
        String node = "paths.'/api/projects/{id}/milestones/{code}'.put";
        assertThat(doc.getMap(node + ".responses")).containsKeys("200", "400", "401", "403", "404", "409", "422");
        String templates = "paths.'/api/milestone-templates'";
        assertThat(doc.getMap(templates + ".get.responses")).containsKeys("200", "401");
        assertThat(doc.getMap(templates + ".put.responses"))
                .containsKeys("200", "400", "401", "403", "409", "422", "428");
        for (String op : List.of(plan + ".put", node, templates + ".put")) {
            assertThat(doc.getMap(op + ".requestBody.content.'application/json'.examples")).as(op).isNotEmpty();
            for (String status : List.of("400", "403", "409")) {
                assertThat(doc.getMap(op + ".responses.'" + status + "'.content")).as(op + " " + status)
                        .containsKey("application/problem+json");
            }
        }
        Map<String, Object> actual = doc.getMap("components.schemas.MilestonePlanNode.properties.actual");
        assertThat(String.valueOf(actual)).as(String.valueOf(actual)).contains("null").contains("LocalDate");
        assertThat(doc.getMap("components.schemas.LocalDate")).containsEntry("format", "date");
        Map<String, Object> updatedBy = doc.getMap("components.schemas.MilestonePlan.properties.updatedBy");
        assertThat(String.valueOf(updatedBy)).as(String.valueOf(updatedBy)).contains("null");
        Map<String, Object> target = doc.getMap("components.schemas.SetMilestones.properties.targetStart");
        assertThat(String.valueOf(target)).as(String.valueOf(target)).contains("null").contains("LocalDate");
    }
}
