package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.testsupport.Concurrently;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Statistics of 2023 against 2022 (a year pair no other test of this module writes), for three of the six urban
 * districts. 上街 410106: project A (industrial, 技改, private, in a park, in a chain) 100000 → 130000 万元;
 * project B (infrastructure, state) 50000 in 2022, only 1-3月 35000 reported in 2023, carried forward to June.
 * 中原 410102: 100000 → 105000. 二七 410103: 80000 → 60000.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvestmentReportTest {

    /** 上街 is the demo leader's district (shared: this test writes only 2022 and 2023 there). */
    static final String SHANGJIE = TestDistricts.SHANGJIE;
    static final String ZHONGYUAN = TestDistricts.all(InvestmentReportTest.class).get(0);
    static final String ERQI = TestDistricts.all(InvestmentReportTest.class).get(1);

    private Feed.Project a;

    /** Fed once, at the first test (RestAssured knows the port only once the application runs). */
    @org.junit.jupiter.api.BeforeEach
    void feed() {
        if (a != null) {
            return;
        }
        LocalDate reg = LocalDate.of(2022, 1, 10);
        LocalDate dec = LocalDate.of(2022, 1, 20);
        LocalDate adm = LocalDate.of(2022, 2, 10);
        a = new Feed.Project("奥克斯智能空调基地", SHANGJIE, "先进制造业开发区", "智能家电", "C3441", Sector.SECONDARY,
                "02", true, "650000").admittedVia(reg, dec, adm)
                .report(2022, 6, "100000").report(2023, 6, "130000");
        new Feed.Project("上街区市政道路", SHANGJIE, null, null, "G4812", Sector.TERTIARY, "01", false, "90000")
                .admittedVia(reg, dec, adm)
                .report(2022, 3, "20000").report(2022, 6, "50000").report(2023, 3, "35000");
        new Feed.Project("郑州特优高科", ZHONGYUAN, "中原科技城", "电子信息", "C3976", Sector.SECONDARY, "01", true,
                "300000").admittedVia(reg, dec, adm).report(2022, 6, "100000").report(2023, 6, "105000");
        new Feed.Project("豫中铝镁", ERQI, null, "先进材料", "C3216", Sector.SECONDARY, "01", true, "200000")
                .admittedVia(reg, dec, adm).report(2022, 6, "80000").report(2023, 6, "60000");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(report("admin", "2023", "6", null, "district").getString("total.ytd")).isEqualTo("330000"));
    }

    static JsonPath report(String user, String year, String month, String district, String by) {
        var req = given().header("Authorization", Tokens.bearer(user));
        if (year != null) {
            req.queryParam("year", year);
        }
        if (month != null) {
            req.queryParam("month", month);
        }
        if (district != null) {
            req.queryParam("district", district);
        }
        if (by != null) {
            req.queryParam("by", by);
        }
        return req.get("/api/reports/investment").then().statusCode(200).extract().jsonPath();
    }

    private static String row(JsonPath r, String key, String field) {
        return r.getString("rows.find { it.key == '" + key + "' }." + field);
    }

    @Test
    @Order(1)
    void districtsAreRankedByGrowthWithShareAndContribution() {
        JsonPath r = report("admin", "2023", "6", null, "district");
        assertThat(r.getString("period")).isEqualTo("2023-06");
        assertThat(r.getString("periodLabel")).isEqualTo("1-6月");
        assertThat(r.getString("unit")).isEqualTo("万元");
        assertThat(r.getList("rows.key")).containsExactly(SHANGJIE, ZHONGYUAN, ERQI);
        assertThat(row(r, SHANGJIE, "label")).isEqualTo("上街区");
        assertThat(row(r, SHANGJIE, "ytd")).isEqualTo("165000"); // 130000 + 35000 carried from 1-3月
        assertThat(row(r, SHANGJIE, "ytdYi")).isEqualTo("16.5");
        assertThat(row(r, SHANGJIE, "base")).isEqualTo("150000");
        assertThat(row(r, SHANGJIE, "growth")).isEqualTo("10.0");
        assertThat(row(r, SHANGJIE, "share")).isEqualTo("50.0");
        assertThat(row(r, SHANGJIE, "contribution")).isEqualTo("4.5"); // 15000 / 330000
        assertThat(row(r, SHANGJIE, "rank")).isEqualTo("1");
        assertThat(row(r, ZHONGYUAN, "growth")).isEqualTo("5.0");
        assertThat(row(r, ERQI, "growth")).isEqualTo("-25.0");
        assertThat(row(r, ERQI, "rank")).isEqualTo("3");
        assertThat(r.getString("total.growth")).isEqualTo("0.0");
        assertThat(r.getString("total.label")).isEqualTo("合计");
    }

    @Test
    @Order(2)
    void aProjectWithoutAReportCarriesItsLatestFigureForward() {
        JsonPath april = report("admin", "2023", "4", SHANGJIE, "district");
        assertThat(april.getString("total.ytd")).isEqualTo("35000");
        JsonPath february = report("admin", "2023", "2", SHANGJIE, "district");
        assertThat(february.getString("total.ytd")).isEqualTo("0");
        assertThat(february.getString("periodLabel")).isEqualTo("1-2月");
        JsonPath december = report("admin", "2023", "12", SHANGJIE, "district");
        assertThat(december.getString("total.ytd")).isEqualTo("165000");
    }

    @Test
    @Order(3)
    void categoriesParksChainsAndIndustries() {
        JsonPath c = report("admin", "2023", "6", SHANGJIE, "category");
        assertThat(c.getList("rows.key")).contains("INDUSTRIAL", "TECH_REFORM", "PRIVATE", "INFRASTRUCTURE");
        assertThat(row(c, "INDUSTRIAL", "label")).isEqualTo("工业投资");
        assertThat(row(c, "INDUSTRIAL", "ytd")).isEqualTo("130000");
        assertThat(row(c, "INDUSTRIAL", "growth")).isEqualTo("30.0");
        assertThat(row(c, "INDUSTRIAL", "share")).isEqualTo("78.8");
        assertThat(row(c, "TECH_REFORM", "ytd")).isEqualTo("130000");
        assertThat(row(c, "PRIVATE", "ytd")).isEqualTo("130000");
        assertThat(row(c, "INFRASTRUCTURE", "ytd")).isEqualTo("35000");
        assertThat(row(c, "INFRASTRUCTURE", "growth")).isEqualTo("-30.0");
        assertThat(row(c, "INFRASTRUCTURE", "contribution")).isEqualTo("-10.0");

        JsonPath park = report("admin", "2023", "6", SHANGJIE, "park");
        assertThat(row(park, "先进制造业开发区", "ytd")).isEqualTo("130000");
        assertThat(row(park, "", "label")).isEqualTo("未入园区");
        // the categories within one park, as a park's leaders read them (技改 as a share of the park's total)
        JsonPath inPark = given().header("Authorization", Tokens.bearer("leader.shangjie"))
                .queryParam("year", "2023").queryParam("month", "6").queryParam("park", "先进制造业开发区")
                .get("/api/reports/investment").then().statusCode(200).extract().jsonPath();
        assertThat(inPark.getString("park")).isEqualTo("先进制造业开发区");
        assertThat(inPark.getString("total.ytd")).isEqualTo("130000");
        assertThat(inPark.getString("total.growth")).isEqualTo("30.0");
        assertThat(row(inPark, "TECH_REFORM", "ytd")).isEqualTo("130000");
        assertThat(row(inPark, "TECH_REFORM", "base")).isEqualTo("100000");
        assertThat(row(inPark, "TECH_REFORM", "share")).isEqualTo("100.0");
        assertThat(row(inPark, "INFRASTRUCTURE", "ytd")).isEqualTo("0");
        JsonPath chain = report("admin", "2023", "6", null, "chain");
        assertThat(row(chain, "电子信息", "ytd")).isEqualTo("105000");
        assertThat(row(chain, "", "label")).isEqualTo("未归属产业链");
        JsonPath industry = report("admin", "2023", "6", SHANGJIE, "industry");
        assertThat(row(industry, "SECONDARY", "label")).isEqualTo("第二产业");
        assertThat(row(industry, "TERTIARY", "ytd")).isEqualTo("35000");
    }

    @Test
    @Order(4)
    void rankingsCityWideAndAmongTheSixDistricts() {
        JsonPath r = given().header("Authorization", Tokens.bearer("leader.shangjie"))
                .queryParam("year", "2023").queryParam("month", "6").get("/api/reports/rankings")
                .then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("rows.district")).containsExactly(SHANGJIE, ZHONGYUAN, ERQI);
        assertThat(r.getString("rows[0].groups[0].label")).isEqualTo("六区");
        assertThat(r.getInt("rows[0].groups[0].rank")).isEqualTo(1);
        assertThat(r.getInt("rows[0].groups[0].of")).isEqualTo(6);
        assertThat(r.getInt("rows[2].rank")).isEqualTo(3);
    }

    @Test
    @Order(5)
    void monthlyTrendOfAYear() {
        JsonPath m = given().header("Authorization", Tokens.bearer("leader.shangjie")).queryParam("year", "2023")
                .get("/api/reports/investment/monthly").then().statusCode(200).extract().jsonPath();
        assertThat(m.getString("district")).isEqualTo(SHANGJIE);
        assertThat(m.getList("months.month")).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(m.getString("months.find { it.month == 3 }.ytd")).isEqualTo("35000");
        assertThat(m.getString("months.find { it.month == 3 }.base")).isEqualTo("20000");
        assertThat(m.getString("months.find { it.month == 3 }.growth")).isEqualTo("75.0");
        assertThat(m.getString("months.find { it.month == 6 }.periodLabel")).isEqualTo("1-6月");
    }

    @Test
    @Order(6)
    void aCorrectionReplacesAFigureAndADuplicateCountsOnce() {
        // Read first, so the report is cached: the correction's batch must make the cache let it go.
        assertThat(report("admin", "2023", "6", SHANGJIE, "district").getString("total.ytd")).isEqualTo("165000");
        a.report(2023, 6, "140000", "130000");
        EventEnvelope copy = EventEnvelope.create("/project-service", a.id.toString(), a.sequence, Instant.now(),
                new InvestmentReported(a.id, a.snapshot.code(), SHANGJIE, "2023-06", 2023, 6, new BigDecimal("140000"),
                        new BigDecimal("130000"), null, "staff"));
        Feed.sendRaw(Topics.PROJECT_EVENTS, copy); // the same sequence again: already applied
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(report("admin", "2023", "6", SHANGJIE, "district").getString("total.ytd")).isEqualTo("175000"));
        a.report(2023, 7, "150000");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(report("admin", "2023", "7", SHANGJIE, "district").getString("total.ytd")).isEqualTo("185000"));
        assertThat(report("admin", "2023", "6", SHANGJIE, "district").getString("total.ytd")).isEqualTo("175000");
    }

    @Test
    @Order(7)
    void aRestatedBaseReplacesTheSummedBase() throws Exception {
        String path = "/api/admin/restated-bases/" + SHANGJIE + "/ALL/2022-06";
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"amount\":159000,\"reason\":\"区划调整，同口径\"}").put(path)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        JsonPath r = report("admin", "2023", "6", null, "district");
        assertThat(row(r, SHANGJIE, "base")).isEqualTo("159000");
        assertThat(row(r, SHANGJIE, "restated")).isEqualTo("true");
        assertThat(row(r, SHANGJIE, "growth")).isEqualTo("10.1"); // 175000 / 159000
        assertThat(r.getString("total.base")).isEqualTo("339000");

        // a second write needs If-Match; a stale one loses; of two concurrent writers one wins
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"amount\":160000,\"reason\":\"再调\"}").put(path).then().statusCode(428);
        given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "\"7\"")
                .contentType("application/json").body("{\"amount\":160000,\"reason\":\"再调\"}").put(path)
                .then().statusCode(409).contentType("application/problem+json");
        List<Integer> statuses = Concurrently.run(4, i -> given().header("Authorization", Tokens.bearer("admin"))
                .header("If-Match", "\"1\"").contentType("application/json")
                .body("{\"amount\":16000" + i + ",\"reason\":\"并发\"}").put(path).statusCode());
        assertThat(statuses).containsOnlyOnce(200).filteredOn(s -> s != 200).containsOnly(409);

        given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "\"2\"").delete(path)
                .then().statusCode(204);
        assertThat(row(report("admin", "2023", "6", null, "district"), SHANGJIE, "base")).isEqualTo("150000");
    }

    @Test
    @Order(8)
    void restatedBaseInputIsChecked() {
        Response bad = given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"amount\":-1}").put("/api/admin/restated-bases/" + SHANGJIE + "/ALL/2022-06");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.jsonPath().getList("violations.field")).contains("amount", "reason");
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"amount\":1,\"reason\":\"x\"}").put("/api/admin/restated-bases/999999/FOO/2022-01")
                .then().statusCode(400).body("violations.field", hasItem("category"));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"amount\":1,\"reason\":\"x\"}").put("/api/admin/restated-bases/999999/ALL/2022-01")
                .then().statusCode(400).body("violations.code", hasItem("unknown-district"))
                .body("violations.code", hasItem("january-folded"));
        given().header("Authorization", Tokens.bearer("leader.city")).contentType("application/json")
                .body("{\"amount\":1,\"reason\":\"x\"}").put("/api/admin/restated-bases/" + SHANGJIE + "/ALL/2022-06")
                .then().statusCode(403);
        // at most 4 decimals counts the digits that matter: trailing zeros are none (a far period no report reads)
        String far = "/api/admin/restated-bases/" + SHANGJIE + "/ALL/2099-06";
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"amount\":1.23456,\"reason\":\"x\"}").put(far)
                .then().statusCode(400).body("violations.code", hasItem("scale"));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"amount\":2.50000,\"reason\":\"x\"}").put(far)
                .then().statusCode(200).body("amount", equalTo(2.5f));
        given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "\"1\"").delete(far)
                .then().statusCode(204);
    }

    @Test
    @Order(9)
    void badQueriesGetProblemsNamingTheField() {
        String token = Tokens.bearer("admin");
        given().header("Authorization", token).queryParam("month", "1").get("/api/reports/investment")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("month")).body("violations[0].code", equalTo("january-folded"));
        given().header("Authorization", token).queryParam("month", "13").get("/api/reports/investment")
                .then().statusCode(400).body("violations[0].field", equalTo("month"));
        given().header("Authorization", token).queryParam("year", "abc").get("/api/reports/investment")
                .then().statusCode(400).body("violations[0].field", equalTo("year"));
        given().header("Authorization", token).queryParam("by", "county").get("/api/reports/investment")
                .then().statusCode(400).body("violations[0].field", equalTo("by"));
        given().header("Authorization", token).queryParam("district", "41'06").get("/api/reports/investment")
                .then().statusCode(400).body("violations[0].field", equalTo("district"));
        given().header("Authorization", token).queryParam("park", "先进制造业开发区").queryParam("by", "chain")
                .get("/api/reports/investment").then().statusCode(400)
                .body("violations[0].field", equalTo("by")).body("violations[0].code", equalTo("park-by-category"));
        given().header("Authorization", token).queryParam("park", " ").get("/api/reports/investment")
                .then().statusCode(400).body("violations[0].field", equalTo("park"));
        given().header("Authorization", Tokens.bearer("leader.shangjie")).queryParam("district", ZHONGYUAN)
                .get("/api/reports/investment").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("approver.nr")).get("/api/reports/investment")
                .then().statusCode(403);
        given().get("/api/reports/investment").then().statusCode(401);
        String body = given().header("Authorization", token).queryParam("by", "county").get("/api/reports/investment")
                .asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("cn.zz");
    }

    @Test
    @Order(10)
    void aReportOfAProjectNeverRegisteredGoesToTheDeadLetterTopicAndTheRestGoesOn() {
        UUID stranger = UUID.randomUUID();
        EventEnvelope orphan = EventEnvelope.create("/project-service", stranger.toString(), 5, Instant.now(),
                new InvestmentReported(stranger, "2023-" + SHANGJIE + "-01-01-000017", SHANGJIE, "2023-08", 2023, 8,
                        new BigDecimal("999"), null, null, "staff"));
        Feed.sendRaw(Topics.PROJECT_EVENTS, orphan);
        a.report(2023, 8, "151000");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(report("admin", "2023", "8", SHANGJIE, "district").getString("total.ytd")).isEqualTo("186000"));
        KafkaTestClient kafka = Feed.kafka();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var dead = kafka.readAll(Topics.dlq(Topics.PROJECT_EVENTS), r -> r.value().contains(orphan.id().toString()));
            assertThat(dead).hasSize(1);
            assertThat(KafkaTestClient.header(dead.get(0), "dlq-reason")).contains("unknown project");
        });
    }

    @Test
    @Order(11)
    void consumerLagAndFreshnessAreMetrics() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("pipeline_consumer_lag{consumer=\"reporting\"");
        assertThat(metrics).contains("pipeline_reporting_freshness_seconds");
    }
}
