package cn.zz.pipeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds of issue 15 as loaded by {@code stack.sh up}: 奥克斯智能空调基地's plan ends in 投产 by the end of 2026
 * with 拿地 before 开工, the city's 预警 list has red and yellow projects (the loader counts the admitted projects'
 * targets from its today, the day the stack was started), 拿地即开工 has figures for 2026, and the sample 入库
 * materials are there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedsMilestonesE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Stack stack;

    @BeforeAll
    void up() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = Stack.shared();
    }

    private String project() {
        return "http://localhost:" + stack.projectPort + "/api";
    }

    private JsonPath get(String user, String url, Map<String, ?> query) {
        return given().header("Authorization", stack.bearer(user)).queryParams(query).get(url).then().statusCode(200)
                .extract().jsonPath();
    }

    private String idOf(String code) {
        return get("admin", project() + "/projects/by-code/" + code, Map.of()).getString("id");
    }

    @Test
    void theAuxBaseIsPlannedIntoProductionByTheEndOf2026() {
        String aux = get("staff.shangjie", project() + "/projects", Map.of("q", "奥克斯智能空调基地")).getString("items[0].id");
        JsonPath plan = get("leader.shangjie", project() + "/projects/" + aux + "/milestones", Map.of());
        assertThat(plan.getString("nodes.find { it.code == 'PRODUCTION' }.planned")).isEqualTo("2026-12-31");
        assertThat(plan.getString("nodes.find { it.code == 'START' }.actual")).isEqualTo("2023-04-18");
        assertThat(plan.getString("nodes.find { it.code == 'START' }.source")).isEqualTo("EVENT");
        String land = plan.getString("nodes.find { it.code == 'LAND' }.actual");
        assertThat(land).isNotNull().isLessThanOrEqualTo("2023-04-18");
        assertThat(plan.getList("nodes.findAll { it.code != 'PRODUCTION' }.status", String.class)).containsOnly("DONE");
    }

    @Test
    void theCityHasRedAndYellowProjectsAndLandToStartFigures() throws Exception {
        String reports = "http://localhost:" + stack.reportingPort + "/api/reports";
        for (String light : List.of("RED", "YELLOW")) {
            JsonPath page = get("leader.city", reports + "/warnings", Map.of("light", light));
            assertThat(page.getList("items")).as(light).isNotEmpty();
            assertThat(page.getList("items.light", String.class)).as(light).containsOnly(light);
        }
        String body = given().header("Authorization", stack.bearer("leader.city")).queryParam("year", 2026)
                .get(reports + "/land-to-start").then().statusCode(200).extract().asString();
        assertThat(districtCounts(JSON.readTree(body))).isGreaterThan(5);
    }

    /** The sum of {@code count} over the rows that name a district, wherever the answer holds them. */
    private static int districtCounts(JsonNode n) {
        if (n.isObject() && n.hasNonNull("district") && n.has("count")) {
            return n.path("count").asInt();
        }
        int sum = 0;
        for (JsonNode child : n) {
            sum += districtCounts(child);
        }
        return sum;
    }

    @Test
    void theSampleMaterialsAreThere() throws Exception {
        assertThat(kinds("staff.shangjie", "2025-410106-01-01-000110"))
                .contains("APPROVAL_DOC", "CONTRACT", "SITE_PHOTO");
        assertThat(kinds("staff.xinzheng", "2026-410184-01-01-000013"))
                .containsExactlyInAnyOrder("APPROVAL_DOC", "SITE_PHOTO");
    }

    /** The kinds of a seeded project's materials (the list a bare array or a page of {@code items}). */
    private List<String> kinds(String user, String code) throws Exception {
        String body = given().header("Authorization", stack.bearer(user))
                .get(project() + "/projects/" + idOf(code) + "/materials").then().statusCode(200).extract().asString();
        JsonNode list = JSON.readTree(body);
        List<String> out = new ArrayList<>();
        (list.has("items") ? list.path("items") : list).forEach(m -> out.add(m.path("kind").asText()));
        return out;
    }
}
