package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.Concurrently;
import cn.zz.pipeline.testsupport.Tokens;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Monthly completed investment: 1-N月 cumulative figures, January folded into 1-2月, corrections kept. The service's
 * clock stands on {@link #TODAY}, so every period's place in the calendar is known (the periods of {@link #YEAR}
 * are all past, next month is not January unless a test moves the clock).
 */
@QuarkusTest
class InvestmentTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 16);
    private static final int YEAR = TODAY.getYear() - 1;

    private Today.Fixed today;

    @BeforeEach
    void fixTheClock() {
        today = Api.standOn(TODAY);
    }

    private static String period(int month) {
        return String.format("%d-%02d", YEAR, month);
    }

    private static io.restassured.response.Response put(String id, String period, Object amount, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        if (reason != null) {
            body.put("reason", reason);
        }
        return as("staff.shangjie").body(body).put("/api/projects/" + id + "/investments/" + period);
    }

    @Test
    void onlyAdmittedProjectsReport() {
        String id = Api.registered();
        put(id, period(3), 100, null).then().statusCode(409)
                .body("type", equalTo("urn:pipeline:problem:not-admitted"))
                .body("detail", containsString("先入库"));
    }

    @Test
    void periodRules() {
        String id = Approvals.admitted();
        put(id, "2025-07", 100, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:future-period"))
                .body("violations.code", equalTo(List.of("future-period")))
                .body("violations[0].limit", equalTo("2025-06"));
        put(id, YEAR + "-01", 100, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:january-folded"))
                .body("violations.code", equalTo(List.of("january-folded")))
                .body("violations[0].limit", equalTo(YEAR + "-02"))
                .body("detail", containsString(YEAR + "-02"));
        put(id, "1999-03", 100, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:period-out-of-range"));
        put(id, YEAR + "-13", 100, null).then().statusCode(400).body("violations[0].field", equalTo("period"));
        put(id, period(3), -1, null).then().statusCode(400).body("violations[0].field", equalTo("amount"));
        as("staff.shangjie").body("{}").put("/api/projects/" + id + "/investments/" + period(3)).then()
                .statusCode(400).body("violations[0].field", equalTo("amount"));
        assertThat(Api.version(id)).isEqualTo(3); // nothing was recorded
    }

    /** In December, next month is January of next year: folded and in the future, both said at once. */
    @Test
    void aJanuaryInTheFutureBreaksBothRules() {
        today.set(LocalDate.of(2025, 12, 3));
        String id = Approvals.admitted();
        put(id, "2026-01", 100, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:period-not-reportable"))
                .body("violations.field", equalTo(List.of("period", "period")))
                .body("violations.code", equalTo(List.of("january-folded", "future-period")))
                .body("violations[0].limit", equalTo("2026-02"))
                .body("violations[1].limit", equalTo("2025-12"));
        put(id, "2026-02", 100, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:future-period"));
        assertThat(Api.version(id)).isEqualTo(3);
        // the current month may be reported; on 1 January, last December is the latest period
        put(id, "2025-12", 100, null).then().statusCode(200).header("ETag", "\"4\"");
        today.set(LocalDate.of(2026, 1, 1));
        put(id, "2026-01", 150, null).then().statusCode(422)
                .body("violations.code", equalTo(List.of("january-folded")));
        put(id, "2025-12", 120, null).then().statusCode(200).header("ETag", "\"5\"");
    }

    @Test
    void correctionsAreKeptAndRepeatsChangeNothing() {
        String id = Approvals.admitted(); // version 3
        put(id, period(2), 800, null).then().statusCode(200).header("ETag", "\"4\"")
                .body("period", equalTo(period(2))).body("amount", equalTo(800));
        put(id, period(3), 1500.5, null).then().statusCode(200).header("ETag", "\"5\"");
        // the same figure again: 200, no new version, no event
        put(id, period(3), 1500.50, "重复提交").then().statusCode(200).header("ETag", "\"5\"");
        // a correction
        put(id, period(3), 1600, "统计口径调整").then().statusCode(200).header("ETag", "\"6\"")
                .body("amount", equalTo(1600)).body("reason", equalTo("统计口径调整"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("revisions")));

        JsonPath ledger = as("leader.shangjie").get("/api/projects/" + id + "/investments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ledger.getList("periods.period")).containsExactly(period(2), period(3));
        assertThat(ledger.getDouble("completed")).isEqualTo(1600.0);
        assertThat(ledger.getList("periods[1].revisions.amount", Float.class)).containsExactly(1500.5f, 1600f);
        assertThat(ledger.getString("periods[1].revisions[0].previousAmount")).isNull();
        assertThat(ledger.getFloat("periods[1].revisions[1].previousAmount")).isEqualTo(1500.5f);
        assertThat(ledger.getString("periods[1].revisions[1].reason")).isEqualTo("统计口径调整");
        assertThat(ledger.getString("periods[1].revisions[1].actor")).isEqualTo("staff.shangjie");

        EventEnvelope first = Kafka.awaitProjectEvent(id, 5);
        InvestmentReported r = (InvestmentReported) first.data();
        assertThat(r.period()).isEqualTo(period(3));
        assertThat(r.amount()).isEqualByComparingTo(new BigDecimal("1500.5"));
        assertThat(r.previousAmount()).isNull();
        InvestmentReported correction = (InvestmentReported) Kafka.awaitProjectEvent(id, 6).data();
        assertThat(correction.amount()).isEqualByComparingTo(new BigDecimal("1600"));
        assertThat(correction.previousAmount()).isEqualByComparingTo(new BigDecimal("1500.5"));
        assertThat(correction.reason()).isEqualTo("统计口径调整");
        assertThat(correction.year()).isEqualTo(YEAR);
        assertThat(correction.month()).isEqualTo(3);

        // one more change, so that an event of the repeated report would have shown up before it
        as("staff.shangjie").body(Map.of("leader", "王副区长")).put("/api/projects/" + id + "/assignment")
                .then().statusCode(200).body("version", equalTo(7));
        Kafka.awaitProjectEvent(id, 7);
        assertThat(Kafka.projectEvents(id).stream().filter(e -> e.data() instanceof InvestmentReported)).hasSize(3);
        assertThat(Kafka.projectEvents(id).stream().map(EventEnvelope::sequence))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        JsonPath history = as("staff.shangjie").get("/api/projects/" + id + "/history").then().extract().jsonPath();
        assertThat(history.getString("[5].action")).isEqualTo("investment-reported");
        assertThat(history.getFloat("[5].detail.previousAmount")).isEqualTo(1500.5f);
    }

    @Test
    void implausibleFiguresNeedAReason() {
        String id = Approvals.admitted(); // total investment 30000
        put(id, period(6), 20000, null).then().statusCode(200);
        // cumulative figures of a year do not go down month by month without a reason
        put(id, period(9), 19000, null).then().statusCode(422)
                .body("type", equalTo("urn:pipeline:problem:reason-required"))
                .body("violations[0].code", equalTo("cumulative-order"))
                .body("violations[0].limit", equalTo(20000));
        put(id, period(9), 25000, null).then().statusCode(200);
        // the project's completed investment would exceed its total investment
        put(id, period(12), 31000, null).then().statusCode(422)
                .body("violations.code", equalTo(List.of("exceeds-total-investment")))
                .body("violations[0].value", equalTo(31000))
                .body("violations[0].limit", equalTo(30000));
        put(id, period(12), 31000, "追加投资，总投资待调整").then().statusCode(200).body("reason",
                equalTo("追加投资，总投资待调整"));
        assertThat(as("staff.shangjie").get("/api/projects/" + id + "/investments").then().extract().jsonPath()
                .getDouble("completed")).isEqualTo(31000.0);
        // figures of two years add up: last year's 31000 plus this year's 1-2月
        put(id, TODAY.getYear() + "-02", 500, null).then().statusCode(422)
                .body("violations[0].value", equalTo(31500));
    }

    /** Concurrent first reports of one period without If-Match: each is 200 or 409, never a 500, and one row stays. */
    @Test
    void concurrentFirstReportsOfAPeriod() throws Exception {
        String id = Approvals.admitted();
        long admitted = Api.version(id);
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.bearer("staff.shangjie");
        String uri = "http://localhost:" + RestAssured.port + "/api/projects/" + id + "/investments/" + period(5);
        int n = 8;
        List<Integer> statuses = Concurrently.run(n, i -> http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"amount\":" + (100 + i) + "}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertThat(statuses).contains(200).allMatch(s -> s == 200 || s == 409);
        long won = statuses.stream().filter(s -> s == 200).count();
        assertThat(Api.version(id)).isEqualTo(admitted + won);
        as("admin").get("/api/projects/" + id + "/investments").then().statusCode(200)
                .body("periods.findAll { it.period == '" + period(5) + "' }.size()", equalTo(1));
    }
}
