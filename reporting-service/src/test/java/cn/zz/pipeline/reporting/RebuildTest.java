package cn.zz.pipeline.reporting;

import io.quarkus.test.junit.QuarkusMock;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dropping the read models and replaying both topics ends with the same numbers, which the events confirm. The
 * service's today is fixed, so that the overdue counts compared before and after cannot change in between.
 */
@QuarkusTest
class RebuildTest {

    private final String district = TestDistricts.of(getClass());

    @Inject
    PipelineConfig config;

    @BeforeEach
    void fixToday() {
        QuarkusMock.installMockForType(Today.standingOn(config, LocalDate.of(2021, 12, 31)), Today.class);
    }

    private static String read(String path, String... query) {
        var req = given().header("Authorization", Tokens.bearer("admin"));
        for (int i = 0; i + 1 < query.length; i += 2) {
            req.queryParam(query[i], query[i + 1]);
        }
        return req.get(path).then().statusCode(200).extract().asString();
    }

    private static List<String> everything() {
        return List.of(read("/api/reports/investment", "year", "2021", "month", "9"),
                read("/api/reports/investment", "year", "2021", "month", "9", "by", "category"),
                read("/api/reports/investment/monthly", "year", "2021"),
                read("/api/reports/pipeline"),
                read("/api/reports/pipeline", "asOf", "2021-03-31"),
                read("/api/reports/approvals"),
                read("/api/reports/problems"));
    }

    @Test
    void aRebuildEndsWithTheSameNumbersAndTheEventsAgree() {
        LocalDate reg = LocalDate.of(2020, 3, 2);
        for (int i = 0; i < 5; i++) {
            new Feed.Project("郑州沃德超硬材料" + i, district, "登封产业集聚区", "先进材料", "C3099", Sector.SECONDARY,
                    i % 2 == 0 ? "02" : "01", i % 3 != 0, "8000")
                    .admittedVia(reg, reg.plusDays(10 + i), reg.plusDays(40 + i))
                    .report(2020, 9, String.valueOf(1000 + i)).report(2021, 4, "700").report(2021, 9, String.valueOf(1500 + i * 10));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given()
                .header("Authorization", Tokens.bearer("admin")).queryParam("year", "2021").queryParam("month", "9")
                .queryParam("district", district).get("/api/reports/investment").jsonPath().getString("total.ytd"))
                .isEqualTo("7600"));
        List<String> before = everything();

        given().header("Authorization", Tokens.bearer("leader.city")).post("/api/admin/rebuild").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("admin")).post("/api/admin/rebuild")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.endsWith("/api/admin/rebuild"));
        // A second request while one runs answers 409, or 202 if the first (a few hundred events) is done already.
        int again = given().header("Authorization", Tokens.bearer("admin")).post("/api/admin/rebuild").statusCode();
        assertThat(again).isIn(202, 409);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonPath s = given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/rebuild")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(s.getString("state")).isEqualTo("DONE");
            assertThat(s.getLong("done")).isEqualTo(s.getLong("total")).isPositive();
            assertThat(s.getDouble("percent")).isEqualTo(100.0);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(everything()).isEqualTo(before));

        JsonPath check = given().header("Authorization", Tokens.bearer("admin")).queryParam("year", "2021")
                .queryParam("month", "9").get("/api/admin/reconciliation").then().statusCode(200).extract().jsonPath();
        assertThat(check.getBoolean("consistent")).as(check.prettify()).isTrue();
        assertThat(check.getString("investment.find { it.district == '" + district + "' }.recomputed")).isEqualTo("7600");
        assertThat(check.getString("investment.find { it.district == '" + district + "' }.reported")).isEqualTo("7600");
        assertThat(check.getLong("events")).isPositive();
        given().header("Authorization", Tokens.bearer("leader.city")).get("/api/admin/reconciliation")
                .then().statusCode(403);
    }
}
