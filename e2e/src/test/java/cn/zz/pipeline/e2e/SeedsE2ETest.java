package cn.zz.pipeline.e2e;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed data, loaded by {@code stack.sh up} on the stack's first start through the services' APIs, read back as
 * leaders read it: the bulletins' figures from the reporting API, the named projects from project-service, every
 * stage, task state and problem state present; and a second load changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedsE2ETest {

    private static final String KAIFAQU = "上街区先进制造业开发区";

    private Stack stack;

    @BeforeAll
    void up() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = Stack.shared();
    }

    private String reports() {
        return "http://localhost:" + stack.reportingPort + "/api/reports";
    }

    private String projects() {
        return "http://localhost:" + stack.projectPort + "/api";
    }

    private JsonPath get(String user, String url, Map<String, ?> query) {
        return given().header("Authorization", stack.bearer(user)).queryParams(query).get(url).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    @Order(1)
    void shangjieFirstOfTheSixDistrictsAndSecondInTheCity() {
        JsonPath r = get("leader.shangjie", reports() + "/investment",
                Map.of("year", 2025, "month", 6, "district", "410106"));
        assertThat(r.getString("periodLabel")).contains("1-6月");
        assertThat(r.getString("total.ytdYi")).isEqualTo("29.6");
        assertThat(r.getString("total.growth")).isEqualTo("16.5");

        JsonPath rankings = get("leader.city", reports() + "/rankings", Map.of("year", 2025, "month", 6));
        Map<String, Object> shangjie = rankings.getMap("rows.find { it.district == '410106' }");
        assertThat(shangjie.get("ytdYi").toString()).isEqualTo("29.6");
        assertThat(shangjie.get("rank")).isEqualTo(2); // 全市第二
        List<Map<String, Object>> groups = rankings.getList("rows.find { it.district == '410106' }.groups");
        assertThat(groups).anySatisfy(g -> {
            assertThat(g.get("label")).isEqualTo("六区");
            assertThat(g.get("rank")).isEqualTo(1); // 六区第一
            assertThat(g.get("of")).isEqualTo(6);
        });
        assertThat(rankings.getList("rows")).hasSize(15); // every district of the city has figures
    }

    @Test
    @Order(2)
    void theParkTechnicalRenovationOf2024() {
        JsonPath park = get("leader.shangjie", reports() + "/investment",
                Map.of("year", 2024, "month", 6, "park", KAIFAQU));
        BigDecimal tech = new BigDecimal(park.getString("rows.find { it.key == 'TECH_REFORM' }.ytd"));
        BigDecimal industrial = new BigDecimal(park.getString("rows.find { it.key == 'INDUSTRIAL' }.ytd"));
        assertThat(tech.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP)).isEqualByComparingTo("8.66");
        assertThat(park.getString("rows.find { it.key == 'TECH_REFORM' }.growth")).isEqualTo("35.2");
        assertThat(tech.divide(industrial, 4, RoundingMode.HALF_UP)).isGreaterThan(new BigDecimal("0.70"));
    }

    @Test
    @Order(3)
    void theNamedProjects() {
        JsonPath aux = get("staff.shangjie", projects() + "/projects", Map.of("q", "奥克斯智能空调基地"));
        assertThat(aux.getInt("total")).isEqualTo(1);
        String id = aux.getString("items[0].id");
        assertThat(aux.getString("items[0].stage")).isEqualTo("STARTED");
        assertThat(aux.getString("items[0].plannedProduction")).isEqualTo("2026-12-31");
        assertThat(aux.getString("items[0].leader")).isEqualTo("区长");
        JsonPath inv = get("leader.shangjie", projects() + "/projects/" + id + "/investments", Map.of());
        assertThat(inv.getString("periods.find { it.period == '2025-07' }.amount")).isEqualTo("65000"); // 6.5亿元
        JsonPath problems = get("leader.shangjie", projects() + "/projects/" + id + "/problems", Map.of());
        assertThat(problems.getList("category")).contains("LAND", "FUNDING", "PROCEDURE"); // 土地、资金、手续

        JsonPath park = get("leader.city", projects() + "/projects", Map.of("district", "410184", "q", "电子信息产业园",
                "size", 50));
        JsonPath all = get("leader.city", projects() + "/projects", Map.of("district", "410184", "size", 200));
        List<String> inPark = all.getList("items.findAll { it.park == '新郑市电子信息产业园' }.name");
        assertThat(inPark).hasSize(5);
        assertThat(String.join(",", inPark)).contains("锐杰微", "华思光电", "威斯荻克", "优碧科技");
        assertThat(park.getInt("total")).isPositive();
    }

    @Test
    @Order(4)
    void everyStageEveryTaskStateAndProblemsOpenResolvedAndOverdue() {
        JsonPath pipeline = get("leader.city", reports() + "/pipeline", Map.of());
        for (String stage : List.of("RESERVE", "DECLARED", "ADMITTED", "STARTED", "IN_PRODUCTION", "WITHDRAWN")) {
            assertThat(pipeline.getInt("stages.find { it.stage == '" + stage + "' }.count")).as(stage).isPositive();
        }
        JsonPath tasks = get("admin", "http://localhost:" + stack.approvalPort + "/api/approval-tasks",
                Map.of("state", "ALL", "size", 200));
        assertThat(tasks.getList("items.state", String.class)).contains("PENDING", "RETURNED", "APPROVED", "REJECTED",
                "CANCELLED");
        // the overdue scan runs every minute: the tasks of the early declarations are past their time limits
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(get("leader.city", reports() + "/approvals", Map.of()).getInt("overdueCount"))
                        .isPositive());
        JsonPath problems = get("leader.city", reports() + "/problems", Map.of());
        assertThat(problems.getInt("resolved")).isPositive();
        assertThat(problems.getInt("open")).isPositive();
        assertThat(problems.getInt("overdue")).isPositive();
    }

    @Test
    @Order(5)
    void loadingTwiceChangesNothing() {
        Map<String, Object> before = counts();
        stack.run(900, "seed");
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Object> counts() {
        String aux = get("admin", projects() + "/projects", Map.of("q", "奥克斯智能空调基地")).getString("items[0].id");
        return Map.of(
                "projects", get("admin", projects() + "/projects", Map.of("size", 1)).getInt("total"),
                "auxVersion", get("admin", projects() + "/projects/" + aux, Map.of()).getInt("version"),
                "tasks", get("admin", "http://localhost:" + stack.approvalPort + "/api/approval-tasks",
                        Map.of("state", "ALL", "size", 1)).getInt("total"),
                "problems", get("admin", projects() + "/problems", Map.of("size", 1)).getInt("total"),
                "ytd2025", get("admin", reports() + "/investment", Map.of("year", 2025, "month", 6))
                        .getString("total.ytd"));
    }
}
