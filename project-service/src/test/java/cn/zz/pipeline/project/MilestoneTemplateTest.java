package cn.zz.pipeline.project;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * The milestone templates: the shipped defaults, a new version by admin with If-Match (428, 409), every rule (400
 * naming the malformed field, 422 naming the broken rule), roles. Every test that saves a version saves the shipped
 * defaults again as the next one, so the other tests of the module generate plans from the defaults.
 */
@QuarkusTest
class MilestoneTemplateTest {

    static final String PATH = "/api/milestone-templates";

    /** The current version: its number and its templates as a request body. */
    static JsonPath current() {
        return as("admin").get(PATH).then().statusCode(200).extract().jsonPath();
    }

    static Response save(String user, Object ifMatch, Object body) {
        var spec = as(user);
        if (ifMatch != null) {
            spec = spec.header("If-Match", "\"" + ifMatch + "\"");
        }
        return spec.body(body).put(PATH);
    }

    /** The shipped defaults (version 1) as a body. */
    static Map<String, Object> defaults() {
        List<Object> templates = as("admin").get(PATH + "/versions/1").then().statusCode(200).extract().jsonPath()
                .getList("templates");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("templates", templates);
        body.put("comment", "恢复预置模板");
        return body;
    }

    /** Saves the shipped defaults as the next version. */
    static void restoreDefaults() {
        save("admin", current().getInt("version"), defaults()).then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> template(Map<String, Object> body, int i) {
        return (Map<String, Object>) ((List<Object>) body.get("templates")).get(i);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> body, int i) {
        return (List<Map<String, Object>>) template(body, i).get("nodes");
    }

    @Test
    void theShippedDefaultsCarryTheFixedCodesEveryRoleReadsThem() {
        for (String user : List.of("staff.shangjie", "leader.shangjie", "approver.ndrc", "admin")) {
            as(user).get(PATH + "/versions/1").then().statusCode(200).header("ETag", "\"1\"")
                    .body("version", equalTo(1)).body("createdBy", nullValue())
                    .body("templates.projectType", hasItems("01", "02", "03", "04", "99"));
        }
        JsonPath v1 = as("staff.shangjie").get(PATH + "/versions/1").then().extract().jsonPath();
        List<Map<String, Object>> basic = v1.getList(
                "templates.find { it.projectType == '01' && it.constructionType == null }.nodes");
        assertThat(basic).extracting(n -> n.get("code")).containsSubsequence("PROJECT_FILING", "LAND_PLANNING_PERMIT",
                "LAND", "ENGINEERING_PLANNING_PERMIT", "CONSTRUCTION_PERMIT", "APPROVED", "SITE_CLEARING", "START",
                "PRODUCTION");
        assertThat(basic).filteredOn(n -> n.get("code").equals("LAND")).extracting(n -> n.get("offsetDays"),
                n -> n.get("completion")).containsExactly(org.assertj.core.groups.Tuple.tuple(90, "MANUAL"));
        assertThat(basic).filteredOn(n -> n.get("code").equals("PRODUCTION")).extracting(n -> n.get("offsetDays"),
                n -> n.get("completion")).containsExactly(org.assertj.core.groups.Tuple.tuple(540, "EVENT"));
        as("admin").get(PATH + "/versions/999999").then().statusCode(404).contentType("application/problem+json");
        as("admin").get(PATH + "/versions/abc").then().statusCode(404);
        given().get(PATH).then().statusCode(401);
    }

    @Test
    void adminSavesANewVersionWithIfMatchOthersMayNot() {
        int version = current().getInt("version");
        Map<String, Object> body = defaults();
        nodes(body, 0).stream().filter(n -> n.get("code").equals("LAND")).forEach(n -> n.put("offsetDays", 120));
        body.put("comment", "拿地提前至开工前 120 天");
        for (String user : List.of("staff.shangjie", "leader.shangjie", "approver.ndrc")) {
            save(user, version, body).then().statusCode(403).contentType("application/problem+json");
        }
        save("admin", null, body).then().statusCode(428).contentType("application/problem+json");
        save("admin", version + 5, body).then().statusCode(409)
                .body("type", equalTo("urn:pipeline:problem:stale-version"));
        save("admin", version, body).then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"")
                .body("version", equalTo(version + 1)).body("createdBy", equalTo("admin"))
                .body("comment", equalTo("拿地提前至开工前 120 天"));
        // the loser of two admins saving from one version
        save("admin", version, body).then().statusCode(409);
        JsonPath now = current();
        assertThat(now.getInt("version")).isEqualTo(version + 1);
        assertThat(now.getInt("templates[0].nodes.find { it.code == 'LAND' }.offsetDays")).isEqualTo(120);
        // the earlier version stays readable and unchanged
        as("leader.shangjie").get(PATH + "/versions/" + version).then().statusCode(200)
                .body("version", equalTo(version));
        // plans are generated from the current version and remember it; a plan made earlier keeps its own
        Api.standOn(java.time.LocalDate.of(2026, 6, 16));
        String id = Api.registered();
        as("staff.shangjie").body(Map.of("targetStart", "2027-03-01")).put("/api/projects/" + id + "/milestones")
                .then().statusCode(200).body("templateVersion", equalTo(version + 1))
                .body("nodes.find { it.code == 'LAND' }.planned", equalTo("2026-11-01"));
        restoreDefaults();
        as("staff.shangjie").get("/api/projects/" + id + "/milestones").then().statusCode(200)
                .body("templateVersion", equalTo(version + 1));
        as("staff.shangjie").body(Map.of("targetStart", "2027-03-01")).put("/api/projects/" + id + "/milestones")
                .then().statusCode(200).body("templateVersion", equalTo(version + 2))
                .body("nodes.find { it.code == 'LAND' }.planned", equalTo("2026-12-01"));
    }

    @Test
    void malformedFieldsAre400NamingTheField() {
        int version = current().getInt("version");
        save("admin", version, Map.of()).then().statusCode(400).body("violations.field", hasItem("templates"));
        Map<String, Object> body = defaults();
        template(body, 0).put("projectType", "07");
        nodes(body, 0).get(0).put("code", "lower-case");
        nodes(body, 0).get(1).remove("name");
        nodes(body, 0).get(2).put("offsetDays", -1);
        nodes(body, 0).get(3).remove("completion");
        body.put("comment", "说".repeat(501));
        save("admin", version, body).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("templates[0].projectType", "templates[0].nodes[0].code",
                        "templates[0].nodes[1].name", "templates[0].nodes[2].offsetDays",
                        "templates[0].nodes[3].completion", "comment"))
                .body("violations.find { it.field == 'templates[0].nodes[2].offsetDays' }.code",
                        equalTo("out-of-range"));
        Map<String, Object> wrongEnum = defaults();
        template(wrongEnum, 0).put("constructionType", "DEMOLITION");
        save("admin", version, wrongEnum).then().statusCode(400).contentType("application/problem+json");
        assertThat(current().getInt("version")).isEqualTo(version);
    }

    @Test
    void brokenRulesAre422NamingTheRule() {
        int version = current().getInt("version");
        Map<String, Object> body = defaults();
        List<Map<String, Object>> basic = nodes(body, 0); // 01: PROJECT_FILING .. START, PRODUCTION
        basic.get(1).put("code", "PROJECT_FILING"); // duplicate code
        basic.get(2).put("offsetDays", 200); // LAND after 用地规划许可's 150: out of order
        basic.get(5).put("completion", "MANUAL"); // APPROVED completes by its event
        basic.get(0).put("completion", "EVENT"); // nothing else does
        List<Map<String, Object>> renovation = nodes(body, 1);
        renovation.stream().filter(n -> n.get("code").equals("START")).forEach(n -> n.put("offsetDays", 3));
        List<Map<String, Object>> tech = nodes(body, 2);
        tech.removeIf(n -> n.get("code").equals("START"));
        List<Object> templates = new ArrayList<>((List<?>) body.get("templates"));
        templates.removeIf(t -> "99".equals(((Map<?, ?>) t).get("projectType")));
        Map<String, Object> copyOf03 = new LinkedHashMap<>(template(body, 3));
        templates.add(copyOf03);
        body.put("templates", templates);
        save("admin", version, body).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:invalid-milestone-template"))
                .body("violations.find { it.field == 'templates[0].nodes[1].code' }.code", equalTo("duplicate"))
                .body("violations.find { it.field == 'templates[0].nodes[2].offsetDays' }.code",
                        equalTo("out-of-order"))
                .body("violations.find { it.field == 'templates[0].nodes[5].completion' }.code",
                        equalTo("completion-fixed"))
                .body("violations.find { it.field == 'templates[0].nodes[0].completion' }.code",
                        equalTo("completion-fixed"))
                .body("violations.find { it.field == 'templates[1].nodes[4].offsetDays' }.code",
                        equalTo("start-offset"))
                .body("violations.find { it.field == 'templates[2].nodes' }.code", equalTo("start-required"))
                .body("violations.find { it.field == 'templates[5].projectType' }.code", equalTo("duplicate"))
                .body("violations.find { it.code == 'missing-template' }.value", equalTo("99"));

        Map<String, Object> late = defaults();
        List<Map<String, Object>> n = nodes(late, 0);
        Map<String, Object> production = n.remove(n.size() - 1);
        n.add(n.size() - 1, production); // PRODUCTION before START
        Map<String, Object> after = new LinkedHashMap<>(Map.of("code", "ACCEPTANCE", "name", "竣工验收", "offsetDays", 10,
                "completion", "MANUAL"));
        n.add(after); // after START
        save("admin", version, late).then().statusCode(422)
                .body("violations.code", hasItems("production-last", "after-start"));
        assertThat(current().getInt("version")).isEqualTo(version);
    }
}
