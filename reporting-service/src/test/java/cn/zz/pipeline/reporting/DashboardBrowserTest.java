package cn.zz.pipeline.reporting;

import io.quarkus.test.junit.QuarkusMock;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.approval.ApprovalTask;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.events.approval.TaskOverdue;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.ProblemLogged;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import cn.zz.pipeline.testsupport.KeycloakServer;
import cn.zz.pipeline.testsupport.SampleProjects;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The leaders' dashboard in a real headless Chromium (Debian's, driven by Playwright): log in at Keycloak as
 * leader.city, and compare every KPI and chart with what the report API answers the same user. The service's today
 * is in January, when the page opens on 1-12月 of the year before (January has no period of its own).
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final Path ARTIFACTS = Path.of("target", "dashboard");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHARTS_READY = "body[data-state=ready]";

    static final LocalDate TODAY = LocalDate.of(2027, 1, 15);
    /** The period the page opens with: the latest complete month of {@link #TODAY}, folded into 1-12月 of 2026. */
    static final int YEAR = 2026;
    static final int MONTH = 12;

    // Two of the six urban districts (410104 管城回族区 and 410105 金水区), the first with an overdue approval and
    // an open problem.
    private static final String GUANCHENG = TestDistricts.all(DashboardBrowserTest.class).get(0);
    private static final String JINSHUI = TestDistricts.all(DashboardBrowserTest.class).get(1);

    private static Chromium chromium;

    @TestHTTPResource("/")
    URL root;

    private final KafkaTestClient kafka = new KafkaTestClient(KafkaResource.bootstrapServers());

    @Inject
    PipelineConfig config;

    @BeforeEach
    void fixToday() {
        QuarkusMock.installMockForType(Today.standingOn(config, TODAY), Today.class);
    }

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theApiAnswers401WithoutATokenWhileTheDashboardSendsToTheLogin() {
        // An API client without a token (and without the dashboard's session cookie) gets the problem, never a
        // redirect to Keycloak.
        given().redirects().follow(false).get("/api/reports/investment").then().statusCode(401)
                .contentType("application/problem+json").header("Location", nullValue());
        // The page and everything under /dashboard go to Keycloak's login (code flow with PKCE, S256).
        for (String path : List.of("/dashboard/", "/dashboard", "/dashboard/config.json")) {
            String location = given().redirects().follow(false).get(path).then().statusCode(302)
                    .extract().header("Location");
            assertThat(location).as(path).startsWith(KeycloakServer.realmUrl() + "/protocol/openid-connect/auth")
                    .contains("client_id=pipeline-dashboard").contains("code_challenge_method=S256");
        }
        given().get("/dashboard/logged-out.html").then().statusCode(200).body(containsString("已退出"));
        // A bearer token still reaches the page's own endpoints (the default tenant, as for every API client).
        String leader = Tokens.of("leader.city");
        given().auth().oauth2(leader).get("/dashboard/config.json").then().statusCode(200)
                .body("districts.find { it.code == '410104' }.label", equalTo("管城回族区"));
        given().auth().oauth2(leader).get("/dashboard/session.json").then().statusCode(200)
                .body("username", equalTo("leader.city")).body("district", equalTo("4101"))
                .body("roles", equalTo(List.of("leader")));
        given().auth().oauth2(leader).redirects().follow(false).queryParam("year", "2025").get("/dashboard")
                .then().statusCode(303).header("Location", endsWith("/dashboard/?year=2025"));
        String page = given().auth().oauth2(leader).get("/dashboard/").then().statusCode(200).extract().asString();
        assertThat(page).contains("固定资产投资项目全周期看板");
        // The page refers to the ECharts file the org.mvnpm:echarts jar serves (its path carries the version).
        var script = Pattern.compile("src=\"(/_static/echarts/[^\"]+)\"").matcher(page);
        assertThat(script.find()).as("the page loads ECharts from /_static/echarts").isTrue();
        given().get(script.group(1)).then().statusCode(200);
        // No script of the page talks to Keycloak any more: the service does the login.
        assertThat(given().auth().oauth2(leader).get("/dashboard/session.js").then().statusCode(200).extract()
                .asString()).doesNotContain("code_verifier").doesNotContain("/token");
    }

    @Test
    void aLeaderLogsInAndSeesWhatTheApiSays() throws Exception {
        DashboardClient.matchRealmFile();
        int year = YEAR;
        int month = MONTH;
        sendEvents(year, month);

        // Wait until the read models show every event of this test.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath inv = api("/api/reports/investment", Map.of("year", year, "month", month, "district", GUANCHENG));
            assertThat(new BigDecimal(inv.getString("total.ytd"))).isEqualByComparingTo("1300");
            assertThat(new BigDecimal(inv.getString("total.growth"))).isEqualByComparingTo("30.0");
            JsonPath jinshui = api("/api/reports/investment", Map.of("year", year, "month", month,
                    "district", JINSHUI));
            assertThat(new BigDecimal(jinshui.getString("total.ytd"))).isEqualByComparingTo("1800");
            JsonPath approvals = api("/api/reports/approvals", Map.of("district", GUANCHENG));
            assertThat(approvals.getInt("overdueCount")).isEqualTo(1);
            JsonPath problems = api("/api/reports/problems", Map.of("district", GUANCHENG));
            assertThat(problems.getInt("open")).isEqualTo(1);
        });

        Files.createDirectories(ARTIFACTS);
        try (BrowserContext context = chromium.office()) {
            Page page = context.newPage();
            List<String> pageErrors = new ArrayList<>();
            page.onPageError(pageErrors::add);
            page.onConsoleMessage(m -> {
                // a failed request is reported below with its address
                if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                    pageErrors.add(m.text());
                }
            });
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    pageErrors.add(r.status() + " " + r.url());
                }
            });

            try {
                browse(page, year, month, pageErrors);
            } catch (RuntimeException | AssertionError | IOException e) {
                // Keep what the browser saw for the report.
                Files.writeString(ARTIFACTS.resolve("failure.html"), page.content());
                page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("failure.png")).setFullPage(true));
                System.out.println("dashboard failure at " + page.url() + ", page errors " + pageErrors
                        + ", page saved in " + ARTIFACTS.toAbsolutePath());
                throw e;
            }
            assertThat(pageErrors).as("errors in the page").isEmpty();
        }
    }

    private void browse(Page page, int year, int month, List<String> pageErrors) throws IOException {
        {
            // Not logged in: the page sends the browser to Keycloak's login form.
            page.navigate(url("/dashboard"));
            page.waitForURL(u -> u.startsWith(KeycloakServer.realmUrl() + "/protocol/openid-connect/auth"));
            assertThat(page.url()).contains("client_id=pipeline-dashboard").contains("code_challenge_method=S256");
            Chromium.logIn(page, "leader.city");

            // Back on the dashboard: the service traded the code for tokens; the code is gone from the address bar.
            page.waitForURL(u -> u.startsWith(url("/dashboard/")));
            page.waitForSelector(CHARTS_READY, new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(page.url()).doesNotContain("code=").contains("year=" + year).contains("month=" + month);
            assertThat(page.inputValue("[data-testid=select-year]")).isEqualTo(String.valueOf(year));
            assertThat(page.inputValue("[data-testid=select-month]")).isEqualTo(String.valueOf(month));
            assertThat(page.textContent("h1")).isEqualTo("固定资产投资项目全周期看板");
            assertThat(page.textContent("[data-testid=user-scope]")).contains("全市");
            assertThat(page.textContent("[data-testid=user-name]")).contains("leader.city");

            // The whole city first (leader.city's own scope), then 管城回族区 from the district selector.
            assertPageMatchesApi(page, year, month, null);
            screenshot(page, "dashboard-city-1366x768.png");

            int loads = loads(page);
            page.selectOption("[data-testid=select-district]", GUANCHENG);
            page.waitForFunction("n => Number(document.body.dataset.loads) > n && document.body.dataset.state === 'ready'",
                    loads);
            assertThat(page.url()).contains("district=" + GUANCHENG);
            assertPageMatchesApi(page, year, month, GUANCHENG);
            JsonPath guancheng = api("/api/reports/investment", Map.of("year", year, "month", month, "district", GUANCHENG));
            assertThat(page.textContent("[data-testid=kpi-ytd] .kpi-value"))
                    .isEqualTo(guancheng.getString("total.ytdYi") + "亿元");
            assertThat(page.textContent("[data-testid=kpi-growth] .kpi-value")).isEqualTo("+30.0%");
            // One of the six urban districts: ranked among them and city-wide (e.g. 六区第1 / 全市第2).
            assertThat(page.textContent("[data-testid=kpi-rank] .kpi-value")).startsWith("六区第").contains("全市第");
            assertThat(page.textContent("[data-testid=table-overdue]")).contains("荥阳超期审批项目").contains("天");
            assertThat(page.textContent("body")).contains("月度累计投资与同比增速", "各区县增速排名", "项目全周期漏斗",
                    "并联审批超期情况", "问题解决情况", "1-" + month + "月", "管城回族区");
            screenshot(page, "dashboard-" + GUANCHENG + "-1366x768.png");

            // A wall screen: the same page at 3840×2160, charts redrawn to the new size.
            page.setViewportSize(3840, 2160);
            page.waitForFunction("() => { const c = echarts.getInstanceByDom(document.querySelector("
                    + "'[data-testid=chart-monthly]')); return c && c.getWidth() > 2000; }");
            page.waitForTimeout(500);
            assertThat((Number) page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)"))
                    .as("fonts scale with the viewport").satisfies(px -> assertThat(px.doubleValue()).isGreaterThan(20));
            screenshot(page, "dashboard-" + GUANCHENG + "-3840x2160.png");
            page.setViewportSize(1366, 768);
        }
        {
            // The session is quarkus-oidc's encrypted, HttpOnly cookie; the page itself holds no token.
            Cookie session = page.context().cookies(url("/")).stream()
                    .filter(c -> c.name.startsWith("q_session_dashboard")).findFirst().orElseThrow();
            assertThat(session.httpOnly).isTrue();
            assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
            String header = new String(Base64.getUrlDecoder().decode(session.value.split("\\.")[0]),
                    StandardCharsets.UTF_8);
            assertThat(header).as("a JWE (encrypted tokens)").contains("\"enc\":\"A256GCM\"");
            assertThat((String) page.evaluate("() => JSON.stringify(sessionStorage) + document.cookie"))
                    .doesNotContain("eyJ");

            // The session ends (its cookies gone, as after Keycloak's idle timeout): the next load of the page's
            // figures answers 401, the page goes back to the login and then on with the same address.
            page.context().clearCookies();
            page.selectOption("[data-testid=select-district]", JINSHUI);
            page.waitForURL(u -> u.startsWith(KeycloakServer.realmUrl() + "/protocol/openid-connect/auth"));
            Chromium.logIn(page, "leader.city");
            page.waitForURL(u -> u.startsWith(url("/dashboard/")) && !u.contains("code="));
            page.waitForSelector(CHARTS_READY, new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(page.url()).contains("district=" + JINSHUI);
            assertThat(page.inputValue("[data-testid=select-district]")).isEqualTo(JINSHUI);
            // the figures' calls that met the ended session
            pageErrors.removeIf(e -> e.startsWith("401 ") && e.contains("/api/reports/"));
        }
        {
            // Logout ends the session here and at Keycloak and says so; the dashboard then asks for a login again.
            page.click("[data-testid=logout]");
            page.waitForURL(u -> u.startsWith(url("/dashboard/logged-out.html")));
            assertThat(page.textContent("[data-testid=logged-out]")).contains("已退出");
            assertThat(page.context().cookies(url("/"))).noneMatch(c -> c.name.startsWith("q_session"));
            screenshot(page, "dashboard-logged-out.png");
            page.navigate(url("/dashboard/"));
            page.waitForURL(u -> u.startsWith(KeycloakServer.realmUrl() + "/protocol/openid-connect/auth"));
            assertThat(page.isVisible("#kc-login")).as("Keycloak's login form, not a silent SSO").isTrue();
        }
    }

    @Test
    void anApproverIsToldInChineseWhatTheyMayNotSee() throws Exception {
        DashboardClient.matchRealmFile();
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(url("/dashboard/"));
            page.waitForURL(u -> u.startsWith(KeycloakServer.realmUrl()));
            Chromium.logIn(page, "approver.ndrc");
            // Approvers read the approval report only: the investment reports answer 403.
            page.waitForSelector("body[data-state=partial]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(page.isVisible("[data-testid=message]")).isTrue();
            assertThat(page.textContent("[data-testid=message]")).contains("无权查看");
            assertThat(page.textContent("[data-testid=kpi-ytd] .kpi-note")).isEqualTo("无权查看");
            assertThat(page.getAttribute("[data-testid=kpi-ytd]", "data-value")).isNull();
            assertThat(page.getAttribute("[data-testid=chart-approvals]", "data-value")).isNotNull();
            screenshot(page, "dashboard-approver-403-1366x768.png");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private void assertPageMatchesApi(Page page, int year, int month, String district) throws IOException {
        Map<String, Object> period = district == null ? Map.of("year", year, "month", month)
                : Map.of("year", year, "month", month, "district", district);
        Map<String, Object> where = district == null ? Map.of() : Map.of("district", district);

        for (String chart : List.of("chart-monthly", "chart-ranking", "chart-pipeline", "chart-approvals",
                "chart-problems")) {
            assertThat((Boolean) page.evaluate("id => !!echarts.getInstanceByDom(document.querySelector("
                    + "`[data-testid=${id}]`))", chart)).as("an ECharts instance in " + chart).isTrue();
        }

        JsonNode investment = apiJson("/api/reports/investment", with(period, "by", "district"));
        assertNumber(dataValue(page, "kpi-ytd"), investment.at("/total/ytd"), "kpi-ytd");
        assertNumber(dataValue(page, "kpi-growth"), investment.at("/total/growth"), "kpi-growth");

        JsonNode monthly = apiJson("/api/reports/investment/monthly", district == null ? Map.of("year", year)
                : Map.of("year", year, "district", district));
        JsonNode shownMonthly = JSON.readTree(dataValue(page, "chart-monthly"));
        assertThat(shownMonthly.get("months").size()).isEqualTo(monthly.get("months").size()).isPositive();
        for (int i = 0; i < monthly.get("months").size(); i++) {
            JsonNode m = monthly.get("months").get(i);
            assertThat(shownMonthly.get("months").get(i).asInt()).isEqualTo(m.get("month").asInt());
            assertNumber(shownMonthly.get("ytd").get(i), m.get("ytd"), "monthly ytd " + i);
            assertNumber(shownMonthly.get("growth").get(i), m.get("growth"), "monthly growth " + i);
        }

        JsonNode rankings = apiJson("/api/reports/rankings", Map.of("year", year, "month", month));
        JsonNode shownRanking = JSON.readTree(dataValue(page, "chart-ranking"));
        assertThat(shownRanking.get("districts").size()).isEqualTo(rankings.get("rows").size());
        for (int i = 0; i < shownRanking.get("districts").size(); i++) {
            String code = shownRanking.get("districts").get(i).asText();
            JsonNode row = find(rankings.get("rows"), "district", code);
            assertNumber(shownRanking.get("growth").get(i), row.get("growth"), "ranking " + code);
            if (i > 0 && !shownRanking.get("growth").get(i).isNull()) {
                assertThat(shownRanking.get("growth").get(i).decimalValue())
                        .as("sorted by growth").isLessThanOrEqualTo(shownRanking.get("growth").get(i - 1).decimalValue());
            }
        }
        if (district != null) {
            JsonNode row = find(rankings.get("rows"), "district", district);
            assertThat(dataValue(page, "kpi-rank")).isEqualTo(row.get("rank").asText());
        } else {
            assertThat(dataValue(page, "kpi-rank")).isEmpty();
        }

        JsonNode pipeline = apiJson("/api/reports/pipeline", where);
        JsonNode shownPipeline = JSON.readTree(dataValue(page, "chart-pipeline"));
        assertThat(shownPipeline.get("stages").toString())
                .isEqualTo("[\"RESERVE\",\"DECLARED\",\"ADMITTED\",\"STARTED\",\"IN_PRODUCTION\"]");
        for (int i = 0; i < shownPipeline.get("stages").size(); i++) {
            JsonNode stage = find(pipeline.get("stages"), "stage", shownPipeline.get("stages").get(i).asText());
            assertThat(shownPipeline.get("count").get(i).asLong()).isEqualTo(stage.get("count").asLong());
            assertNumber(shownPipeline.get("totalInvestment").get(i), stage.get("totalInvestment"), "funnel " + i);
        }

        JsonNode approvals = apiJson("/api/reports/approvals", where);
        assertThat(dataValue(page, "kpi-overdue")).isEqualTo(approvals.get("overdueCount").asText());
        JsonNode shownApprovals = JSON.readTree(dataValue(page, "chart-approvals"));
        assertThat(shownApprovals.get("departments").size()).isEqualTo(approvals.get("departments").size());
        for (int i = 0; i < approvals.get("departments").size(); i++) {
            JsonNode d = approvals.get("departments").get(i);
            assertThat(shownApprovals.get("departments").get(i).asText()).isEqualTo(d.get("department").asText());
            assertThat(shownApprovals.get("overdue").get(i).asLong()).isEqualTo(d.get("overdue").asLong());
        }
        JsonNode shownTasks = JSON.readTree(page.getAttribute("[data-testid=table-overdue]", "data-value"));
        assertThat(shownTasks.size()).isEqualTo(Math.min(5, approvals.get("overdue").size()));
        if (shownTasks.size() > 0) {
            long most = 0;
            for (JsonNode t : approvals.get("overdue")) {
                most = Math.max(most, t.get("daysOverdue").asLong());
            }
            assertThat(find(approvals.get("overdue"), "taskId", shownTasks.get(0).asText()).get("daysOverdue").asLong())
                    .as("the most overdue task first").isEqualTo(most);
        }

        JsonNode problems = apiJson("/api/reports/problems", where);
        assertThat(dataValue(page, "kpi-problems")).isEqualTo(problems.get("open").asText());
        assertNumber(dataValue(page, "kpi-resolution"), problems.get("resolutionRate"), "kpi-resolution");
        JsonNode shownProblems = JSON.readTree(dataValue(page, "chart-problems"));
        for (int i = 0; i < shownProblems.get("categories").size(); i++) {
            JsonNode c = find(problems.get("byCategory"), "key", shownProblems.get("categories").get(i).asText());
            assertThat(shownProblems.get("open").get(i).asLong()).isEqualTo(c.get("open").asLong());
        }
        assertNumber(shownProblems.get("resolutionRate"), problems.get("resolutionRate"), "problem chart rate");
    }

    private void sendEvents(int year, int month) {
        LocalDate yearStart = LocalDate.of(year - 1, 1, 10);
        // 管城回族区: admitted, 1000 → 1300 (+30%); 金水区: admitted, 2000 → 1800 (-10%).
        UUID guancheng = admittedProject("荥阳智能装备产业园", GUANCHENG, "50000", yearStart);
        report(guancheng, GUANCHENG, 4, year - 1, month, "1000");
        report(guancheng, GUANCHENG, 5, year, month, "1300");
        UUID jinshui = admittedProject("新密先进材料基地", JINSHUI, "80000", yearStart);
        report(jinshui, JINSHUI, 4, year - 1, month, "2000");
        report(jinshui, JINSHUI, 5, year, month, "1800");
        // An open problem of the first project.
        send(guancheng, 6, new ProblemLogged(guancheng, UUID.randomUUID(), "LAND", "用地指标未落实", "NR",
                TODAY.plusDays(30), "staff"));

        // A declared project of the first district whose NR task is overdue.
        UUID declared = UUID.randomUUID();
        ProjectSnapshot reserve = snapshot(declared, "荥阳超期审批项目", GUANCHENG, "3000", Stage.RESERVE);
        send(declared, 1, new ProjectRegistered(reserve, "staff"));
        send(declared, 2, new ProjectDeclared(snapshot(declared, "荥阳超期审批项目", GUANCHENG, "3000", Stage.DECLARED),
                TODAY.minusDays(40), null, "staff"));
        UUID caseId = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        LocalDate due = TODAY.minusDays(10);
        sendApproval(declared, 1, new CaseOpened(caseId, declared, GUANCHENG,
                List.of(new ApprovalTask(task, "NR", "LAND_PRE_APPROVAL", 20, due))));
        sendApproval(declared, 2, new TaskOverdue(caseId, task, declared, "NR", "LAND_PRE_APPROVAL", due, null));
    }

    private UUID admittedProject(String name, String district, String total, LocalDate declaredOn) {
        UUID id = UUID.randomUUID();
        send(id, 1, new ProjectRegistered(snapshot(id, name, district, total, Stage.RESERVE), "staff"));
        send(id, 2, new ProjectDeclared(snapshot(id, name, district, total, Stage.DECLARED), declaredOn, null,
                "staff", true));
        send(id, 3, new ProjectAdmitted(id, code(id, district), district, Stage.DECLARED, declaredOn.plusDays(5),
                UUID.randomUUID(), null, "staff"));
        return id;
    }

    private void report(UUID project, String district, long sequence, int year, int month, String amount) {
        send(project, sequence, new InvestmentReported(project, code(project, district), district,
                String.format("%04d-%02d", year, month), year, month, new BigDecimal(amount), null, null, "staff"));
    }

    private static ProjectSnapshot snapshot(UUID id, String name, String district, String total, Stage stage) {
        ProjectSnapshot s = SampleProjects.snapshot(id, name, district, new BigDecimal(total), stage);
        // A code of its own per project (the sample's code depends on the district only).
        return new ProjectSnapshot(s.id(), code(id, district), s.name(), s.ownerName(), s.ownerCreditCode(),
                s.district(), s.park(), s.chain(), s.industry(), s.sector(), s.constructionType(), s.projectType(),
                s.totalInvestment(), s.landArea(), s.annualOutput(), s.annualTax(), s.takesNewLand(), s.eiaCategory(),
                s.privateInvestment(), s.plannedStart(), s.plannedProduction(), s.stage(), s.leader(), s.taskForce());
    }

    private static String code(UUID id, String district) {
        return "2025-" + district + "-01-01-"
                + String.format("%05d", Math.abs(id.hashCode()) % 100_000) + "0";
    }

    private void send(UUID project, long sequence, EventPayload data) {
        EventEnvelope e = EventEnvelope.create("/project-service", project.toString(), sequence, Instant.now(), data);
        kafka.send(Topics.PROJECT_EVENTS, e.subject(), EventCodec.write(e));
    }

    private void sendApproval(UUID project, long sequence, EventPayload data) {
        EventEnvelope e = EventEnvelope.create("/approval-service", project.toString(), sequence, Instant.now(), data);
        kafka.send(Topics.APPROVAL_EVENTS, e.subject(), EventCodec.write(e));
    }

    private static JsonPath api(String path, Map<String, ?> query) {
        return given().header("Authorization", Tokens.bearer("leader.city")).queryParams(query)
                .get(path).then().statusCode(200).extract().jsonPath();
    }

    private static JsonNode apiJson(String path, Map<String, ?> query) throws IOException {
        String body = given().header("Authorization", Tokens.bearer("leader.city")).queryParams(query)
                .get(path).then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.get(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    private static String dataValue(Page page, String testId) {
        String v = page.getAttribute("[data-testid=" + testId + "]", "data-value");
        assertThat(v).as("data-value of " + testId).isNotNull();
        return v;
    }

    private static void assertNumber(String shown, JsonNode api, String what) {
        assertNumber(shown.isEmpty() ? null : JSON.getNodeFactory().textNode(shown), api, what);
    }

    /** Page and API agree: both null, or the same number (1300 equals 1300.0). */
    private static void assertNumber(JsonNode shown, JsonNode api, String what) {
        boolean shownNull = shown == null || shown.isNull() || shown.isMissingNode();
        boolean apiNull = api == null || api.isNull() || api.isMissingNode();
        assertThat(shownNull).as(what + ": page " + shown + " vs API " + api).isEqualTo(apiNull);
        if (!apiNull) {
            assertThat(new BigDecimal(shown.asText())).as(what).isEqualByComparingTo(new BigDecimal(api.asText()));
        }
    }

    private static int loads(Page page) {
        return Integer.parseInt(page.getAttribute("body", "data-loads"));
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private static void screenshot(Page page, String name) {
        Path file = ARTIFACTS.resolve(name).toAbsolutePath();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        try {
            assertThat(Files.size(file)).isPositive();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("dashboard screenshot: " + file);
    }
}
