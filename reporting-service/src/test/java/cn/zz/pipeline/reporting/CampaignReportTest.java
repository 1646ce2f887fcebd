package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.CampaignList;
import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.project.CampaignEntryRemoved;
import cn.zz.pipeline.events.project.CampaignEntrySet;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The 三个一批 campaign report of one campaign of this test's own (due 2026-06-30), with projects of the demo staff's
 * districts 上街 and 新郑: done on the due date counts, the day after does not; the SIGN list counts the signed
 * amount where known; a project moved to another list counts there, one taken out not at all. Nothing here counts
 * what a district holds, only what the campaign holds, so the districts are the shared ones.
 */
@QuarkusTest
class CampaignReportTest {

    static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
    static final LocalDate DUE = LocalDate.of(2026, 6, 30);
    static final String SHANGJIE = TestDistricts.SHANGJIE;
    static final String XINZHENG = TestDistricts.XINZHENG;
    static final UUID CAMPAIGN = UUID.randomUUID();
    static final String NAME = "2026年第二期三个一批（测试）";
    static final String PATH = "/api/reports/campaigns/" + CAMPAIGN;
    static final LocalDate REGISTERED = LocalDate.of(2025, 9, 1);
    static final String SERIES = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    static boolean fed;

    @Inject
    PipelineConfig config;

    @BeforeEach
    void fixToday() {
        QuarkusMock.installMockForType(Today.standingOn(config, TODAY), Today.class);
    }

    static String code(String district, int n) {
        return "2026-" + district + "-01-01-" + SERIES + String.format("%02d", n);
    }

    static Feed.Project project(String district, int n, String name, String total) {
        return new Feed.Project(code(district, n), name, district, null, "C3851", ConstructionType.NEW, total,
                LocalDate.of(2026, 3, 1), LocalDate.of(2027, 12, 31)).registered(REGISTERED);
    }

    /** 签约日期 and 签约金额 set on the project (ProjectUpdated with the snapshot's optional facts). */
    static void signed(Feed.Project p, LocalDate on, String amount) {
        ProjectSnapshot s = p.snapshot;
        p.snapshot = new ProjectSnapshot(s.id(), s.code(), s.name(), s.ownerName(), s.ownerCreditCode(), s.district(),
                s.park(), s.chain(), s.industry(), s.sector(), s.constructionType(), s.projectType(),
                s.totalInvestment(), s.landArea(), s.annualOutput(), s.annualTax(), s.takesNewLand(), s.eiaCategory(),
                s.privateInvestment(), s.plannedStart(), s.plannedProduction(), s.stage(), s.leader(), s.taskForce(),
                on, amount == null ? null : new BigDecimal(amount));
        p.event(Feed.at(on), new ProjectUpdated(p.snapshot, List.of("signedOn", "signedAmount"), "staff"));
    }

    static void enter(Feed.Project p, CampaignList list) {
        p.event(Feed.at(LocalDate.of(2026, 4, 1)), new CampaignEntrySet(p.id, p.snapshot.code(),
                p.snapshot.district(), CAMPAIGN, NAME, DUE, list, "staff"));
    }

    /**
     * SIGN: 上街 S1 signed on the due date for 5000 of 8000 (done), 上街 S2 signed the day after, amount unknown
     * (3000 total), 新郑 S3 not signed (4000). START: 上街 T1 started on the due date (10000), 新郑 T2 the day after
     * (6000). PRODUCE: 新郑 P1 in production the day before (20000), 新郑 T3 admitted only, moved here from START
     * (2000); 上街 R1 entered and taken out again.
     */
    static synchronized void feed() {
        if (fed) {
            return;
        }
        LocalDate declared = LocalDate.of(2025, 10, 1);
        LocalDate admitted = LocalDate.of(2025, 11, 1);
        Feed.Project s1 = project(SHANGJIE, 1, "上街签约达标项目", "8000");
        signed(s1, DUE, "5000");
        enter(s1, CampaignList.SIGN);
        Feed.Project s2 = project(SHANGJIE, 2, "上街签约迟到项目", "3000");
        enter(s2, CampaignList.SIGN);
        signed(s2, DUE.plusDays(1), null);
        Feed.Project s3 = project(XINZHENG, 3, "新郑未签约项目", "4000");
        enter(s3, CampaignList.SIGN);

        Feed.Project t1 = project(SHANGJIE, 4, "上街按期开工项目", "10000").declared(declared).admitted(admitted);
        enter(t1, CampaignList.START);
        t1.started(DUE);
        Feed.Project t2 = project(XINZHENG, 5, "新郑开工迟到项目", "6000").declared(declared).admitted(admitted);
        enter(t2, CampaignList.START);
        t2.started(DUE.plusDays(1));

        Feed.Project p1 = project(XINZHENG, 6, "新郑按期投产项目", "20000").declared(declared).admitted(admitted)
                .started(LocalDate.of(2026, 1, 5));
        enter(p1, CampaignList.PRODUCE);
        p1.inProduction(DUE.minusDays(1));
        Feed.Project t3 = project(XINZHENG, 7, "新郑调整批次项目", "2000").declared(declared).admitted(admitted);
        enter(t3, CampaignList.START);
        enter(t3, CampaignList.PRODUCE);
        Feed.Project r1 = project(SHANGJIE, 8, "上街移出项目", "9000").declared(declared).admitted(admitted);
        enter(r1, CampaignList.PRODUCE);
        r1.event(Feed.at(LocalDate.of(2026, 5, 1)), new CampaignEntryRemoved(r1.id, CAMPAIGN, "staff"));
        // The last event of every project above has arrived once the report shows it.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath r = report("admin", Map.of());
            assertThat(r.getInt("total.count")).isEqualTo(7);
            assertThat(r.getInt("total.done")).isEqualTo(3);
            assertThat(r.getString("projects.find { it.code == '" + code(SHANGJIE, 2) + "' }.date"))
                    .isEqualTo("2026-07-01");
            assertThat(r.getString("projects.find { it.code == '" + code(XINZHENG, 5) + "' }.date"))
                    .isEqualTo("2026-07-01");
            assertThat(r.getString("projects.find { it.code == '" + code(XINZHENG, 6) + "' }.stage"))
                    .isEqualTo("IN_PRODUCTION");
            assertThat(r.getString("projects.find { it.code == '" + code(XINZHENG, 7) + "' }.list"))
                    .isEqualTo("PRODUCE");
            assertThat(r.getList("projects.code")).doesNotContain(code(SHANGJIE, 8));
        });
        fed = true;
    }

    static JsonPath report(String user, Map<String, String> query) {
        return given().header("Authorization", Tokens.bearer(user)).queryParams(query).get(PATH)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    static BigDecimal decimal(JsonPath json, String path) {
        String s = json.getString(path);
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void perListTheCountAmountDoneAndRate() {
        feed();
        JsonPath r = report("leader.city", Map.of());
        assertThat(r.getString("id")).isEqualTo(CAMPAIGN.toString());
        assertThat(r.getString("name")).isEqualTo(NAME);
        assertThat(r.getString("dueDate")).isEqualTo("2026-06-30");
        assertThat(r.getString("district")).isEqualTo("4101");
        assertThat(r.getList("lists.list")).containsExactly("SIGN", "START", "PRODUCE");
        assertThat(r.getList("lists.label")).containsExactly("签约一批", "开工一批", "投产一批");
        assertThat(r.getList("lists.dateLabel")).containsExactly("签约日期", "开工日期", "投产日期");
        // SIGN: 5000 signed + 3000 and 4000 total investment, as the amounts are unknown.
        assertList(r, 0, 3, "12000", 1, "33.3");
        assertThat(r.getInt("lists[0].signedAmountKnown")).isEqualTo(1);
        assertList(r, 1, 2, "16000", 1, "50.0");
        assertList(r, 2, 2, "22000", 1, "50.0");
        assertThat(r.getInt("total.count")).isEqualTo(7);
        assertThat(decimal(r, "total.amount")).isEqualByComparingTo("50000");
        assertThat(r.getInt("total.done")).isEqualTo(3);
        assertThat(decimal(r, "total.rate")).isEqualByComparingTo("42.9");
    }

    private static void assertList(JsonPath r, int i, int count, String amount, int done, String rate) {
        String l = "lists[" + i + "].";
        assertThat(r.getInt(l + "count")).as(l + "count").isEqualTo(count);
        assertThat(decimal(r, l + "amount")).as(l + "amount").isEqualByComparingTo(amount);
        assertThat(r.getInt(l + "done")).as(l + "done").isEqualTo(done);
        assertThat(decimal(r, l + "rate")).as(l + "rate").isEqualByComparingTo(rate);
    }

    @Test
    void perDistrictRankedByRateWithEachList() {
        feed();
        JsonPath r = report("admin", Map.of());
        assertThat(r.getString("district")).isNull();
        assertThat(r.getList("districts.district")).containsExactly(SHANGJIE, XINZHENG);
        assertThat(r.getList("districts.label")).containsExactly("上街区", "新郑市");
        assertThat(r.getList("districts.rank")).containsExactly(1, 2);
        // 上街: S1 done, S2, T1 done; 新郑: S3, T2, P1 done, T3.
        assertThat(r.getInt("districts[0].count")).isEqualTo(3);
        assertThat(r.getInt("districts[0].done")).isEqualTo(2);
        assertThat(decimal(r, "districts[0].rate")).isEqualByComparingTo("66.7");
        assertThat(decimal(r, "districts[0].amount")).isEqualByComparingTo("18000");
        assertThat(r.getList("districts[0].lists.count")).containsExactly(2, 1, 0);
        assertThat(r.getList("districts[0].lists.done")).containsExactly(1, 1, 0);
        assertThat(r.getString("districts[0].lists[2].rate")).isNull();
        assertThat(r.getInt("districts[1].count")).isEqualTo(4);
        assertThat(r.getInt("districts[1].done")).isEqualTo(1);
        assertThat(decimal(r, "districts[1].rate")).isEqualByComparingTo("25.0");
        assertThat(decimal(r, "districts[1].amount")).isEqualByComparingTo("32000");
        assertThat(r.getList("districts[1].lists.count")).containsExactly(1, 1, 2);
    }

    @Test
    void eachProjectWithItsStateTheDateThatDecidesItAndDoneAtTheDueDateBoundary() {
        feed();
        JsonPath r = report("admin", Map.of());
        assertThat(r.getList("projects.code")).containsExactly(code(SHANGJIE, 1), code(SHANGJIE, 2),
                code(XINZHENG, 3), code(SHANGJIE, 4), code(XINZHENG, 5), code(XINZHENG, 6), code(XINZHENG, 7));
        String s1 = "projects.find { it.code == '" + code(SHANGJIE, 1) + "' }.";
        assertThat(r.getString(s1 + "name")).isEqualTo("上街签约达标项目");
        assertThat(r.getString(s1 + "districtLabel")).isEqualTo("上街区");
        assertThat(r.getString(s1 + "listLabel")).isEqualTo("签约一批");
        assertThat(r.getString(s1 + "stageLabel")).isEqualTo("储备");
        assertThat(r.getString(s1 + "date")).isEqualTo("2026-06-30");
        assertThat(r.getString(s1 + "dateLabel")).isEqualTo("签约日期");
        assertThat(r.getBoolean(s1 + "done")).as("signed on the due date").isTrue();
        assertThat(decimal(r, s1 + "amount")).isEqualByComparingTo("5000");
        assertThat(r.getString(s1 + "amountBasis")).isEqualTo("SIGNED");
        String s2 = "projects.find { it.code == '" + code(SHANGJIE, 2) + "' }.";
        assertThat(r.getBoolean(s2 + "done")).as("signed the day after").isFalse();
        assertThat(decimal(r, s2 + "amount")).isEqualByComparingTo("3000");
        assertThat(r.getString(s2 + "amountBasis")).isEqualTo("TOTAL_INVESTMENT");
        String s3 = "projects.find { it.code == '" + code(XINZHENG, 3) + "' }.";
        assertThat(r.getString(s3 + "date")).isNull();
        assertThat(r.getBoolean(s3 + "done")).isFalse();
        String t1 = "projects.find { it.code == '" + code(SHANGJIE, 4) + "' }.";
        assertThat(r.getString(t1 + "stage")).isEqualTo("STARTED");
        assertThat(r.getString(t1 + "date")).isEqualTo("2026-06-30");
        assertThat(r.getBoolean(t1 + "done")).as("started on the due date").isTrue();
        assertThat(r.getBoolean("projects.find { it.code == '" + code(XINZHENG, 5) + "' }.done"))
                .as("started the day after").isFalse();
        String p1 = "projects.find { it.code == '" + code(XINZHENG, 6) + "' }.";
        assertThat(r.getString(p1 + "date")).isEqualTo("2026-06-29");
        assertThat(r.getString(p1 + "dateLabel")).isEqualTo("投产日期");
        assertThat(r.getBoolean(p1 + "done")).isTrue();
        String t3 = "projects.find { it.code == '" + code(XINZHENG, 7) + "' }.";
        assertThat(r.getString(t3 + "listLabel")).isEqualTo("投产一批");
        assertThat(r.getString(t3 + "stageLabel")).isEqualTo("入库");
        assertThat(r.getBoolean(t3 + "done")).isFalse();
    }

    @Test
    void leadersStaffAndAdminReadWithinTheirScopeOthersAreRefused() {
        feed();
        JsonPath shangjie = report("leader.shangjie", Map.of());
        assertThat(shangjie.getString("district")).isEqualTo(SHANGJIE);
        assertThat(shangjie.getInt("total.count")).isEqualTo(3);
        assertThat(shangjie.getList("districts.district")).containsExactly(SHANGJIE);
        assertThat(shangjie.getList("projects.district")).containsOnly(SHANGJIE);
        assertThat(report("staff.shangjie", Map.of()).getInt("total.done")).isEqualTo(2);
        JsonPath xinzheng = report("staff.xinzheng", Map.of());
        assertThat(xinzheng.getInt("total.count")).isEqualTo(4);
        assertThat(xinzheng.getList("lists.count")).containsExactly(1, 1, 2);
        assertThat(report("leader.city", Map.of("district", XINZHENG)).getInt("total.count")).isEqualTo(4);

        for (String path : List.of(PATH, "/api/reports/campaigns")) {
            given().header("Authorization", Tokens.bearer("approver.ndrc")).get(path).then().statusCode(403)
                    .contentType("application/problem+json");
            given().get(path).then().statusCode(401);
            given().header("Authorization", Tokens.bearer("staff.shangjie")).queryParam("district", XINZHENG)
                    .get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:pipeline:problem:out-of-scope"))
                    .body("violations[0].field", equalTo("district"))
                    .body("violations[0].limit", equalTo(SHANGJIE));
            given().header("Authorization", Tokens.bearer("leader.shangjie")).queryParam("district", "4101")
                    .get(path).then().statusCode(403).body("violations[0].field", equalTo("district"));
            given().header("Authorization", Tokens.bearer("admin")).queryParam("district", "41x").get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("district"));
        }
    }

    @Test
    void aRebuildEndsWithTheSameReport() {
        feed();
        String before = given().header("Authorization", Tokens.bearer("admin")).get(PATH).then().statusCode(200)
                .extract().asString();
        String list = given().header("Authorization", Tokens.bearer("admin")).get("/api/reports/campaigns").then()
                .statusCode(200).extract().asString();
        given().header("Authorization", Tokens.bearer("admin")).post("/api/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(given()
                .header("Authorization", Tokens.bearer("admin")).get("/api/admin/rebuild").then().statusCode(200)
                .extract().jsonPath().getString("state")).isEqualTo("DONE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(given().header("Authorization", Tokens.bearer("admin")).get(PATH).then().statusCode(200)
                    .extract().asString()).isEqualTo(before);
            assertThat(given().header("Authorization", Tokens.bearer("admin")).get("/api/reports/campaigns").then()
                    .statusCode(200).extract().asString()).isEqualTo(list);
        });
    }

    @Test
    void anUnknownCampaignIs404AndTheListShowsTheKnownOnes() {
        feed();
        given().header("Authorization", Tokens.bearer("admin")).get("/api/reports/campaigns/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:not-found"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/reports/campaigns/not-a-campaign")
                .then().statusCode(404).contentType("application/problem+json");

        JsonPath all = given().header("Authorization", Tokens.bearer("leader.city")).get("/api/reports/campaigns")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        String mine = "items.find { it.id == '" + CAMPAIGN + "' }.";
        assertThat(all.getString(mine + "name")).isEqualTo(NAME);
        assertThat(all.getString(mine + "dueDate")).isEqualTo("2026-06-30");
        assertThat(all.getInt(mine + "count")).isEqualTo(7);
        List<String> due = all.getList("items.dueDate");
        assertThat(due).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonPath shangjie = given().header("Authorization", Tokens.bearer("staff.shangjie"))
                .get("/api/reports/campaigns").then().statusCode(200).extract().jsonPath();
        assertThat(shangjie.getString("district")).isEqualTo(SHANGJIE);
        assertThat(shangjie.getInt(mine + "count")).isEqualTo(3);
    }
}
