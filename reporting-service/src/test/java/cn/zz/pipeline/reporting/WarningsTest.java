package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.project.MilestoneNode;
import cn.zz.pipeline.events.project.MilestoneNode.Completion;
import cn.zz.pipeline.events.project.MilestoneNode.Source;
import cn.zz.pipeline.events.project.MilestonesSet;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The warning list (预警), its counts per district, 拿地即开工 and the progress ledger's light, fed with milestones-set
 * events through Kafka as project-service publishes them. The test owns 惠济区 for 2030-2031 (all its events and
 * plans fall there) and stands the service's clock on days of March 2031; no assertion depends on the real date.
 */
@QuarkusTest
class WarningsTest {

    static final String HUIJI = TestDistricts.of(WarningsTest.class);
    static final String LIST = "/api/reports/warnings";
    static final String SUMMARY = "/api/reports/warnings/summary";
    static final String LAND_TO_START = "/api/reports/land-to-start";
    /** The day of the counts: 11 March 2031. At-risk days 7: yellow up to 18 March. */
    static final LocalDate DAY = LocalDate.of(2031, 3, 11);

    static final String P1 = code(10);  // LAND planned 03-10: green to 03-02, yellow 03-03..03-10, red from 03-11
    static final String P2 = code(20);  // LAND planned 03-05 open, START 04-01: red 6 days on DAY
    static final String P3 = code(30);  // 立项 planned 03-09: red 2 days, leader assigned
    static final String P4 = code(40);  // every node done: green, never listed
    static final String P5 = code(50);  // LAND planned 03-14: yellow
    static final String P6 = code(60);  // LAND planned 03-14: yellow, after P5 by code
    static final String P7 = code(70);  // no plan
    static final String M1 = code(80);  // START planned 03-01: red 10; completed → gone
    static final String M2 = code(90);  // LAND planned 03-02: red 9; replanned to 06-01 → green
    static final String M3 = code(95);  // LAND planned 03-03: red 8; withdrawn → gone, not counted

    private static boolean fed;
    private static Feed.Project m1;
    private static Feed.Project m2;
    private static Feed.Project m3;

    @Inject
    PipelineConfig config;

    static String code(int serial) {
        return "2031-" + HUIJI + "-01-01-" + String.format("%06d", serial);
    }

    private Today.Fixed standOn(LocalDate day) {
        Today.Fixed clock = Today.standingOn(config, day);
        QuarkusMock.installMockForType(clock, Today.class);
        return clock;
    }

    static MilestoneNode open(String code, String name, LocalDate planned) {
        return new MilestoneNode(code, name, planned, null, Source.TEMPLATE, Completion.MANUAL);
    }

    static MilestoneNode done(String code, String name, LocalDate planned, LocalDate actual) {
        return new MilestoneNode(code, name, planned, actual, Source.MANUAL, Completion.MANUAL);
    }

    static Feed.Project project(String code) {
        return new Feed.Project(code, "预警测试项目" + code.substring(code.length() - 2), HUIJI, "惠济区产业园", "C3851",
                ConstructionType.NEW, "30000", LocalDate.of(2031, 4, 1), LocalDate.of(2032, 12, 31))
                .registered(LocalDate.of(2030, 6, 1));
    }

    static Feed.Project plan(Feed.Project p, LocalDate on, MilestoneNode... nodes) {
        return p.event(Feed.at(on), new MilestonesSet(p.id, p.snapshot.code(), HUIJI, LocalDate.of(2031, 4, 1), 1,
                List.of(nodes), null, "staff"));
    }

    private static final LocalDate PLANNED_ON = LocalDate.of(2030, 7, 1);

    /** 拿地即开工: started in 2031 with a LAND date, days 10, 40, 20, 60 and -9 (counts 0). */
    private static void landToStartProjects() {
        int[][] dates = {{1, 10, 1, 20}, {1, 1, 2, 10}, {2, 1, 2, 21}, {3, 1, 4, 30}, {5, 10, 5, 1}};
        for (int i = 0; i < dates.length; i++) {
            LocalDate land = LocalDate.of(2031, dates[i][0], dates[i][1]);
            LocalDate start = LocalDate.of(2031, dates[i][2], dates[i][3]);
            Feed.Project p = project(code(100 + i)).declared(LocalDate.of(2030, 8, 1)).admitted(LocalDate.of(2030, 9, 1))
                    .started(start);
            plan(p, start, done("LAND", "拿地", LocalDate.of(2031, 1, 1), land),
                    done("START", "开工", LocalDate.of(2031, 4, 1), start));
        }
        // Started in 2030: another year.
        Feed.Project old = project(code(110)).declared(LocalDate.of(2030, 8, 1)).admitted(LocalDate.of(2030, 9, 1))
                .started(LocalDate.of(2030, 12, 1));
        plan(old, LocalDate.of(2030, 12, 1), done("LAND", "拿地", LocalDate.of(2030, 10, 1), LocalDate.of(2030, 10, 1)),
                done("START", "开工", LocalDate.of(2030, 12, 1), LocalDate.of(2030, 12, 1)));
        // Started in 2031 without a LAND node (改建技改): not counted.
        Feed.Project noLand = project(code(111)).declared(LocalDate.of(2030, 8, 1)).admitted(LocalDate.of(2030, 9, 1))
                .started(LocalDate.of(2031, 2, 1));
        plan(noLand, LocalDate.of(2031, 2, 1), done("START", "开工", LocalDate.of(2031, 2, 1), LocalDate.of(2031, 2, 1)));
        // Started, then withdrawn: not counted, not on the list.
        Feed.Project gone = project(code(112)).declared(LocalDate.of(2030, 8, 1)).admitted(LocalDate.of(2030, 9, 1))
                .started(LocalDate.of(2031, 3, 1));
        plan(gone, LocalDate.of(2031, 3, 1), done("LAND", "拿地", LocalDate.of(2031, 2, 20), LocalDate.of(2031, 2, 20)),
                done("START", "开工", LocalDate.of(2031, 3, 1), LocalDate.of(2031, 3, 1)));
        gone.withdrawn(LocalDate.of(2031, 3, 5), "企业放弃投资");
    }

    private static synchronized void feed() {
        if (fed) {
            return;
        }
        fed = true; // sent once even if the wait fails: a second sending would add projects of the same codes
        plan(project(P1), PLANNED_ON, done("PROJECT_FILING", "立项", LocalDate.of(2030, 9, 1), LocalDate.of(2030, 8, 1)),
                open("LAND", "拿地", LocalDate.of(2031, 3, 10)), open("START", "开工", LocalDate.of(2031, 4, 1)));
        plan(project(P2), PLANNED_ON, open("LAND", "拿地", LocalDate.of(2031, 3, 5)),
                open("START", "开工", LocalDate.of(2031, 4, 1)));
        Feed.Project p3 = project(P3);
        p3.event(Feed.at(PLANNED_ON), new ProjectAssigned(p3.id, "张副区长", List.of(), "staff"));
        plan(p3, PLANNED_ON, open("PROJECT_FILING", "立项", LocalDate.of(2031, 3, 9)),
                open("START", "开工", LocalDate.of(2031, 4, 1)));
        plan(project(P4), PLANNED_ON, done("PROJECT_FILING", "立项", LocalDate.of(2030, 9, 1), LocalDate.of(2030, 9, 1)));
        plan(project(P5), PLANNED_ON, open("LAND", "拿地", LocalDate.of(2031, 3, 14)));
        plan(project(P6), PLANNED_ON, open("LAND", "拿地", LocalDate.of(2031, 3, 14)));
        project(P7);
        m1 = plan(project(M1), PLANNED_ON, open("START", "开工", LocalDate.of(2031, 3, 1)));
        m2 = plan(project(M2), PLANNED_ON, open("LAND", "拿地", LocalDate.of(2031, 3, 2)));
        m3 = plan(project(M3), PLANNED_ON, open("LAND", "拿地", LocalDate.of(2031, 3, 3)));
        landToStartProjects();
        // Every project's last event applied: the plans, the list and the started projects all complete at once.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(ok("admin", SUMMARY, "district", HUIJI).getLong("rows[0].planned")).isEqualTo(16);
            assertThat(ok("admin", LIST, "district", HUIJI).getLong("total")).isEqualTo(8);
            assertThat(ok("admin", LAND_TO_START, "district", HUIJI, "year", "2031").getLong("total.count"))
                    .isEqualTo(5);
        });
    }

    static Response get(String user, String path, String... query) {
        var req = given().header("Authorization", Tokens.bearer(user));
        for (int i = 0; i + 1 < query.length; i += 2) {
            req.queryParam(query[i], query[i + 1]);
        }
        return req.get(path);
    }

    static JsonPath ok(String user, String path, String... query) {
        Response r = get(user, path, query);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.jsonPath();
    }

    static List<String> codes(String... query) {
        return ok("admin", LIST, query).getList("items.code");
    }

    /** A project's item on the list of {@code HUIJI}, or null. */
    static Map<String, Object> item(String code) {
        List<Map<String, Object>> items = ok("admin", LIST, "district", HUIJI, "size", "200").getList("items");
        return items.stream().filter(i -> code.equals(i.get("code"))).findFirst().orElse(null);
    }

    @Test
    void aLightChangesWithTheDayWithoutAnyEvent() {
        Today.Fixed clock = standOn(DAY);
        feed();
        clock.set(LocalDate.of(2031, 3, 2));
        assertThat(item(P1)).as("8 days ahead: green").isNull();
        clock.set(LocalDate.of(2031, 3, 3));
        assertThat(item(P1)).containsEntry("light", "YELLOW").containsEntry("daysLate", 0)
                .containsEntry("node", "LAND").containsEntry("nodeName", "拿地").containsEntry("planned", "2031-03-10");
        clock.set(LocalDate.of(2031, 3, 10));
        assertThat(item(P1)).containsEntry("light", "YELLOW").containsEntry("daysLate", 0);
        clock.set(LocalDate.of(2031, 3, 11));
        assertThat(item(P1)).containsEntry("light", "RED").containsEntry("daysLate", 1);
        clock.set(LocalDate.of(2031, 4, 30));
        assertThat(item(P1)).containsEntry("light", "RED").containsEntry("daysLate", 51)
                .as("the earliest open node, not the latest").containsEntry("node", "LAND");
    }

    @Test
    void theListIsWorstFirstPagedAndFilteredByLightAndCompletionReplanningAndWithdrawalEndAWarning() {
        Today.Fixed clock = standOn(DAY);
        feed();
        JsonPath first = ok("admin", LIST, "district", HUIJI, "size", "3");
        assertThat(first.getList("items.code")).containsExactly(M1, M2, M3);
        assertThat(first.getList("items.daysLate")).containsExactly(10, 9, 8);
        assertThat(first.getLong("total")).isEqualTo(8);
        assertThat(first.getString("asOf")).isEqualTo("2031-03-11");
        assertThat(first.getInt("atRiskDays")).isEqualTo(7);
        assertThat(codes("district", HUIJI, "size", "3", "page", "2")).containsExactly(P2, P3, P1);
        assertThat(codes("district", HUIJI, "size", "3", "page", "3")).containsExactly(P5, P6);
        assertThat(codes("district", HUIJI, "size", "3", "page", "4")).isEmpty();
        assertThat(codes("district", HUIJI, "light", "yellow")).containsExactly(P5, P6);
        JsonPath red = ok("admin", LIST, "district", HUIJI, "light", "RED");
        assertThat(red.getList("items.code")).containsExactly(M1, M2, M3, P2, P3, P1);
        assertThat(red.getString("items.find { it.code == '" + P3 + "' }.leader")).isEqualTo("张副区长");
        assertThat(red.getString("items.find { it.code == '" + P3 + "' }.nodeName")).isEqualTo("立项");
        assertThat(red.getString("items.find { it.code == '" + P3 + "' }.districtLabel")).isEqualTo("惠济区");
        assertThat(red.getString("items.find { it.code == '" + P2 + "' }.leader")).isNull();

        JsonPath summary = ok("admin", SUMMARY, "district", HUIJI);
        assertThat(summary.getList("rows")).hasSize(1);
        assertThat(summary.getString("rows[0].label")).isEqualTo("惠济区");
        assertThat(List.of(summary.getLong("rows[0].red"), summary.getLong("rows[0].yellow"),
                summary.getLong("rows[0].green"), summary.getLong("rows[0].planned"))).containsExactly(6L, 2L, 8L, 16L);

        // 开工 completes M1's node, M2's LAND moves to June, M3 is withdrawn.
        plan(m1, DAY, done("START", "开工", LocalDate.of(2031, 3, 1), LocalDate.of(2031, 3, 10)));
        plan(m2, DAY, open("LAND", "拿地", LocalDate.of(2031, 6, 1)));
        m3.withdrawn(DAY, "企业放弃投资");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(codes("district", HUIJI)).containsExactly(P2, P3, P1, P5, P6));
        JsonPath after = ok("admin", SUMMARY, "district", HUIJI);
        assertThat(List.of(after.getLong("rows[0].red"), after.getLong("rows[0].yellow"),
                after.getLong("rows[0].green"), after.getLong("rows[0].planned"))).containsExactly(3L, 2L, 10L, 15L);
        // M2 in June: yellow from 25 May, red from 2 June.
        clock.set(LocalDate.of(2031, 6, 2));
        assertThat(item(M2)).containsEntry("light", "RED").containsEntry("daysLate", 1);
    }

    @Test
    void rolesAndScope() {
        standOn(DAY);
        feed();
        for (String user : List.of("admin", "leader.city")) {
            assertThat(ok(user, LIST, "district", HUIJI).getList("items")).isNotEmpty();
            ok(user, SUMMARY, "district", HUIJI);
            ok(user, LAND_TO_START, "district", HUIJI, "year", "2031");
        }
        // The city's summary: every district of 4101, 惠济区 among them.
        JsonPath city = ok("leader.city", SUMMARY);
        assertThat(city.getList("rows.district")).contains(HUIJI, TestDistricts.SHANGJIE);
        assertThat(city.getLong("total.planned")).isGreaterThanOrEqualTo(16);
        assertThat(ok("admin", LIST, "size", "200").getList("items.code")).contains(P2);
        for (String user : List.of("staff.shangjie", "leader.shangjie")) {
            for (String path : List.of(LIST, SUMMARY, LAND_TO_START)) {
                get(user, path, "district", HUIJI).then().statusCode(403).contentType("application/problem+json");
                get(user, path).then().statusCode(200);
            }
            assertThat(ok(user, LIST).getList("items.district")).allMatch(TestDistricts.SHANGJIE::equals);
            assertThat(ok(user, SUMMARY).getList("rows.district")).containsExactly(TestDistricts.SHANGJIE);
        }
        for (String path : List.of(LIST, SUMMARY, LAND_TO_START)) {
            get("approver.ndrc", path).then().statusCode(403).contentType("application/problem+json");
            given().get(path).then().statusCode(401);
            get("admin", path, "district", "41x").then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("district"));
        }
        for (String light : List.of("GREEN", "blue")) {
            get("admin", LIST, "light", light).then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("light"));
        }
        get("admin", LIST, "size", "0").then().statusCode(400).body("violations[0].field", equalTo("size"));
        get("admin", LAND_TO_START, "year", "1999").then().statusCode(400).body("violations[0].field", equalTo("year"));
    }

    @Test
    void landToStartCountsTheYearsStartsWithALandDate() {
        standOn(DAY);
        feed();
        JsonPath r = ok("admin", LAND_TO_START, "district", HUIJI, "year", "2031");
        assertThat(r.getInt("year")).isEqualTo(2031);
        assertThat(r.getInt("withinDays")).isEqualTo(30);
        // Days sorted 0 (started 9 days before its land), 10, 20, 40, 60: the median is rank ceil(2.5) = 3, p90 rank
        // ceil(4.5) = 5; within 30 days: 3 of 5.
        assertThat(r.getString("rows[0].district")).isEqualTo(HUIJI);
        assertThat(r.getInt("rows[0].count")).isEqualTo(5);
        assertThat(r.getInt("rows[0].median")).isEqualTo(20);
        assertThat(r.getInt("rows[0].p90")).isEqualTo(60);
        assertThat(r.getDouble("rows[0].withinShare")).isEqualTo(0.6);
        assertThat(r.getInt("total.count")).isEqualTo(5);
        assertThat(r.getString("total.label")).isEqualTo("合计");
        assertThat(r.getString("total.district")).isNull();
        JsonPath before = ok("admin", LAND_TO_START, "district", HUIJI, "year", "2030");
        assertThat(before.getInt("rows[0].count")).isEqualTo(1);
        assertThat(before.getInt("rows[0].median")).isEqualTo(61);
        assertThat(before.getDouble("rows[0].withinShare")).isEqualTo(0.0);
        JsonPath none = ok("admin", LAND_TO_START, "district", HUIJI, "year", "2029");
        assertThat(none.getInt("rows[0].count")).isZero();
        assertThat(none.getString("rows[0].median")).isNull();
        assertThat(none.getString("rows[0].p90")).isNull();
        assertThat(none.getString("rows[0].withinShare")).isNull();
    }

    @Test
    void theProgressLedgerShowsEachProjectsLightAndNextNode() throws IOException {
        standOn(DAY);
        feed();
        JsonPath p = ok("admin", "/api/ledgers/progress", "district", HUIJI, "year", "2031", "size", "200");
        String row = "items.find { it.code == '%s' }";
        assertThat(p.getString(row.formatted(P1) + ".light")).isEqualTo("RED");
        assertThat(p.getString(row.formatted(P1) + ".nextNode.name")).isEqualTo("拿地");
        assertThat(p.getString(row.formatted(P1) + ".nextNode.planned")).isEqualTo("2031-03-10");
        assertThat(p.getString(row.formatted(P5) + ".light")).isEqualTo("YELLOW");
        assertThat(p.getString(row.formatted(P4) + ".light")).isEqualTo("GREEN");
        assertThat(p.getString(row.formatted(P4) + ".nextNode")).isNull();
        assertThat(p.getMap(row.formatted(P7))).containsEntry("light", null).containsEntry("nextNode", null);

        Response xlsx = given().header("Authorization", Tokens.bearer("admin")).queryParam("district", HUIJI)
                .queryParam("year", "2031").queryParam("format", "xlsx").get("/api/ledgers/progress");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<Row> rows = LedgerTest.sheet(xlsx.asByteArray(), "进展跟踪台账");
        Map<String, List<String>> byCode = new java.util.HashMap<>();
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.getCellCount(); i++) {
                cells.add(r.getCellText(i));
            }
            byCode.put(cells.get(0), cells);
        }
        assertThat(byCode.get("项目代码").subList(19, 22)).containsExactly("预警灯", "下一节点", "节点计划日期");
        assertThat(byCode.get(P1).subList(19, 21)).containsExactly("红", "拿地");
        assertThat(byCode.get(P5).get(19)).isEqualTo("黄");
        assertThat(byCode.get(P4).get(19)).isEqualTo("绿");
    }

    @Test
    void aRebuildGivesTheSameListCountsAndFigures() {
        standOn(DAY);
        feed();
        List<String> before = everything();
        given().header("Authorization", Tokens.bearer("admin")).post("/api/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(ok("admin", "/api/admin/rebuild").getString("state")).isEqualTo("DONE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(everything()).isEqualTo(before));
    }

    private static List<String> everything() {
        return List.of(get("admin", LIST, "district", HUIJI, "size", "200").asString(),
                get("admin", SUMMARY).asString(), get("admin", LAND_TO_START, "year", "2031").asString(),
                get("admin", "/api/ledgers/progress", "district", HUIJI, "year", "2031", "size", "200").asString());
    }
}
