package cn.zz.pipeline.approval.calendar;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.testsupport.Concurrently;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The calendar API on a real database: the migrated schedules, conditional PUTs, validation, roles, races. Each test
 * that writes owns its own year (2031 and later), so the tests do not depend on their order.
 */
@QuarkusTest
class CalendarResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    WorkCalendars calendars;

    @Inject
    EntityManager em;

    @TestHTTPResource("/api/calendars")
    URI base;

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON);
    }

    private static Map<String, Object> day(String date, String name) {
        return Map.of("date", date, "name", name);
    }

    private static Map<String, Object> body(List<Map<String, Object>> holidays, List<Map<String, Object>> workdays) {
        return Map.of("holidays", holidays, "workdays", workdays);
    }

    private static ValidatableResponse put(String user, int year, String ifMatch, Object body) {
        RequestSpecification r = as(user);
        if (ifMatch != null) {
            r = r.header("If-Match", ifMatch);
        }
        return r.body(body).put("/api/calendars/" + year).then();
    }

    private static List<String> violations(ValidatableResponse r) {
        JsonPath json = r.extract().jsonPath();
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : json.<Map<String, Object>>getList("violations")) {
            out.add(v.get("field") + " " + v.get("code"));
        }
        return out;
    }

    @Test
    void the2025ScheduleIsListed() {
        as("staff.shangjie").get("/api/calendars/2025").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("year", equalTo(2025)).body("configured", equalTo(true)).body("version", equalTo(1))
                .body("holidays", hasSize(28))
                .body("holidays[0].date", equalTo("2025-01-01")).body("holidays[0].name", equalTo("元旦"))
                .body("holidays.date", hasItem("2025-01-28")).body("holidays.date", hasItem("2025-10-08"))
                .body("workdays.date", contains("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"))
                .body("workdays[0].name", equalTo("春节调休"))
                .body("workingDays", equalTo(248)).body("updatedBy", equalTo("system"));
        for (String user : List.of("approver.ndrc", "leader.shangjie", "admin")) {
            as(user).get("/api/calendars/2025").then().statusCode(200).body("year", equalTo(2025));
        }
        as("staff.shangjie").get("/api/calendars/2024").then().statusCode(200).body("workingDays", equalTo(251));
        as("staff.shangjie").get("/api/calendars/2026").then().statusCode(200).body("workingDays", equalTo(248))
                .body("workdays.date", contains("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                        "2026-10-10"));
    }

    @Test
    void theMigrationStoresThePublishedSchedules() {
        for (CalendarYear expected : List.of(Schedules.Y2024, Schedules.Y2025, Schedules.Y2026)) {
            CalendarYearView stored = calendars.year(expected.year());
            assertThat(stored.configured()).isTrue();
            assertThat(stored.holidays()).extracting(CalendarYearView.Day::date)
                    .containsExactlyElementsOf(expected.holidays().keySet());
            assertThat(stored.workdays()).extracting(CalendarYearView.Day::date)
                    .containsExactlyElementsOf(expected.workdays().keySet());
        }
        WorkingCalendar current = calendars.current();
        for (LocalDate d = LocalDate.parse("2024-01-01"); d.getYear() < 2027; d = d.plusDays(1)) {
            assertThat(current.isWorkingDay(d)).as("%s", d).isEqualTo(Schedules.PUBLISHED.isWorkingDay(d));
        }
    }

    @Test
    void anUnconfiguredYearCountsWeekdays() {
        as("approver.ndrc").get("/api/calendars/2027").then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("year", equalTo(2027)).body("configured", equalTo(false)).body("version", equalTo(0))
                .body("holidays", empty()).body("workdays", empty()).body("workingDays", equalTo(261));
        assertThat(calendars.current().configured(2027)).isFalse();
    }

    @Test
    void aPathThatIsNoYearIs404() {
        as("admin").get("/api/calendars/1999").then().statusCode(404).contentType(PROBLEM);
        as("admin").get("/api/calendars/2101").then().statusCode(404).contentType(PROBLEM);
        as("admin").get("/api/calendars/20x5").then().statusCode(404).contentType(PROBLEM);
        put("admin", 2101, "*", body(List.of(), List.of())).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void adminCreatesAndChangesAYear() {
        Map<String, Object> first = body(List.of(day("2031-01-01", "元旦")), List.of(day("2031-01-04", "元旦调休")));
        put("admin", 2031, "\"0\"", first).statusCode(200).header("ETag", "\"1\"")
                .body("configured", equalTo(true)).body("version", equalTo(1))
                .body("holidays[0].date", equalTo("2031-01-01")).body("workdays[0].date", equalTo("2031-01-04"))
                .body("updatedBy", equalTo("admin")).body("updatedAt", notNullValue())
                .body("workingDays", equalTo(261)); // one weekday off, one Saturday on
        as("staff.shangjie").get("/api/calendars/2031").then().statusCode(200).header("ETag", "\"1\"")
                .body("holidays.name", contains("元旦")).body("workdays.name", contains("元旦调休"))
                .body("workingDays", equalTo(261));
        WorkingCalendar c = calendars.current();
        assertThat(c.configured(2031)).isTrue();
        assertThat(c.isWorkingDay(LocalDate.parse("2031-01-01"))).isFalse();
        assertThat(c.isWorkingDay(LocalDate.parse("2031-01-04"))).isTrue();

        // The whole year is replaced: the make-up Saturday goes, three days off come.
        Map<String, Object> second = body(List.of(day("2031-01-01", "元旦"), day("2031-01-02", "元旦"),
                day("2031-01-03", "元旦")), List.of());
        put("admin", 2031, "W/\"1\"", second).statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2))
                .body("workingDays", equalTo(258));
        as("leader.city").get("/api/calendars/2031").then().statusCode(200).header("ETag", "\"2\"")
                .body("holidays", hasSize(3)).body("workdays", empty());
        c = calendars.current();
        assertThat(c.isWorkingDay(LocalDate.parse("2031-01-02"))).isFalse();
        assertThat(c.isWorkingDay(LocalDate.parse("2031-01-04"))).isFalse();
        assertThat(c.addWorkingDays(LocalDate.parse("2030-12-31"), 1)).isEqualTo(LocalDate.parse("2031-01-06"));

        put("admin", 2031, "*", first).statusCode(200).header("ETag", "\"3\"");
        put("admin", 2031, "\"1\", \"3\"", first).statusCode(200).header("ETag", "\"4\"");
        assertThat(calendars.current().isWorkingDay(LocalDate.parse("2031-01-04"))).isTrue();
    }

    @Test
    void ifMatchIsRequiredAndChecked() {
        Map<String, Object> b = body(List.of(day("2034-01-02", "元旦")), List.of());
        put("admin", 2034, null, b).statusCode(428).contentType(PROBLEM)
                .body("type", equalTo("urn:pipeline:problem:precondition-required"));
        put("admin", 2034, "\"abc\"", b).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("If-Match"));
        put("admin", 2034, "\"5\"", b).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:pipeline:problem:stale-version"));
        put("admin", 2034, "\"0\"", b).statusCode(200).header("ETag", "\"1\"");
        put("admin", 2034, "\"0\"", body(List.of(), List.of())).statusCode(409).contentType(PROBLEM);
        // The refused writes changed nothing.
        as("admin").get("/api/calendars/2034").then().statusCode(200).header("ETag", "\"1\"")
                .body("holidays.date", contains("2034-01-02"));
    }

    @Test
    void onlyAdminWrites() {
        Map<String, Object> b = body(List.of(), List.of());
        for (String user : List.of("staff.shangjie", "approver.ndrc", "leader.city")) {
            put(user, 2036, "*", b).statusCode(403).contentType(PROBLEM);
        }
        given().contentType(ContentType.JSON).header("If-Match", "*").body(b).put("/api/calendars/2036").then()
                .statusCode(401).contentType(PROBLEM);
        given().get("/api/calendars/2025").then().statusCode(401).contentType(PROBLEM);
        as("admin").get("/api/calendars/2036").then().statusCode(200).body("configured", equalTo(false));
    }

    @Test
    void everyInvalidEntryIsNamed() {
        String json = """
                {"holidays": [
                   {"date": null, "name": "元旦"},
                   {"date": "2033-13-01", "name": "元旦"},
                   {"date": "2032-05-01", "name": "劳动节"},
                   {"date": "2033-05-02", "name": "劳动节"},
                   {"date": "2033-05-02", "name": "劳动节"},
                   {"date": "2033-05-03", "name": "  "},
                   {"date": "2033-05-04", "name": "%s"},
                   {"date": "2033-02-30", "name": "春节"}
                 ],
                 "workdays": [
                   {"date": "2033-05-02", "name": "劳动节调休"},
                   {"date": "2033-05-09", "name": "劳动节调休"},
                   {"date": "2033-05-07", "name": "劳动节调休"},
                   {"name": "劳动节调休"}
                 ]}
                """.formatted("节".repeat(51));
        ValidatableResponse r = put("admin", 2033, "\"0\"", json).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:pipeline:problem:validation-failed"));
        assertThat(violations(r)).containsExactly(
                "holidays[0].date required",
                "holidays[1].date invalid-format",
                "holidays[2].date not-in-year",
                "holidays[4].date duplicate",
                "holidays[5].name NotBlank",
                "holidays[6].name Size",
                "holidays[7].date invalid-format",
                "workdays[0].date conflict",
                "workdays[1].date not-a-weekend",
                "workdays[3].date required");
        JsonPath problem = r.extract().jsonPath();
        assertThat(problem.getString("violations[1].value")).isEqualTo("2033-13-01");
        assertThat(problem.getString("violations[1].message")).isNotBlank();

        put("admin", 2033, "\"0\"", "{\"holidays\": []}").statusCode(400)
                .body("violations[0].field", equalTo("workdays")).body("violations[0].code", equalTo("required"));
        put("admin", 2033, "\"0\"", "{\"holidays\": [], \"workdays\": [], \"extra\": 1}").statusCode(400)
                .body("violations[0].code", equalTo("unknown-field"));
        put("admin", 2033, "\"0\"", "{\"holidays\": [{\"date\": {}, \"name\": \"x\"}], \"workdays\": []}")
                .statusCode(400).body("violations[0].field", equalTo("holidays[0].date"));
        put("admin", 2033, "\"0\"", "{\"holidays\": [null], \"workdays\": []}").statusCode(400)
                .body("violations[0].field", equalTo("holidays[0]"));
        // Nothing was written.
        as("admin").get("/api/calendars/2033").then().statusCode(200).body("configured", equalTo(false));
        assertThat(calendars.current().configured(2033)).isFalse();
    }

    @Test
    void ofTwoConcurrentWritesWithTheSameVersionOneWins() throws Exception {
        // Creating (version 0) and changing (version n) a year, several rounds.
        for (int round = 0; round < 4; round++) {
            String version = "\"" + round + "\"";
            String a = "{\"holidays\": [{\"date\": \"2032-01-01\", \"name\": \"元旦\"}], \"workdays\": []}";
            String b = "{\"holidays\": [{\"date\": \"2032-10-01\", \"name\": \"国庆节\"}],"
                    + " \"workdays\": [{\"date\": \"2032-10-09\", \"name\": \"国庆节调休\"}]}";
            List<HttpResponse<String>> answers = race(2032, version, a, b);
            List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
            assertThat(statuses).as("round %d", round).containsExactly(200, 409);
            HttpResponse<String> winner = answers.get(0).statusCode() == 200 ? answers.get(0) : answers.get(1);
            HttpResponse<String> loser = answers.get(0).statusCode() == 200 ? answers.get(1) : answers.get(0);
            assertThat(loser.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
            assertThat(winner.headers().firstValue("ETag")).hasValue("\"" + (round + 1) + "\"");
            JsonPath won = JsonPath.from(winner.body());
            as("admin").get("/api/calendars/2032").then().statusCode(200)
                    .header("ETag", "\"" + (round + 1) + "\"")
                    .body("holidays.date", equalTo(won.getList("holidays.date")))
                    .body("workdays.date", equalTo(won.getList("workdays.date")));
        }
    }

    /**
     * Two saves that both passed the version check: the second waits on the first's row (or key) and then finds the
     * version moved on, so it is refused, whether the year is being created or changed.
     */
    @Test
    void theVersionCheckInTheWriteDecidesARace() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (long expected = 0; expected < 2; expected++) {
                long version = expected;
                CountDownLatch written = new CountDownLatch(1);
                CountDownLatch commit = new CountDownLatch(1);
                Future<CalendarYearView> first = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                    CalendarYearView v = calendars.save(2037, Map.of(LocalDate.parse("2037-01-01"), "元旦"), Map.of(),
                            "first", version);
                    written.countDown();
                    commit.await(30, TimeUnit.SECONDS);
                    return v;
                }));
                assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
                Future<CalendarYearView> second = pool.submit(() -> calendars.save(2037, Map.of(), Map.of(), "second",
                        version));
                await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnALock() == 1);
                commit.countDown();
                assertThat(first.get().version()).isEqualTo(version + 1);
                assertThatThrownBy(second::get).cause().isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(409));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calendars.year(2037).updatedBy()).isEqualTo("first");
        assertThat(calendars.current().isWorkingDay(LocalDate.parse("2037-01-01"))).isFalse();
    }

    /** A year saved by another instance reaches this one's cache on the next reload (TTL); the API reads at once. */
    @Test
    void anEditByAnotherInstanceArrivesWithTheNextReload() {
        LocalDate newYear = LocalDate.parse("2038-01-01"); // a Friday
        assertThat(calendars.current().isWorkingDay(newYear)).isTrue(); // loaded within the TTL
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into calendar_year (year, version, updated_by) values (2038, 1, 'other')")
                    .executeUpdate();
            em.createNativeQuery("insert into calendar_day (day, year, kind, name)"
                    + " values (date '2038-01-01', 2038, 'HOLIDAY', '元旦')").executeUpdate();
        });
        as("staff.shangjie").get("/api/calendars/2038").then().statusCode(200).header("ETag", "\"1\"")
                .body("holidays.date", contains("2038-01-01"));
        assertThat(calendars.current().isWorkingDay(newYear)).isTrue(); // still the cached calendar
        calendars.invalidate(); // what the TTL does after a while
        assertThat(calendars.current().isWorkingDay(newYear)).isFalse();
    }

    private long waitingOnALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from"
                + " pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
                + " and query like '%calendar_year%'").getSingleResult()).longValue());
    }

    /** Two PUTs released at the same moment. */
    private List<HttpResponse<String>> race(int year, String ifMatch, String first, String second) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = Tokens.bearer("admin");
        List<String> bodies = List.of(first, second);
        return Concurrently.run(2, i -> http.send(HttpRequest.newBuilder(URI.create(base + "/" + year))
                        .header("Authorization", token).header("If-Match", ifMatch)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .PUT(HttpRequest.BodyPublishers.ofString(bodies.get(i), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }
}
