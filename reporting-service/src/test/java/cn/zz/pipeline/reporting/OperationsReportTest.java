package cn.zz.pipeline.reporting;

import io.quarkus.test.junit.QuarkusMock;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.events.Decision;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.approval.ApprovalTask;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.events.approval.CaseRejected;
import cn.zz.pipeline.events.approval.TaskDecided;
import cn.zz.pipeline.events.approval.TaskOverdue;
import cn.zz.pipeline.events.approval.TaskReturned;
import cn.zz.pipeline.events.project.ProblemLogged;
import cn.zz.pipeline.events.project.ProblemResolved;
import cn.zz.pipeline.events.project.ProjectStarted;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The funnel as of a past day and the time between stages; approval lead times and overdue tasks; problems. The
 * service's today is a leap day, so that "overdue" and "days overdue" count across the end of February.
 */
@QuarkusTest
class OperationsReportTest {

    static final LocalDate TODAY = LocalDate.of(2028, 2, 29);

    /** The funnel's, the approvals' and the problems' district. */
    private final List<String> districts = TestDistricts.all(getClass());

    @Inject
    PipelineConfig config;

    @BeforeEach
    void fixToday() {
        QuarkusMock.installMockForType(Today.standingOn(config, TODAY), Today.class);
    }

    private static JsonPath get(String path, String district, String asOf) {
        var req = given().header("Authorization", Tokens.bearer("admin")).queryParam("district", district);
        if (asOf != null) {
            req.queryParam("asOf", asOf);
        }
        return req.get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Feed.Project project(String name, String district) {
        return new Feed.Project(name, district, null, "高端装备", "C3411", Sector.SECONDARY, "01", true, "12000");
    }

    @Test
    void theFunnelAsOfAPastDayAndTheDaysBetweenStages() {
        String d = districts.get(0);
        Feed.Project p1 = project("郑州轻研合金", d).admittedVia(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 20),
                LocalDate.of(2024, 2, 19));
        p1.event(Feed.at(LocalDate.of(2024, 3, 20)), new ProjectStarted(p1.id, p1.snapshot.code(), d, Stage.ADMITTED,
                LocalDate.of(2024, 3, 20), null, "staff"));
        project("格泰制冷", d).registered(LocalDate.of(2024, 1, 10)).declared(LocalDate.of(2024, 2, 9));
        Feed.Project p3 = project("智控流体产业园", d).registered(LocalDate.of(2024, 1, 10));
        p3.event(Feed.at(LocalDate.of(2024, 3, 1)), new ProjectWithdrawn(p3.id, p3.snapshot.code(), d, Stage.RESERVE,
                LocalDate.of(2024, 3, 1), "企业放弃", "staff"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/reports/pipeline", d, null).getInt("stages.find { it.stage == 'WITHDRAWN' }.count"))
                        .isEqualTo(1));
        JsonPath now = get("/api/reports/pipeline", d, null);
        assertThat(now.getInt("stages.find { it.stage == 'STARTED' }.count")).isEqualTo(1);
        assertThat(now.getInt("stages.find { it.stage == 'DECLARED' }.count")).isEqualTo(1);
        assertThat(now.getInt("stages.find { it.stage == 'RESERVE' }.count")).isZero();
        assertThat(now.getString("stages.find { it.stage == 'STARTED' }.totalInvestment")).isEqualTo("12000");

        JsonPath january = get("/api/reports/pipeline", d, "2024-01-31");
        assertThat(january.getString("asOf")).isEqualTo("2024-01-31");
        assertThat(january.getInt("stages.find { it.stage == 'RESERVE' }.count")).isEqualTo(2);
        assertThat(january.getInt("stages.find { it.stage == 'DECLARED' }.count")).isEqualTo(1);
        assertThat(january.getInt("stages.find { it.stage == 'STARTED' }.count")).isZero();
        assertThat(january.getInt("count")).isEqualTo(3);
        JsonPath before = get("/api/reports/pipeline", d, "2024-01-09");
        assertThat(before.getInt("count")).isZero();

        assertThat(now.getString("intervals.find { it.from == 'RESERVE' }.label")).isEqualTo("储备→申报");
        assertThat(now.getInt("intervals.find { it.from == 'RESERVE' }.projects")).isEqualTo(2);
        assertThat(now.getInt("intervals.find { it.from == 'RESERVE' }.medianDays")).isEqualTo(10);
        assertThat(now.getInt("intervals.find { it.from == 'RESERVE' }.p90Days")).isEqualTo(30);
        assertThat(now.getString("intervals.find { it.from == 'RESERVE' }.averageDays")).isEqualTo("20.0");
        assertThat(now.getInt("intervals.find { it.from == 'DECLARED' }.medianDays")).isEqualTo(30);
        assertThat(now.getInt("intervals.find { it.from == 'ADMITTED' }.medianDays")).isEqualTo(30);
        assertThat(now.getInt("intervals.find { it.from == 'STARTED' }.projects")).isZero();

        given().header("Authorization", Tokens.bearer("admin")).queryParam("asOf", "2999-01-01")
                .get("/api/reports/pipeline").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("admin")).queryParam("asOf", "yesterday")
                .get("/api/reports/pipeline").then().statusCode(400);
    }

    @Test
    void approvalLeadTimesOverdueTasksAndCancellations() {
        String d = districts.get(1);
        LocalDate today = TODAY;
        Feed.Project q = project("晋潞光电", d).registered(today.minusDays(10)).declared(today.minusDays(4));
        UUID caseId = UUID.randomUUID();
        UUID ndrc = UUID.randomUUID();
        UUID nr = UUID.randomUUID();
        UUID ee = UUID.randomUUID();
        UUID hc = UUID.randomUUID();
        Instant opened = Feed.at(today.minusDays(4));
        Feed.approval(q.id, opened, new CaseOpened(caseId, q.id, d, List.of(
                new ApprovalTask(ndrc, "NDRC", "PROJECT_FILING", 3, today.minusDays(1)),
                new ApprovalTask(nr, "NR", "LAND_PRE_APPROVAL", 20, today.plusDays(10),
                        List.of("LAND_PRE_APPROVAL", "LAND_USE_PLANNING_PERMIT")),
                new ApprovalTask(ee, "EE", "EIA_APPROVAL", 30, today.plusDays(5)),
                new ApprovalTask(hc, "HC", "CONSTRUCTION_PERMIT", 7, today.minusDays(2)))));
        Feed.approval(q.id, opened.plus(50, ChronoUnit.HOURS), new TaskDecided(caseId, nr, q.id, "NR",
                "LAND_PRE_APPROVAL", Decision.APPROVE, null, "approver.nr"));
        Feed.approval(q.id, opened.plus(60, ChronoUnit.HOURS), new TaskReturned(caseId, hc, q.id, "HC",
                "CONSTRUCTION_PERMIT", "缺少施工图审查合格书", "approver.hc"));
        Feed.approval(q.id, Feed.at(today), new TaskOverdue(caseId, ndrc, q.id, "NDRC", "PROJECT_FILING",
                today.minusDays(1), "张副区长"));

        // Overdue counts from the due date as soon as the case is there; the escalation arrives with the last event.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/reports/approvals", d, null).getString("overdue[0].escalatedTo"))
                        .isEqualTo("张副区长"));
        JsonPath r = get("/api/reports/approvals", d, null);
        assertThat(r.getInt("overdueCount")).isEqualTo(1);
        assertThat(r.getInt("departments.find { it.department == 'NDRC' }.open")).isEqualTo(1);
        assertThat(r.getInt("departments.find { it.department == 'NDRC' }.overdue")).isEqualTo(1);
        assertThat(r.getString("departments.find { it.department == 'NDRC' }.label")).isEqualTo("发展和改革委员会");
        assertThat(r.getInt("departments.find { it.department == 'NR' }.decided")).isEqualTo(1);
        assertThat(r.getString("departments.find { it.department == 'NR' }.medianDays")).isEqualTo("2.1"); // 50 h
        assertThat(r.getInt("departments.find { it.department == 'HC' }.overdue")).isZero(); // returned: clock stopped
        assertThat(r.getInt("departments.find { it.department == 'HC' }.open")).isEqualTo(1);
        assertThat(r.getString("overdue[0].name")).isEqualTo("晋潞光电");
        assertThat(r.getString("overdue[0].escalatedTo")).isEqualTo("张副区长");
        assertThat(r.getInt("overdue[0].daysOverdue")).isEqualTo(1);
        assertThat(r.getString("overdue[0].departmentLabel")).isEqualTo("发展和改革委员会");

        Feed.approval(q.id, Feed.at(today), new CaseRejected(caseId, q.id, "EE", "不符合产业政策", Feed.at(today)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/reports/approvals", d, null).getInt("overdueCount")).isZero());
        assertThat(get("/api/reports/approvals", d, null).getList("departments.open", Integer.class)).containsOnly(0);

        // A case that arrives after its project was withdrawn is stored as cancelled, whatever the topic order.
        Feed.Project w = project("华思光电 MiniLED", d).registered(today.minusDays(3)).declared(today.minusDays(2));
        w.event(Feed.at(today), new ProjectWithdrawn(w.id, w.snapshot.code(), d, Stage.DECLARED, today, "撤销", "staff"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/reports/pipeline", d, null).getInt("stages.find { it.stage == 'WITHDRAWN' }.count"))
                        .isEqualTo(1));
        Feed.approval(w.id, Feed.at(today), new CaseOpened(UUID.randomUUID(), w.id, d, List.of(
                new ApprovalTask(UUID.randomUUID(), "NDRC", "PROJECT_FILING", 3, today.minusDays(1)))));
        Feed.Project marker = project("优碧科技 智能配网", d).registered(today);
        Feed.approval(marker.id, Feed.at(today), new CaseOpened(UUID.randomUUID(), marker.id, d, List.of(
                new ApprovalTask(UUID.randomUUID(), "EE", "EIA_APPROVAL", 30, today.plusDays(30)))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/reports/approvals", d, null).getInt("departments.find { it.department == 'EE' }.open"))
                        .isEqualTo(1));
        assertThat(get("/api/reports/approvals", d, null).getInt("overdueCount")).isZero();
        given().header("Authorization", Tokens.bearer("approver.ndrc")).get("/api/reports/approvals")
                .then().statusCode(200);
    }

    /**
     * A case entered after the fact (accepted five days before it opened): its lead time counts from the acceptance
     * (受理), 00:00 of that day, not from the opening.
     */
    @Test
    void leadTimeCountsFromTheAcceptance() {
        String d = districts.get(2); // the problems' district: no approval counted there otherwise
        LocalDate today = TODAY;
        LocalDate accepted = today.minusDays(5);
        Feed.Project q = project("郑州补录受理项目", d).registered(today.minusDays(9)).declared(accepted);
        UUID caseId = UUID.randomUUID();
        UUID nr = UUID.randomUUID();
        Instant opened = Feed.at(today); // 10:00
        Feed.approval(q.id, opened, new CaseOpened(caseId, q.id, d, List.of(
                new ApprovalTask(nr, "NR", "LAND_PRE_APPROVAL", 20, accepted.plusDays(28))), accepted));
        Feed.approval(q.id, opened.plus(2, ChronoUnit.HOURS), new TaskDecided(caseId, nr, q.id, "NR",
                "LAND_PRE_APPROVAL", Decision.APPROVE, null, "approver.nr"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/api/reports/approvals", d, null)
                .getInt("departments.find { it.department == 'NR' }.decided")).isEqualTo(1));
        // 5 days and 12 hours: 132 h = 5.5 days
        assertThat(get("/api/reports/approvals", d, null).getString("departments.find { it.department == 'NR' }"
                + ".medianDays")).isEqualTo("5.5");
    }

    @Test
    void problemResolutionRate() {
        String d = districts.get(2);
        LocalDate today = TODAY;
        Feed.Project p = project("中部陆港绿色数字项目", d).registered(today.minusDays(30));
        UUID land = UUID.randomUUID();
        p.event(Feed.at(today), new ProblemLogged(p.id, land, "LAND", "用地指标未落实", "NR", today.minusDays(5), "staff"));
        p.event(Feed.at(today), new ProblemLogged(p.id, UUID.randomUUID(), "FUNDING", "配套资金缺口", "NDRC",
                today.plusDays(5), "staff"));
        p.event(Feed.at(today), new ProblemLogged(p.id, UUID.randomUUID(), "PROCEDURE", "施工许可材料不全", "HC",
                today.minusDays(1), "staff"));
        p.event(Feed.at(today), new ProblemResolved(p.id, land, "已调剂用地指标", today.minusDays(6), "staff"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/reports/problems", d, null).getInt("resolved")).isEqualTo(1));
        JsonPath r = get("/api/reports/problems", d, null);
        assertThat(r.getInt("logged")).isEqualTo(3);
        assertThat(r.getInt("open")).isEqualTo(2);
        assertThat(r.getInt("overdue")).isEqualTo(1);
        assertThat(r.getString("resolutionRate")).isEqualTo("33.3");
        assertThat(r.getString("byCategory.find { it.key == 'LAND' }.label")).isEqualTo("土地");
        assertThat(r.getString("byCategory.find { it.key == 'LAND' }.resolutionRate")).isEqualTo("100.0");
        assertThat(r.getInt("byCategory.find { it.key == 'PROCEDURE' }.overdue")).isEqualTo(1);
        assertThat(r.getString("byDepartment.find { it.key == 'HC' }.label")).isEqualTo("住房和城乡建设局");
        assertThat(r.getList("openProblems.category")).containsExactly("PROCEDURE", "FUNDING");
        assertThat(r.getBoolean("openProblems[0].overdue")).isTrue();
        assertThat(r.getString("openProblems[0].name")).isEqualTo("中部陆港绿色数字项目");
    }
}
