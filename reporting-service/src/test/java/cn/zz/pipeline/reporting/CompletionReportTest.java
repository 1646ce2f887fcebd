package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.PlanSet;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.Concurrently;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * Completion against plans, targets and 时序进度 in 惠济区 (410108, owned) in 2029, a year no other test of the module
 * writes. The service stands on 2029-11-15, so 1-10月 is the latest period (时序进度 83.3).
 *
 * <p>Fed at the start: A (industrial, 技改, private, in 惠济产业园, chain 智能装备; plan 10000 corrected to 12000,
 * 1-10月 9000), B (infrastructure, state, no park; plan 8000, 1-10月 7000), E (industrial, state, no park; no plan,
 * 1-10月 1000), all admitted; C (infrastructure, only declared; plan 5000: not counted yet). District 1-10月: ytd
 * 17000 against a plan of 20000.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompletionReportTest {

    static final String HUIJI = TestDistricts.of(CompletionReportTest.class);
    static final int YEAR = 2029;
    static final LocalDate TODAY = LocalDate.of(2029, 11, 15);
    static final String PARK = "惠济产业园";
    static final String TARGETS = "/api/admin/targets/";

    @Inject
    PipelineConfig config;

    @Inject
    AgroalDataSource dataSource;

    private Feed.Project a;
    private Feed.Project b;
    private Feed.Project c;

    @BeforeEach
    void standOnTheDay() {
        QuarkusMock.installMockForType(Today.standingOn(config, TODAY), Today.class);
        if (a != null) {
            return;
        }
        LocalDate reg = LocalDate.of(2029, 1, 7);
        LocalDate dec = LocalDate.of(2029, 1, 21);
        LocalDate adm = LocalDate.of(2029, 2, 11);
        a = new Feed.Project("惠济智能装备产业园", HUIJI, PARK, "智能装备", "C3441", Sector.SECONDARY, "02", true, "50000")
                .admittedVia(reg, dec, adm);
        plan(a, "10000", null);
        plan(a, "12000", "10000");
        a.report(YEAR, 10, "9000");
        b = new Feed.Project("惠济区滨河道路", HUIJI, null, null, "G4812", Sector.TERTIARY, "01", false, "30000")
                .admittedVia(reg, dec, adm);
        plan(b, "8000", null);
        b.report(YEAR, 10, "7000");
        new Feed.Project("惠济食品加工技改", HUIJI, null, null, "C1391", Sector.SECONDARY, "01", false, "6000")
                .admittedVia(reg, dec, adm).report(YEAR, 10, "1000");
        c = new Feed.Project("惠济区污水处理厂", HUIJI, null, null, "N7721", Sector.TERTIARY, "01", false, "20000")
                .registered(reg).declared(dec);
        plan(c, "5000", null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath r = report("admin", "10", HUIJI, "district");
            assertThat(r.getString("total.ytd")).isEqualTo("17000");
            assertThat(r.getString("total.plan")).isEqualTo("20000");
        });
    }

    static void plan(Feed.Project p, String amount, String previous) {
        p.event(Feed.at(LocalDate.of(YEAR, 3, 1)), new PlanSet(p.id, p.snapshot.code(), p.snapshot.district(), YEAR,
                new BigDecimal(amount), previous == null ? null : new BigDecimal(previous), "年度计划", "staff"));
    }

    static JsonPath report(String user, String month, String district, String by) {
        return reportRequest(user, month, district, by).then().statusCode(200).extract().jsonPath();
    }

    static Response reportRequest(String user, String month, String district, String by) {
        var req = given().header("Authorization", Tokens.bearer(user)).queryParam("year", YEAR);
        if (month != null) {
            req.queryParam("month", month);
        }
        if (district != null) {
            req.queryParam("district", district);
        }
        if (by != null) {
            req.queryParam("by", by);
        }
        return req.get("/api/reports/investment");
    }

    private static String row(JsonPath r, String key, String field) {
        return r.getString("rows.find { it.key == '" + key + "' }." + field);
    }

    @Test
    @Order(1)
    void plansAreSummedPerGroupAndComparedWithTheTimeSchedule() {
        JsonPath d = report("leader.city", "10", HUIJI, "district");
        assertThat(d.getString("timeProgress")).isEqualTo("83.3");
        assertThat(d.getList("rows.key")).containsExactly(HUIJI);
        assertThat(row(d, HUIJI, "plan")).isEqualTo("20000"); // A's corrected 12000 + B's 8000; C is only declared
        assertThat(row(d, HUIJI, "planRate")).isEqualTo("85.0"); // 17000 / 20000
        assertThat(row(d, HUIJI, "target")).isNull();
        assertThat(row(d, HUIJI, "targetRate")).isNull();
        assertThat(row(d, HUIJI, "lagging")).isEqualTo("false");
        assertThat(d.getString("total.plan")).isEqualTo("20000");
        assertThat(d.getString("total.planRate")).isEqualTo("85.0");
        assertThat(d.getString("total.target")).isNull();

        JsonPath cat = report("admin", "10", HUIJI, "category");
        assertThat(row(cat, "INDUSTRIAL", "plan")).isEqualTo("12000"); // A; E has no plan
        assertThat(row(cat, "INDUSTRIAL", "ytd")).isEqualTo("10000");
        assertThat(row(cat, "INDUSTRIAL", "planRate")).isEqualTo("83.3");
        assertThat(row(cat, "INDUSTRIAL", "lagging")).as("83.3 is not below 83.3").isEqualTo("false");
        assertThat(row(cat, "TECH_REFORM", "planRate")).isEqualTo("75.0");
        assertThat(row(cat, "TECH_REFORM", "lagging")).isEqualTo("true");
        assertThat(row(cat, "PRIVATE", "planRate")).isEqualTo("75.0");
        assertThat(row(cat, "INFRASTRUCTURE", "plan")).isEqualTo("8000");
        assertThat(row(cat, "INFRASTRUCTURE", "planRate")).isEqualTo("87.5");
        assertThat(row(cat, "INFRASTRUCTURE", "target")).isNull();
        assertThat(cat.getString("total.planRate")).isEqualTo("85.0");

        JsonPath park = report("admin", "10", HUIJI, "park");
        assertThat(row(park, PARK, "plan")).isEqualTo("12000");
        assertThat(row(park, PARK, "planRate")).isEqualTo("75.0");
        assertThat(row(park, "", "plan")).isEqualTo("8000"); // B; E has none
        assertThat(row(park, "", "planRate")).isEqualTo("100.0"); // (7000 + 1000) / 8000
        JsonPath chain = report("admin", "10", HUIJI, "chain");
        assertThat(row(chain, "智能装备", "plan")).isEqualTo("12000");
        JsonPath industry = report("admin", "10", HUIJI, "industry");
        assertThat(row(industry, "SECONDARY", "planRate")).isEqualTo("83.3");
        assertThat(row(industry, "TERTIARY", "planRate")).isEqualTo("87.5");
        JsonPath inPark = given().header("Authorization", Tokens.bearer("admin")).queryParam("year", YEAR)
                .queryParam("month", "10").queryParam("district", HUIJI).queryParam("park", PARK)
                .get("/api/reports/investment").then().statusCode(200).extract().jsonPath();
        assertThat(inPark.getString("total.plan")).isEqualTo("12000");
        assertThat(inPark.getString("total.planRate")).isEqualTo("75.0");
        assertThat(row(inPark, "TECH_REFORM", "plan")).isEqualTo("12000");
        assertThat(row(inPark, "INFRASTRUCTURE", "plan")).isNull();
        assertThat(inPark.getString("timeProgress")).isEqualTo("83.3");
    }

    @Test
    @Order(2)
    void timeProgressIsTheMonthOverTwelveAndJanuaryFoldsIntoFebruary() {
        Map<String, String> expected = Map.of("2", "16.7", "3", "25.0", "6", "50.0", "10", "83.3", "12", "100.0");
        expected.forEach((month, progress) ->
                assertThat(report("admin", month, HUIJI, "district").getString("timeProgress")).as("1-" + month + "月")
                        .isEqualTo(progress));
        // 1-2月: nothing reported yet, so 0% of the plan, behind 16.7
        JsonPath february = report("admin", "2", HUIJI, "district");
        assertThat(february.getString("total.planRate")).isEqualTo("0.0");
        assertThat(february.getString("total.lagging")).isEqualTo("true");
        reportRequest("admin", "1", HUIJI, "district").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("month"))
                .body("violations[0].code", equalTo("january-folded"));
        // In January the default period is 1-12月 of the year before: time progress 100.
        QuarkusMock.installMockForType(Today.standingOn(config, LocalDate.of(YEAR + 1, 1, 15)), Today.class);
        JsonPath january = given().header("Authorization", Tokens.bearer("admin")).queryParam("district", HUIJI)
                .get("/api/reports/investment").then().statusCode(200).extract().jsonPath();
        assertThat(january.getString("period")).isEqualTo(YEAR + "-12");
        assertThat(january.getString("timeProgress")).isEqualTo("100.0");
        assertThat(january.getString("total.planRate")).isEqualTo("85.0");
        assertThat(january.getString("total.lagging")).isEqualTo("true");
    }

    @Test
    @Order(3)
    void stageMovesFactsAndCorrectionsMoveThePlansAndTheCachedReportFollows() {
        // Read first, so the report is cached: the batches below must make the cache let it go.
        assertThat(report("admin", "10", HUIJI, "category").getString("total.plan")).isEqualTo("20000");
        c.admitted(LocalDate.of(2029, 5, 6)); // its 5000 counts from now on
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(report("admin", "10", HUIJI, "category").getString("total.plan")).isEqualTo("25000"));
        assertThat(row(report("admin", "10", HUIJI, "category"), "INFRASTRUCTURE", "plan")).isEqualTo("13000");

        // Admitted with a plan, then withdrawn: counted, then not.
        Feed.Project d = new Feed.Project("惠济物流园", HUIJI, PARK, null, "G5951", Sector.TERTIARY, "01", false,
                "9000").admittedVia(LocalDate.of(2029, 3, 4), LocalDate.of(2029, 3, 11), LocalDate.of(2029, 3, 18));
        plan(d, "4000", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(report("admin", "10", HUIJI, "district").getString("total.plan")).isEqualTo("29000"));
        d.withdrawn(LocalDate.of(2029, 6, 3), "建设单位放弃");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(report("admin", "10", HUIJI, "district").getString("total.plan")).isEqualTo("25000"));
        assertThat(row(report("admin", "10", HUIJI, "park"), PARK, "plan")).isEqualTo("12000");

        // A leaves the park: its plan (and its figures) go with it to 未入园区.
        ProjectSnapshot s = a.snapshot;
        a.snapshot = new ProjectSnapshot(s.id(), s.code(), s.name(), s.ownerName(), s.ownerCreditCode(), s.district(),
                null, s.chain(), s.industry(), s.sector(), s.constructionType(), s.projectType(), s.totalInvestment(),
                s.landArea(), s.annualOutput(), s.annualTax(), s.takesNewLand(), s.eiaCategory(),
                s.privateInvestment(), s.plannedStart(), s.plannedProduction(), Stage.ADMITTED, s.leader(),
                s.taskForce());
        a.event(Feed.at(LocalDate.of(2029, 7, 1)), new ProjectUpdated(a.snapshot, List.of("park"), "staff"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(row(report("admin", "10", HUIJI, "park"), "", "plan")).isEqualTo("25000"));
        assertThat(row(report("admin", "10", HUIJI, "park"), PARK, "plan")).as("no counted plan left in the park")
                .isNull();
        a.snapshot = s;
        a.event(Feed.at(LocalDate.of(2029, 7, 2)), new ProjectUpdated(a.snapshot, List.of("park"), "staff"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(row(report("admin", "10", HUIJI, "park"), PARK, "plan")).isEqualTo("12000"));

        // The same PlanSet delivered twice counts once.
        plan(b, "8500", "8000");
        EventEnvelope copy = EventEnvelope.create("/project-service", b.id.toString(), b.sequence,
                Feed.at(LocalDate.of(YEAR, 3, 1)), new PlanSet(b.id, b.snapshot.code(), HUIJI, YEAR,
                        new BigDecimal("8500"), new BigDecimal("8000"), "年度计划", "staff"));
        Feed.sendRaw(Topics.PROJECT_EVENTS, copy);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(report("admin", "10", HUIJI, "district").getString("total.plan")).isEqualTo("25500"));
        JsonPath r = report("admin", "10", HUIJI, "district");
        assertThat(r.getString("total.planRate")).isEqualTo("66.7"); // 17000 / 25500
        assertThat(r.getString("total.lagging")).isEqualTo("true");
    }

    @Test
    @Order(4)
    void targetsAreSetReadChangedAndRemovedByAdminWithVersions() throws Exception {
        String path = TARGETS + HUIJI + "/" + YEAR;
        String admin = Tokens.bearer("admin");
        given().header("Authorization", admin).get(path).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", admin).contentType("application/json")
                .body("{\"amount\":20000,\"reason\":\"区政府工作报告\"}").put(path)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1))
                .body("districtLabel", equalTo("惠济区")).body("amount", equalTo(20000)).body("setBy", equalTo("admin"));
        // Read by a leader of the city; ETag = version.
        given().header("Authorization", Tokens.bearer("leader.city")).get(path).then().statusCode(200)
                .header("ETag", "\"1\"").body("reason", equalTo("区政府工作报告"));

        JsonPath r = report("leader.city", "10", HUIJI, "district");
        assertThat(row(r, HUIJI, "target")).isEqualTo("20000");
        assertThat(row(r, HUIJI, "targetRate")).isEqualTo("85.0"); // 17000 / 20000
        assertThat(r.getString("total.target")).as("one district asked: its target").isEqualTo("20000");
        assertThat(r.getString("total.targetRate")).isEqualTo("85.0");
        assertThat(row(report("admin", "10", HUIJI, "category"), "INDUSTRIAL", "target")).isNull();

        // A change needs If-Match; a stale one loses; of concurrent writers one wins.
        given().header("Authorization", admin).contentType("application/json").body("{\"amount\":25000}").put(path)
                .then().statusCode(428).contentType("application/problem+json");
        given().header("Authorization", admin).header("If-Match", "\"7\"").contentType("application/json")
                .body("{\"amount\":25000}").put(path).then().statusCode(409).contentType("application/problem+json");
        List<Integer> statuses = Concurrently.run(4, i -> given().header("Authorization", admin)
                .header("If-Match", "\"1\"").contentType("application/json")
                .body("{\"amount\":2500" + i + "}").put(path).statusCode());
        assertThat(statuses).containsOnlyOnce(200).filteredOn(s -> s != 200).containsOnly(409);
        given().header("Authorization", admin).header("If-Match", "\"2\"").contentType("application/json")
                .body("{\"amount\":25000,\"reason\":\" \"}").put(path).then().statusCode(200)
                .header("ETag", "\"3\"").body("reason", equalTo(null));
        r = report("admin", "10", HUIJI, "district");
        assertThat(row(r, HUIJI, "targetRate")).isEqualTo("68.0"); // 17000 / 25000, below 83.3
        assertThat(row(r, HUIJI, "lagging")).isEqualTo("true");

        // The city's own target is the total's when the whole city is asked.
        String city = TARGETS + "4101/" + YEAR;
        given().header("Authorization", admin).contentType("application/json").body("{\"amount\":100000}").put(city)
                .then().statusCode(200).body("districtLabel", equalTo("郑州市"));
        JsonPath wholeCity = report("leader.city", "10", null, "district");
        assertThat(wholeCity.getString("total.target")).isEqualTo("100000");
        assertThat(wholeCity.getString("total.targetRate")).isEqualTo("17.0");
        assertThat(wholeCity.getList("rows.key")).doesNotContain("4101");
        assertThat(report("admin", "10", null, "category").getString("total.target")).isEqualTo("100000");

        // Lists within the scope.
        given().header("Authorization", Tokens.bearer("leader.city")).queryParam("year", YEAR)
                .get("/api/admin/targets").then().statusCode(200)
                .body("district", hasItems("4101", HUIJI)).body("find { it.district == '" + HUIJI + "' }.amount",
                        equalTo(25000));
        given().header("Authorization", Tokens.bearer("leader.shangjie")).queryParam("year", YEAR)
                .get("/api/admin/targets").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", Tokens.bearer("staff.xinzheng")).queryParam("year", YEAR)
                .get("/api/admin/targets").then().statusCode(200).body("size()", equalTo(0));

        // Removing needs If-Match; then there is no target again.
        given().header("Authorization", admin).delete(city).then().statusCode(428);
        given().header("Authorization", admin).header("If-Match", "\"1\"").delete(city).then().statusCode(204);
        given().header("Authorization", admin).header("If-Match", "\"1\"").delete(city).then().statusCode(404);
        assertThat(report("leader.city", "10", null, "district").getString("total.target")).isNull();
    }

    @Test
    @Order(5)
    void targetInputIsCheckedNamingTheField() {
        String admin = Tokens.bearer("admin");
        String path = TARGETS + HUIJI + "/" + YEAR;
        Response bad = given().header("Authorization", admin).contentType("application/json")
                .body("{\"amount\":0,\"reason\":\"" + "长".repeat(501) + "\"}").put(path);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.jsonPath().getList("violations.field")).containsExactlyInAnyOrder("amount", "reason");
        assertThat(bad.jsonPath().getList("violations.code")).containsExactlyInAnyOrder("out-of-range", "too-long");
        given().header("Authorization", admin).contentType("application/json").body("{\"amount\":-5}").put(path)
                .then().statusCode(400).body("violations[0].field", equalTo("amount"))
                .body("violations[0].code", equalTo("out-of-range"));
        given().header("Authorization", admin).contentType("application/json").body("{\"reason\":\"x\"}").put(path)
                .then().statusCode(400).body("violations[0].code", equalTo("required"));
        given().header("Authorization", admin).contentType("application/json").body("{\"amount\":1.23456}").put(path)
                .then().statusCode(400).body("violations[0].code", equalTo("scale"));
        given().header("Authorization", admin).contentType("application/json").body("{\"amount\":\"many\"}").put(path)
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", admin).contentType("application/json").body("{\"amount\":1,\"extra\":1}")
                .put(path).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", admin).contentType("application/json").body("{\"amount\":1}")
                .put(TARGETS + "999999/19x9").then().statusCode(400)
                .body("violations.field", hasItems("district", "year"))
                .body("violations.code", hasItems("unknown-district", "invalid-format"));
        given().header("Authorization", admin).contentType("application/json").body("{\"amount\":1}")
                .put(TARGETS + "4102/" + YEAR).then().statusCode(400).body("violations[0].code",
                        equalTo("unknown-district"));
        given().header("Authorization", admin).get(TARGETS + HUIJI + "/1999").then().statusCode(400)
                .body("violations[0].field", equalTo("year")).body("violations[0].code", equalTo("out-of-range"));
        given().header("Authorization", admin).queryParam("year", "abc").get("/api/admin/targets")
                .then().statusCode(400).body("violations[0].field", equalTo("year"));
        given().header("Authorization", admin).contentType("application/json").put(path).then().statusCode(400)
                .contentType("application/problem+json");
        // Nothing was written by the bad requests.
        given().header("Authorization", admin).get(path).then().statusCode(200).header("ETag", "\"3\"")
                .body("amount", equalTo(25000));
    }

    @Test
    @Order(6)
    void rolesAndScope() {
        String path = TARGETS + HUIJI + "/" + YEAR;
        for (String writer : List.of("leader.city", "staff.shangjie", "approver.nr")) {
            given().header("Authorization", Tokens.bearer(writer)).contentType("application/json")
                    .body("{\"amount\":1}").put(path).then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", Tokens.bearer(writer)).header("If-Match", "\"3\"").delete(path)
                    .then().statusCode(403);
        }
        given().contentType("application/json").body("{\"amount\":1}").put(path).then().statusCode(401);
        given().get(path).then().statusCode(401);
        // Readers within their scope only.
        given().header("Authorization", Tokens.bearer("leader.city")).get(path).then().statusCode(200);
        given().header("Authorization", Tokens.bearer("admin")).get(path).then().statusCode(200);
        given().header("Authorization", Tokens.bearer("leader.shangjie")).get(path).then().statusCode(403)
                .body("type", equalTo("urn:pipeline:problem:out-of-scope"))
                .body("violations[0].field", equalTo("district"));
        given().header("Authorization", Tokens.bearer("staff.xinzheng")).get(path).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("approver.nr")).get(path).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("approver.nr")).get("/api/admin/targets").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("leader.shangjie")).queryParam("district", HUIJI)
                .get("/api/admin/targets").then().statusCode(403).body("violations[0].field", equalTo("district"));
        // The report with its completion fields, per role.
        for (String reader : List.of("leader.city", "admin")) {
            assertThat(report(reader, "10", HUIJI, "district").getString("total.targetRate")).isEqualTo("68.0");
        }
        assertThat(report("leader.shangjie", "10", null, "district").getList("rows.key")).doesNotContain(HUIJI);
        reportRequest("leader.shangjie", "10", HUIJI, "district").then().statusCode(403)
                .body("violations[0].field", equalTo("district"));
        reportRequest("staff.xinzheng", "10", HUIJI, "district").then().statusCode(403);
        reportRequest("approver.nr", "10", HUIJI, "district").then().statusCode(403);
    }

    @Test
    @Order(7)
    void theProgressLedgerShowsEachProjectsPlanYearToDateAndRate() {
        JsonPath p = given().header("Authorization", Tokens.bearer("leader.city")).queryParam("district", HUIJI)
                .queryParam("year", YEAR).get("/api/ledgers/progress").then().statusCode(200).extract().jsonPath();
        String ofA = "items.find { it.projectId == '" + a.id + "' }.";
        assertThat(p.getString(ofA + "plan")).isEqualTo("12000");
        assertThat(p.getString(ofA + "yearCompleted")).isEqualTo("9000");
        assertThat(p.getString(ofA + "planRate")).isEqualTo("75.0");
        String ofC = "items.find { it.projectId == '" + c.id + "' }.";
        assertThat(p.getString(ofC + "plan")).isEqualTo("5000");
        assertThat(p.getString(ofC + "yearCompleted")).isNull();
        assertThat(p.getString(ofC + "planRate")).as("nothing done yet").isEqualTo("0.0");
        assertThat(p.getString("items.find { it.name == '惠济食品加工技改' }.plan")).isNull();
        assertThat(p.getString("items.find { it.name == '惠济食品加工技改' }.planRate")).isNull();
        JsonPath before = given().header("Authorization", Tokens.bearer("admin")).queryParam("district", HUIJI)
                .queryParam("year", YEAR - 1).get("/api/ledgers/progress").then().statusCode(200).extract().jsonPath();
        assertThat(before.getString(ofA + "plan")).as("no plan for 2028").isNull();
    }

    private static String read(String path, String... query) {
        var req = given().header("Authorization", Tokens.bearer("admin"));
        for (int i = 0; i + 1 < query.length; i += 2) {
            req.queryParam(query[i], query[i + 1]);
        }
        return req.get(path).then().statusCode(200).extract().asString();
    }

    private static List<String> everything() {
        String y = String.valueOf(YEAR);
        return List.of(read("/api/reports/investment", "year", y, "month", "10"),
                read("/api/reports/investment", "year", y, "month", "10", "district", HUIJI, "by", "category"),
                read("/api/reports/investment", "year", y, "month", "10", "district", HUIJI, "by", "park"),
                read("/api/reports/investment", "year", y, "month", "6", "district", HUIJI, "by", "chain"),
                read("/api/reports/investment", "year", y, "month", "10", "district", HUIJI, "park", PARK),
                read("/api/ledgers/progress", "year", y, "district", HUIJI));
    }

    private static JsonPath reconciliation() {
        return given().header("Authorization", Tokens.bearer("admin")).queryParam("year", YEAR)
                .queryParam("month", "10").get("/api/admin/reconciliation").then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(8)
    void aRebuildEndsWithTheSameFiguresAndTheReconciliationCoversPlans() throws SQLException {
        List<String> before = everything();
        given().header("Authorization", Tokens.bearer("admin")).post("/api/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(given()
                .header("Authorization", Tokens.bearer("admin")).get("/api/admin/rebuild").then().statusCode(200)
                .extract().jsonPath().getString("state")).isEqualTo("DONE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(everything()).isEqualTo(before));

        JsonPath check = reconciliation();
        assertThat(check.getBoolean("consistent")).as(check.prettify()).isTrue();
        String mine = "plans.find { it.district == '" + HUIJI + "' }.";
        assertThat(check.getString(mine + "reported")).isEqualTo("25500");
        assertThat(check.getString(mine + "recomputed")).isEqualTo("25500");
        assertThat(check.getInt(mine + "reportedProjects")).isEqualTo(3); // A, B, C
        assertThat(check.getInt(mine + "recomputedProjects")).isEqualTo(3);

        // A read model that drifted from the events is found, naming the district and the difference.
        String drift = "update plan_total set amount = amount + 1 where year = " + YEAR + " and dim = 'CATEGORY'"
                + " and key = 'ALL' and district = '" + HUIJI + "'";
        execute(drift);
        try {
            JsonPath drifted = reconciliation();
            assertThat(drifted.getBoolean("consistent")).isFalse();
            assertThat(drifted.getString(mine + "difference")).isEqualTo("1");
        } finally {
            execute(drift.replace("+ 1", "- 1"));
        }
        assertThat(reconciliation().getBoolean("consistent")).isTrue();
    }

    private void execute(String sql) throws SQLException {
        try (Connection conn = dataSource.getConnection(); Statement s = conn.createStatement()) {
            assertThat(s.executeUpdate(sql)).isEqualTo(1);
        }
    }
}
