package cn.zz.pipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import cn.zz.pipeline.e2e.contract.Contract;
import cn.zz.pipeline.e2e.contract.Contract.Service;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drives every operation of reporting-service through its Prism proxy (issue 16's contract test), as leaders, staff
 * and admin read it: the reports over the seed data (with its nulls: districts without figures, groups without a
 * plan), the four ledgers as JSON and as workbooks, the OC4IDS export, the admin's targets and restated bases (on a
 * far year, so that no report changes), the reconciliation, a rebuild, and each operation's reachable documented
 * errors (403 out of scope, 404, 409 stale If-Match, 428 If-Match missing, 400 business rules).
 */
final class ReportingOperations {

    private static final String CITY = "4101";
    private static final String SHANGJIE = "410106";
    private static final String XINZHENG = "410184";
    /** Targets and restated bases set here live in a year no report of the seeds reads. */
    private static final int FAR_YEAR = 2099;

    private final Contract contract;

    ReportingOperations(Contract contract) {
        this.contract = contract;
    }

    void drive() {
        investment();
        pipelineFunnel();
        approvalsAndProblems();
        campaigns();
        landToStart();
        unreported();
        warnings();
        ledgers();
        oc4ids();
        targets();
        restatedBases();
        reconciliation();
        eventStreams();
        rebuild(); // last: the read models are partial until it is done
    }

    /** A request as {@code user} through the proxy (the harness gives a specification to start from). */
    private RequestSpecification as(String user) {
        return given().spec(contract.as(Service.REPORTING, user));
    }

    private JsonPath ok(Response response) {
        return response.then().statusCode(200).extract().jsonPath();
    }

    /** 投资统计: every grouping, a park's categories, the monthly series, rankings; out-of-scope and rule errors. */
    private void investment() {
        for (String by : List.of("district", "park", "chain", "industry", "category")) {
            ok(as("leader.city").queryParam("year", 2025).queryParam("month", 6).queryParam("by", by)
                    .get("/api/reports/investment"));
        }
        ok(as("leader.shangjie").queryParam("year", 2025).queryParam("month", 12).queryParam("district", SHANGJIE)
                .get("/api/reports/investment"));
        ok(as("admin").get("/api/reports/investment"));
        ok(as("leader.shangjie").queryParam("year", 2024).queryParam("month", 6)
                .queryParam("park", "上街区先进制造业开发区").get("/api/reports/investment"));
        // a park's report is grouped by category only
        as("leader.shangjie").queryParam("park", "上街区先进制造业开发区").queryParam("by", "district")
                .get("/api/reports/investment").then().statusCode(400);
        as("staff.shangjie").queryParam("district", XINZHENG).get("/api/reports/investment").then().statusCode(403);

        ok(as("leader.city").queryParam("year", 2025).get("/api/reports/investment/monthly"));
        ok(as("staff.xinzheng").get("/api/reports/investment/monthly"));
        ok(as("leader.city").queryParam("year", 2025).queryParam("month", 6).get("/api/reports/rankings"));
        ok(as("staff.shangjie").get("/api/reports/rankings"));
    }

    /** The pipeline funnel, now and as of a past day; a future day is refused. */
    private void pipelineFunnel() {
        ok(as("leader.city").get("/api/reports/pipeline"));
        ok(as("staff.shangjie").queryParam("district", SHANGJIE).queryParam("asOf", "2025-06-30")
                .get("/api/reports/pipeline"));
        as("leader.city").queryParam("asOf", "2099-01-01").get("/api/reports/pipeline").then().statusCode(400);
    }

    private void approvalsAndProblems() {
        ok(as("approver.ndrc").get("/api/reports/approvals"));
        ok(as("leader.shangjie").queryParam("district", SHANGJIE).get("/api/reports/approvals"));
        ok(as("leader.city").get("/api/reports/problems"));
        ok(as("staff.xinzheng").get("/api/reports/problems"));
        as("leader.shangjie").queryParam("district", XINZHENG).get("/api/reports/problems").then().statusCode(403);
    }

    /** 三个一批: the seeds' campaigns, each one's report city-wide and in a district; an unknown one is 404. */
    private void campaigns() {
        List<String> ids = ok(as("leader.city").get("/api/reports/campaigns")).getList("items.id");
        assertThat(ids).as("the seeds' campaigns").isNotEmpty();
        ok(as("staff.shangjie").get("/api/reports/campaigns"));
        for (String id : ids) {
            ok(as("leader.city").get("/api/reports/campaigns/{id}", id));
        }
        ok(as("leader.shangjie").queryParam("district", SHANGJIE).get("/api/reports/campaigns/{id}", ids.get(0)));
        as("leader.city").get("/api/reports/campaigns/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    private void landToStart() {
        ok(as("leader.city").queryParam("year", 2025).get("/api/reports/land-to-start"));
        ok(as("staff.shangjie").get("/api/reports/land-to-start"));
    }

    /** 未报清单 and its summary, over a past and the current period. */
    private void unreported() {
        ok(as("leader.city").queryParam("year", 2025).queryParam("month", 6).queryParam("size", 200)
                .get("/api/reports/unreported"));
        ok(as("staff.shangjie").queryParam("page", 2).queryParam("size", 5).get("/api/reports/unreported"));
        ok(as("leader.city").queryParam("year", 2025).queryParam("month", 6).get("/api/reports/unreported/summary"));
        ok(as("leader.shangjie").get("/api/reports/unreported/summary"));
        // a period that has not begun has no list yet
        as("leader.city").queryParam("year", 2100).queryParam("month", 12).get("/api/reports/unreported")
                .then().statusCode(400);
    }

    /** 预警: both lights and each one, and the lights per district. */
    private void warnings() {
        ok(as("leader.city").queryParam("size", 200).get("/api/reports/warnings"));
        ok(as("leader.city").queryParam("light", "RED").get("/api/reports/warnings"));
        ok(as("staff.shangjie").queryParam("light", "YELLOW").queryParam("district", SHANGJIE)
                .get("/api/reports/warnings"));
        ok(as("leader.city").get("/api/reports/warnings/summary"));
        ok(as("staff.xinzheng").queryParam("district", XINZHENG).get("/api/reports/warnings/summary"));
    }

    /** The four ledgers: a JSON page each (with the filters they take), and each as a workbook. */
    private void ledgers() {
        for (String ledger : List.of("progress", "procedures", "problems", "admission")) {
            ok(as("leader.city").queryParam("size", 200).get("/api/ledgers/{ledger}", ledger));
            ok(as("staff.shangjie").queryParam("year", 2025).get("/api/ledgers/{ledger}", ledger));
            byte[] xlsx = as("leader.shangjie").queryParam("format", "xlsx").get("/api/ledgers/{ledger}", ledger)
                    .then().statusCode(200).extract().asByteArray();
            assertThat(xlsx).as("a zip (xlsx) of " + ledger).startsWith('P', 'K');
        }
        ok(as("approver.nr").queryParam("state", "PENDING").queryParam("overdue", true)
                .get("/api/ledgers/{ledger}", "procedures"));
        as("staff.xinzheng").accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/ledgers/{ledger}", "admission").then().statusCode(200);
    }

    private void oc4ids() {
        ok(as("leader.shangjie").get("/api/exports/oc4ids"));
        ok(as("approver.ee").queryParam("district", XINZHENG).queryParam("stage", "STARTED")
                .get("/api/exports/oc4ids"));
    }

    /** 目标任务: set (428 without If-Match once it exists, 409 stale), read, list, remove (404 once gone). */
    private void targets() {
        String path = "/api/admin/targets/{district}/{year}";
        Map<String, Object> body = Map.of("amount", 123456.5, "reason", "契约测试 (contract test)");
        // a leftover of an earlier run is removed first
        Response existing = as("admin").get(path, SHANGJIE, FAR_YEAR);
        if (existing.statusCode() == 200) {
            as("admin").header("If-Match", existing.header("ETag")).delete(path, SHANGJIE, FAR_YEAR)
                    .then().statusCode(204);
        }
        as("leader.shangjie").get(path, SHANGJIE, FAR_YEAR).then().statusCode(404);
        as("leader.city").get(path, "4102", FAR_YEAR).then().statusCode(400); // not a region of the city
        as("admin").contentType("application/json").body(Map.of("amount", 1.23456)).put(path, SHANGJIE, FAR_YEAR)
                .then().statusCode(400); // at most 4 decimals
        String etag = as("admin").contentType("application/json").body(body).put(path, SHANGJIE, FAR_YEAR)
                .then().statusCode(200).extract().header("ETag");
        as("admin").contentType("application/json").body(Map.of("amount", 100)).put(path, SHANGJIE, FAR_YEAR)
                .then().statusCode(428);
        as("admin").contentType("application/json").header("If-Match", "\"999\"").body(body)
                .put(path, SHANGJIE, FAR_YEAR).then().statusCode(409);
        etag = as("admin").contentType("application/json").header("If-Match", etag).body(Map.of("amount", 200000))
                .put(path, SHANGJIE, FAR_YEAR).then().statusCode(200).extract().header("ETag");
        ok(as("leader.shangjie").get(path, SHANGJIE, FAR_YEAR));
        as("staff.xinzheng").get(path, SHANGJIE, FAR_YEAR).then().statusCode(403);
        ok(as("leader.city").queryParam("year", FAR_YEAR).get("/api/admin/targets"));
        ok(as("staff.shangjie").get("/api/admin/targets"));
        as("admin").delete(path, SHANGJIE, FAR_YEAR).then().statusCode(428);
        as("admin").header("If-Match", "\"999\"").delete(path, SHANGJIE, FAR_YEAR).then().statusCode(409);
        as("admin").header("If-Match", etag).delete(path, SHANGJIE, FAR_YEAR).then().statusCode(204);
        as("admin").header("If-Match", etag).delete(path, SHANGJIE, FAR_YEAR).then().statusCode(404);
    }

    /** 同口径基数: set, change with If-Match (428 without, 409 stale), list, remove. */
    private void restatedBases() {
        String path = "/api/admin/restated-bases/{district}/{category}/{period}";
        String period = FAR_YEAR + "-06";
        Map<String, Object> body = Map.of("amount", 98765.4321, "reason", "口径调整 (contract test)");
        JsonPath left = ok(as("admin").queryParam("year", FAR_YEAR).queryParam("district", SHANGJIE)
                .get("/api/admin/restated-bases"));
        for (Map<String, Object> b : left.<Map<String, Object>>getList("$")) {
            as("admin").header("If-Match", "\"" + b.get("version") + "\"")
                    .delete(path, b.get("district"), b.get("category"), b.get("period")).then().statusCode(204);
        }
        as("admin").contentType("application/json").body(Map.of("amount", 1, "reason", "  "))
                .put(path, SHANGJIE, "INDUSTRIAL", period).then().statusCode(400); // a reason is required
        String etag = as("admin").contentType("application/json").body(body)
                .put(path, SHANGJIE, "INDUSTRIAL", period).then().statusCode(200).extract().header("ETag");
        as("admin").contentType("application/json").body(body).put(path, SHANGJIE, "INDUSTRIAL", period)
                .then().statusCode(428);
        as("admin").contentType("application/json").header("If-Match", "\"999\"").body(body)
                .put(path, SHANGJIE, "INDUSTRIAL", period).then().statusCode(409);
        etag = as("admin").contentType("application/json").header("If-Match", etag)
                .body(Map.of("amount", 0, "reason", "基数归零 (contract test)"))
                .put(path, SHANGJIE, "INDUSTRIAL", period).then().statusCode(200).extract().header("ETag");
        ok(as("leader.shangjie").queryParam("year", FAR_YEAR).get("/api/admin/restated-bases"));
        ok(as("staff.xinzheng").get("/api/admin/restated-bases"));
        as("admin").delete(path, SHANGJIE, "INDUSTRIAL", period).then().statusCode(428);
        as("admin").header("If-Match", "\"999\"").delete(path, SHANGJIE, "INDUSTRIAL", period).then().statusCode(409);
        as("admin").header("If-Match", etag).delete(path, SHANGJIE, "INDUSTRIAL", period).then().statusCode(204);
        as("admin").header("If-Match", etag).delete(path, SHANGJIE, "INDUSTRIAL", period).then().statusCode(404);
    }

    private void reconciliation() {
        ok(as("admin").queryParam("year", 2025).queryParam("month", 6).get("/api/admin/reconciliation"));
    }

    /** What the projection applied of one project's stream (platform's resource, served here too). */
    private void eventStreams() {
        String subject = ok(as("leader.shangjie").get("/api/ledgers/{ledger}", "progress"))
                .getString("items[0].projectId");
        ok(as("admin").queryParam("subject", subject).get("/api/admin/event-streams"));
        ok(as("admin").queryParam("subject", UUID.randomUUID()).get("/api/admin/event-streams"));
    }

    /** Rebuild: 202 with the progress, 409 while it runs, then its progress until done. */
    private void rebuild() {
        // before any rebuild since the service started there is no progress to show
        as("admin").get("/api/admin/rebuild").then().statusCode(oneOf(200, 404));
        as("admin").post("/api/admin/rebuild").then().statusCode(202);
        // while it runs a second one is refused; a machine fast enough to finish it first starts another
        as("admin").post("/api/admin/rebuild").then().statusCode(oneOf(409, 202));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() ->
                "DONE".equals(ok(as("admin").get("/api/admin/rebuild")).getString("state")));
    }
}
