package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.project.InvestmentOverdue;
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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The 未报清单 and its counts per district, fed through Kafka as project-service would publish. The test owns 惠济区
 * (deadline day 30 in tests, so February's is its last day) and adds one project to 上街区 (the default 25th). Each
 * test stands the service's clock on its own day: New Year's Eve, a day in January (1-2月 under way) and 29 February.
 */
@QuarkusTest
class UnreportedTest {

    static final String HUIJI = TestDistricts.of(UnreportedTest.class);
    static final String SHANGJIE = TestDistricts.SHANGJIE;
    static final String LIST = "/api/reports/unreported";
    static final String SUMMARY = "/api/reports/unreported/summary";

    /** Codes in list order; the numbers say what each project does. */
    static final String P1 = code(HUIJI, 10);  // admitted 2023-03, reports 3..11: lacks 12
    static final String P2 = code(HUIJI, 20);  // admitted 2023-03, reports 3, 5..12: a hole at 4
    static final String P3 = code(HUIJI, 30);  // admitted 2023-12-05, no report: owes from 12 on
    static final String P4 = code(HUIJI, 40);  // admitted 2024-01-10: owes from 1-2月 2024 on
    static final String P5 = code(HUIJI, 50);  // admitted, then withdrawn: owes nothing
    static final String P6 = code(HUIJI, 60);  // declared only: owes nothing
    static final String P7 = code(HUIJI, 70);  // admitted 2022-06, reports to 2023-06, in production 2023-12-10:
                                               // lacks 7..12, owes nothing from 2024 on
    static final String P10 = code(HUIJI, 95); // admitted 2023-03, reports 3..5, in production 2023-06-20: lacks only 6
    static final String P8 = code(HUIJI, 80);  // admitted 2023-03, reports only 12: holes 3..11
    static final String P9 = code(HUIJI, 90);  // admitted 2023-06, a figure for 2023-03 (before): owes 6..12
    static final String PS = code(SHANGJIE, 15); // 上街区, admitted 2023-03, no report

    private static boolean fed;
    /** P7's id and its last event's sequence: an InvestmentOverdue, as project-service escalates. */
    private static UUID p7Id;
    private static long p7Sequence;

    @Inject
    PipelineConfig config;

    static String code(String district, int serial) {
        return "2023-" + district + "-01-01-" + String.format("%06d", serial);
    }

    private Today.Fixed standOn(LocalDate day) {
        Today.Fixed clock = Today.standingOn(config, day);
        QuarkusMock.installMockForType(clock, Today.class);
        return clock;
    }

    private static Feed.Project project(String code) {
        return new Feed.Project(code, "未报测试项目" + code.substring(code.length() - 2), code.substring(5, 11),
                "惠济区产业园", "C3851", ConstructionType.NEW, "20000", LocalDate.of(2023, 1, 1),
                LocalDate.of(2025, 12, 31));
    }

    private static Feed.Project admitted(String code, LocalDate on) {
        return project(code).admittedVia(on.minusDays(40), on.minusDays(20), on);
    }

    /**
     * Every project once, then wait until the read model shows them: the clock stands on 29 February 2024 meanwhile
     * (every period asked is past), then goes back to the test's day.
     */
    private static synchronized void feed(Today.Fixed clock) {
        if (fed) {
            return;
        }
        fed = true; // sent once even if the wait fails: a second sending would add projects of the same codes
        LocalDate march = LocalDate.of(2023, 3, 15);
        Feed.Project p1 = admitted(P1, march);
        for (int m = 3; m <= 11; m++) {
            p1.report(2023, m, String.valueOf(100 * m));
        }
        Feed.Project p2 = admitted(P2, march).report(2023, 3, "100");
        for (int m = 5; m <= 12; m++) {
            p2.report(2023, m, String.valueOf(100 * m));
        }
        admitted(P3, LocalDate.of(2023, 12, 5));
        admitted(P4, LocalDate.of(2024, 1, 10));
        admitted(P5, march).report(2023, 3, "50").withdrawn(LocalDate.of(2023, 8, 1), "企业放弃投资");
        project(P6).registered(LocalDate.of(2023, 2, 1)).declared(LocalDate.of(2023, 2, 20));
        Feed.Project p7 = admitted(P7, LocalDate.of(2022, 6, 10)).started(LocalDate.of(2022, 8, 1));
        for (int m = 6; m <= 12; m++) {
            p7.report(2022, m, String.valueOf(200 * m));
        }
        for (int m = 2; m <= 6; m++) {
            p7.report(2023, m, String.valueOf(300 * m));
        }
        p7.event(Feed.at(LocalDate.of(2023, 7, 1)), new ProjectAssigned(p7.id, "张副区长", List.of(), "staff"));
        p7.inProduction(LocalDate.of(2023, 12, 10));
        p7.event(Feed.at(LocalDate.of(2023, 12, 31)), new InvestmentOverdue(p7.id, P7, HUIJI, "2023-12",
                LocalDate.of(2023, 12, 30), "张副区长"));
        p7Id = p7.id;
        p7Sequence = p7.sequence;
        admitted(P8, march).report(2023, 12, "5000");
        admitted(P9, LocalDate.of(2023, 6, 10)).report(2023, 3, "80");
        admitted(P10, march).report(2023, 3, "10").report(2023, 4, "20").report(2023, 5, "30")
                .started(LocalDate.of(2023, 4, 2)).inProduction(LocalDate.of(2023, 6, 20));
        admitted(PS, march);
        LocalDate day = clock.date();
        clock.set(LocalDate.of(2024, 2, 29));
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                JsonPath s = get("admin", SUMMARY, "year", "2024", "month", "2", "district", HUIJI).jsonPath();
                assertThat(s.getLong("rows[0].owing")).isEqualTo(6);
                JsonPath dec = get("admin", SUMMARY, "year", "2023", "month", "12", "district", HUIJI).jsonPath();
                assertThat(dec.getLong("rows[0].owing")).isEqualTo(6);
                assertThat(dec.getLong("rows[0].unreported")).isEqualTo(4);
                assertThat(all("admin", "year", "2023", "month", "12", "district", SHANGJIE).stream()
                        .map(i -> i.get("code"))).contains(PS);
            });
        } finally {
            clock.set(day);
        }
    }

    static Response get(String user, String path, String... query) {
        var req = given().header("Authorization", Tokens.bearer(user));
        for (int i = 0; i + 1 < query.length; i += 2) {
            req.queryParam(query[i], query[i + 1]);
        }
        return req.get(path);
    }

    static JsonPath ok(String user, String path, String... query) {
        return get(user, path, query).then().statusCode(200).extract().jsonPath();
    }

    /** Every item of a list, page by page. */
    static List<Map<String, Object>> all(String user, String... query) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<String> q = new ArrayList<>(List.of(query));
            q.addAll(List.of("page", String.valueOf(page), "size", "200"));
            JsonPath p = ok(user, LIST, q.toArray(String[]::new));
            List<Map<String, Object>> got = p.getList("items");
            items.addAll(got);
            if (got.size() < 200) {
                assertThat(items).hasSize(p.getInt("total"));
                return items;
            }
        }
    }

    /** New Year's Eve: 1-12月 was due on the 30th in 惠济区 (1 day over), on the 25th in 上街区 (6 days). */
    @Test
    void theListOfDecemberWorstFirstAndPaged() {
        feed(standOn(LocalDate.of(2023, 12, 31)));
        JsonPath list = ok("admin", LIST, "district", HUIJI); // the current period by default: 1-12月
        assertThat(list.getString("period")).isEqualTo("2023-12");
        assertThat(list.getString("periodLabel")).isEqualTo("1-12月");
        assertThat(list.getInt("year")).isEqualTo(2023);
        assertThat(list.getInt("month")).isEqualTo(12);
        assertThat(list.getString("district")).isEqualTo(HUIJI);
        assertThat(list.getString("deadline")).isEqualTo("2023-12-30");
        assertThat(list.getString("asOf")).isEqualTo("2023-12-31");
        assertThat(list.getList("items.code")).containsExactly(P1, P3, P7, P9);
        assertThat(list.getLong("total")).isEqualTo(4);
        assertThat(list.getInt("page")).isEqualTo(1);
        assertThat(list.getInt("size")).isEqualTo(20);
        String p7 = "items.find { it.code == '" + P7 + "' }.";
        assertThat(list.getString(p7 + "name")).isEqualTo("未报测试项目70");
        assertThat(list.getString(p7 + "district")).isEqualTo(HUIJI);
        assertThat(list.getString(p7 + "districtLabel")).isEqualTo("惠济区");
        assertThat(list.getString(p7 + "leader")).isEqualTo("张副区长");
        assertThat(list.getString(p7 + "stage")).isEqualTo("IN_PRODUCTION");
        assertThat(list.getString(p7 + "stageLabel")).isEqualTo("投产");
        assertThat(list.getString(p7 + "deadline")).isEqualTo("2023-12-30");
        assertThat(list.getBoolean(p7 + "overdue")).isTrue();
        assertThat(list.getInt(p7 + "daysOverdue")).isEqualTo(1);
        assertThat(list.getMap("items.find { it.code == '" + P1 + "' }")).containsEntry("leader", null)
                .containsEntry("stage", "ADMITTED");

        // Paged: two by two, then an empty page; the total stays.
        JsonPath first = ok("admin", LIST, "district", HUIJI, "size", "2");
        assertThat(first.getList("items.code")).containsExactly(P1, P3);
        JsonPath second = ok("admin", LIST, "district", HUIJI, "size", "2", "page", "2");
        assertThat(second.getList("items.code")).containsExactly(P7, P9);
        JsonPath third = ok("admin", LIST, "district", HUIJI, "size", "2", "page", "3");
        assertThat(third.getList("items")).isEmpty();
        assertThat(List.of(first.getLong("total"), second.getLong("total"), third.getLong("total")))
                .containsOnly(4L);

        // Any page size pages through the same list (small pages walk the district in code order, larger ones read
        // the few behind as a range: both ways give the same rows).
        for (int size = 1; size <= 5; size++) {
            List<Object> paged = new ArrayList<>();
            for (int page = 1; page <= 4 / size + 1; page++) {
                paged.addAll(ok("admin", LIST, "district", HUIJI, "size", String.valueOf(size), "page",
                        String.valueOf(page)).getList("items.code"));
            }
            assertThat(paged).as("pages of " + size).containsExactly(P1, P3, P7, P9);
        }

        // A hole stays a hole: P2 and P8 reported later periods, not 1-4月; P9's figure before admission is not owed.
        JsonPath april = ok("admin", LIST, "district", HUIJI, "year", "2023", "month", "4");
        assertThat(april.getList("items.code")).containsExactly(P2, P8);
        long days = ChronoUnit.DAYS.between(LocalDate.of(2023, 4, 30), LocalDate.of(2023, 12, 31));
        assertThat(april.getList("items.daysOverdue", Integer.class)).containsOnly((int) days);
        assertThat(ok("admin", LIST, "district", HUIJI, "year", "2023", "month", "3").getList("items.code"))
                .containsExactly(P8);
        assertThat(ok("admin", LIST, "district", HUIJI, "year", "2023", "month", "2").getList("items")).isEmpty();

        // The whole city, worst first: 惠济区's four (1 day) come after every project of a district due on the
        // 25th (6 days), 上街区's among them.
        List<Map<String, Object>> city = all("admin", "year", "2023", "month", "12");
        List<Object> codes = city.stream().map(i -> i.get("code")).toList();
        assertThat(codes.subList(codes.size() - 4, codes.size())).containsExactly(P1, P3, P7, P9);
        assertThat(codes).contains(PS);
        List<Integer> daysList = city.stream().map(i -> (Integer) i.get("daysOverdue")).toList();
        for (int i = 1; i < daysList.size(); i++) {
            assertThat(daysList.get(i)).isLessThanOrEqualTo(daysList.get(i - 1));
            if (daysList.get(i).equals(daysList.get(i - 1))) {
                assertThat((String) city.get(i).get("code")).isGreaterThan((String) city.get(i - 1).get("code"));
            }
        }
        Map<String, Object> shangjie = city.stream().filter(i -> PS.equals(i.get("code"))).findFirst().orElseThrow();
        assertThat(shangjie).containsEntry("deadline", "2023-12-25").containsEntry("daysOverdue", 6)
                .containsEntry("districtLabel", "上街区");
        assertThat(ok("admin", LIST, "district", SHANGJIE, "size", "1").getString("deadline")).isEqualTo("2023-12-25");
        assertThat(ok("admin", LIST, "district", "4101", "size", "1").getString("deadline")).isNull();
    }

    @Test
    void countsPerDistrict() {
        feed(standOn(LocalDate.of(2023, 12, 31)));
        JsonPath one = ok("admin", SUMMARY, "district", HUIJI);
        assertThat(one.getString("period")).isEqualTo("2023-12");
        assertThat(one.getString("periodLabel")).isEqualTo("1-12月");
        assertThat(one.getList("rows")).hasSize(1);
        assertThat(one.getMap("rows[0]")).containsEntry("district", HUIJI).containsEntry("label", "惠济区")
                .containsEntry("deadline", "2023-12-30").containsEntry("daysOverdue", 1)
                .containsEntry("owing", 6).containsEntry("unreported", 4).containsEntry("overdue", 4);
        assertThat(one.getMap("total")).containsEntry("owing", 6).containsEntry("unreported", 4)
                .containsEntry("overdue", 4);
        JsonPath april = ok("admin", SUMMARY, "district", HUIJI, "year", "2023", "month", "4");
        assertThat(april.getMap("rows[0]")).containsEntry("owing", 5).containsEntry("unreported", 2);
        // 1-6月: P10 went into production in June without that month's figure, its last one owed.
        JsonPath june = ok("admin", SUMMARY, "district", HUIJI, "year", "2023", "month", "6");
        assertThat(june.getMap("rows[0]")).containsEntry("owing", 6).containsEntry("unreported", 3);
        assertThat(ok("admin", LIST, "district", HUIJI, "year", "2023", "month", "6").getList("items.code"))
                .containsExactly(P8, P9, P10);
        // 1-7月: P10 owes nothing any more; P7 (in production in December) still does.
        JsonPath july = ok("admin", SUMMARY, "district", HUIJI, "year", "2023", "month", "7");
        assertThat(july.getMap("rows[0]")).containsEntry("owing", 5).containsEntry("unreported", 3);
        assertThat(ok("admin", LIST, "district", HUIJI, "year", "2023", "month", "7").getList("items.code"))
                .containsExactly(P7, P8, P9);

        // A city leader: every district of the city in code order, the same numbers for 惠济区.
        JsonPath city = ok("leader.city", SUMMARY, "year", "2023", "month", "12");
        assertThat(city.getList("rows.district")).hasSize(15).isSorted();
        assertThat(city.getMap("rows.find { it.district == '" + HUIJI + "' }")).isEqualTo(one.getMap("rows[0]"));
        assertThat(city.getString("rows.find { it.district == '" + SHANGJIE + "' }.deadline")).isEqualTo("2023-12-25");
        long listed = ok("leader.city", LIST, "year", "2023", "month", "12", "size", "1").getLong("total");
        assertThat(city.getLong("total.unreported")).isEqualTo(listed);
    }

    /** 29 February 2024: 惠济区's day 30 is today (not overdue yet), 上街区's 25th has passed; January folds. */
    @Test
    void aLeapDayIsTheLastDayOfFebruary() {
        feed(standOn(LocalDate.of(2024, 2, 29)));
        JsonPath list = ok("admin", LIST, "district", HUIJI);
        assertThat(list.getString("period")).isEqualTo("2024-02");
        assertThat(list.getString("periodLabel")).isEqualTo("1-2月");
        assertThat(list.getString("deadline")).isEqualTo("2024-02-29");
        // P7 went into production in December 2023: it owes nothing for 2024.
        assertThat(list.getList("items.code")).containsExactly(P1, P2, P3, P4, P8, P9);
        assertThat(list.getList("items.overdue", Boolean.class)).containsOnly(false);
        assertThat(list.getList("items.daysOverdue", Integer.class)).containsOnly(0);
        assertThat(ok("admin", LIST, "district", HUIJI, "month", "1").getList("items.code"))
                .isEqualTo(list.getList("items.code"));
        assertThat(ok("admin", SUMMARY, "district", HUIJI).getMap("rows[0]")).containsEntry("owing", 6)
                .containsEntry("unreported", 6).containsEntry("overdue", 0).containsEntry("daysOverdue", 0);
        JsonPath shangjie = ok("admin", SUMMARY, "district", SHANGJIE);
        assertThat(shangjie.getString("rows[0].deadline")).isEqualTo("2024-02-25");
        assertThat(shangjie.getInt("rows[0].daysOverdue")).isEqualTo(4);
        assertThat(shangjie.getLong("rows[0].overdue")).isEqualTo(shangjie.getLong("rows[0].unreported"));
    }

    /**
     * In January the current period is 1-2月 of the year (month=1 names it too); a past year without a month is its
     * 1-12月. Bad parameters are 400 naming the field.
     */
    @Test
    void januaryAndTheValidationOfTheParameters() {
        feed(standOn(LocalDate.of(2024, 1, 15)));
        JsonPath current = ok("staff.shangjie", LIST);
        assertThat(current.getString("period")).isEqualTo("2024-02");
        assertThat(current.getString("district")).isEqualTo(SHANGJIE);
        assertThat(current.getString("deadline")).isEqualTo("2024-02-25");
        assertThat(ok("admin", LIST, "district", HUIJI, "month", "1").getList("items.code"))
                .containsExactly(P1, P2, P3, P4, P8, P9);
        JsonPath lastYear = ok("admin", LIST, "district", HUIJI, "year", "2023");
        assertThat(lastYear.getString("period")).isEqualTo("2023-12");
        assertThat(lastYear.getList("items.code")).containsExactly(P1, P3, P7, P9);

        bad(LIST, "year", "year", "abc");
        bad(LIST, "year", "year", "1999");
        bad(LIST, "year", "year", "2025").body("violations[0].code", equalTo("out-of-range"))
                .body("violations[0].limit", equalTo(2024));
        bad(LIST, "month", "month", "13");
        bad(LIST, "month", "month", "0");
        bad(LIST, "month", "month", "3").body("violations[0].code", equalTo("out-of-range"));
        bad(LIST, "page", "page", "0");
        bad(LIST, "size", "size", "201");
        bad(LIST, "size", "size", "x");
        bad(LIST, "district", "district", "41x");
        bad(SUMMARY, "month", "month", "-1");
        bad(SUMMARY, "year", "year", "2025");
        bad(SUMMARY, "district", "district", "abc");
    }

    private static io.restassured.response.ValidatableResponse bad(String path, String field, String param,
                                                                  String value) {
        return get("admin", path, param, value).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
    }

    @Test
    void rolesAndDistrictScope() {
        feed(standOn(LocalDate.of(2023, 12, 31)));
        for (String user : List.of("leader.shangjie", "staff.shangjie")) {
            JsonPath own = ok(user, LIST, "size", "200");
            assertThat(own.getList("items.district")).containsOnly(SHANGJIE);
            assertThat(own.getList("items.code")).contains(PS);
            assertThat(ok(user, SUMMARY).getList("rows.district")).containsExactly(SHANGJIE);
            for (String path : List.of(LIST, SUMMARY)) {
                get(user, path, "district", HUIJI).then().statusCode(403)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:pipeline:problem:out-of-scope"))
                        .body("violations[0].field", equalTo("district"))
                        .body("violations[0].limit", equalTo(SHANGJIE));
                get(user, path, "district", "4101").then().statusCode(403);
            }
        }
        assertThat(ok("leader.city", LIST, "district", HUIJI).getList("items.code")).containsExactly(P1, P3, P7, P9);
        assertThat(ok("admin", SUMMARY).getList("rows")).hasSize(15);
        for (String path : List.of(LIST, SUMMARY)) {
            get("approver.ndrc", path).then().statusCode(403).contentType("application/problem+json");
            given().get(path).then().statusCode(401);
        }
    }

    /** The escalation project-service publishes (InvestmentOverdue) is applied in turn and changes no list. */
    @Test
    void anOverdueEventIsAppliedAndChangesNothing() {
        feed(standOn(LocalDate.of(2023, 12, 31)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath streams = ok("admin", "/api/admin/event-streams", "subject", p7Id.toString());
            String project = "find { it.topic == 'pipeline.project.events' }.";
            assertThat(streams.getLong(project + "lastSequence")).isEqualTo(p7Sequence);
            assertThat(streams.getLong(project + "gaps")).isZero();
        });
        assertThat(ok("admin", LIST, "district", HUIJI).getList("items.code")).contains(P7);
    }

    @Test
    void theOpenApiSaysWhatItAnswers() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        for (String path : List.of(LIST, SUMMARY)) {
            Map<String, Object> responses = doc.getMap("paths.'" + path + "'.get.responses");
            assertThat(responses).containsKeys("200", "400", "401", "403");
            assertThat(doc.getMap("paths.'" + path + "'.get.responses.'400'.content"))
                    .containsKey("application/problem+json");
        }
        Map<String, Object> item = doc.getMap("components.schemas.UnreportedItem.properties");
        assertThat(item).containsKeys("projectId", "code", "name", "district", "leader", "deadline", "overdue",
                "daysOverdue");
        assertThat(String.valueOf(item.get("leader"))).contains("null").contains("分包领导");
        assertThat(String.valueOf(item.get("deadline"))).contains("#/components/schemas/LocalDate");
        assertThat(doc.getString("components.schemas.LocalDate.format")).isEqualTo("date");
        assertThat(String.valueOf(doc.getMap("components.schemas.UnreportedPage.properties").get("deadline")))
                .contains("null");
    }

    /** Dropping the read models and replaying every event ends with the same lists and counts. */
    @Test
    void aRebuildEndsWithTheSameLists() {
        feed(standOn(LocalDate.of(2024, 2, 29)));
        List<String> before = everything();
        given().header("Authorization", Tokens.bearer("admin")).post("/api/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(ok("admin", "/api/admin/rebuild").getString("state")).isEqualTo("DONE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(everything()).isEqualTo(before));
    }

    private static List<String> everything() {
        List<String> out = new ArrayList<>();
        for (String[] period : List.of(new String[]{"2023", "3"}, new String[]{"2023", "4"},
                new String[]{"2023", "6"}, new String[]{"2023", "7"}, new String[]{"2023", "12"},
                new String[]{"2024", "2"})) {
            out.add(get("admin", LIST, "year", period[0], "month", period[1], "size", "200").asString());
            out.add(get("admin", SUMMARY, "year", period[0], "month", period[1]).asString());
        }
        return out;
    }
}
