package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.project.PlanSet;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.KeycloakServer;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's completion panel in Chromium (set up as in {@link DashboardBrowserTest}): leader.city sees the
 * districts' completion against 时序进度, then 上街区's categories, and the page shows what the API says, lagging
 * groups marked. 上街区 is shared, so only 2018 is written there (no other test of the module writes 2018); the
 * service stands on 2018-11-20, so the page opens on 1-10月 (时序进度 83.3).
 */
@QuarkusTest
class CompletionBrowserTest {

    private static final Path ARTIFACTS = Path.of("target", "dashboard");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHANGJIE = TestDistricts.SHANGJIE;
    private static final LocalDate TODAY = LocalDate.of(2018, 11, 20);
    private static final int YEAR = 2018;
    private static final int MONTH = 10;

    @TestHTTPResource("/")
    URL root;

    @Inject
    PipelineConfig config;

    @BeforeEach
    void fixToday() {
        QuarkusMock.installMockForType(Today.standingOn(config, TODAY), Today.class);
    }

    /**
     * 上街区 2018: an industrial 技改 project, plan 10000, 1-10月 5000 (50.0%, lagging); an infrastructure project,
     * plan 4000, 1-10月 3800 (95.0%); the district's target 20000 (44.0%, lagging).
     */
    private void feed() {
        LocalDate reg = LocalDate.of(2018, 1, 8);
        Feed.Project industrial = new Feed.Project("上街区铝精深加工技改", SHANGJIE, "先进制造业开发区", "先进材料",
                "C3252", Sector.SECONDARY, "02", true, "40000")
                .admittedVia(reg, reg.plusDays(14), reg.plusDays(35)).report(YEAR, MONTH, "5000");
        plan(industrial, "10000");
        Feed.Project road = new Feed.Project("上街区通用航空产业园道路", SHANGJIE, null, null, "G4812",
                Sector.TERTIARY, "01", false, "12000").admittedVia(reg, reg.plusDays(14), reg.plusDays(35))
                .report(YEAR, MONTH, "3800");
        plan(road, "4000");
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"amount\":20000,\"reason\":\"年度目标\"}").put("/api/admin/targets/" + SHANGJIE + "/" + YEAR)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode r = api(Map.of("year", YEAR, "month", MONTH, "district", SHANGJIE, "by", "district"));
            assertThat(r.at("/total/plan").decimalValue()).isEqualByComparingTo("14000");
            assertThat(r.at("/total/ytd").decimalValue()).isEqualByComparingTo("8800");
        });
    }

    private static void plan(Feed.Project p, String amount) {
        p.event(Feed.at(LocalDate.of(YEAR, 3, 1)), new PlanSet(p.id, p.snapshot.code(), SHANGJIE, YEAR,
                new BigDecimal(amount), null, "年度计划", "staff"));
    }

    @Test
    void theCompletionPanelShowsTheRatesAgainstTheTimeScheduleAndMarksTheLaggingGroups() throws Exception {
        DashboardClient.matchRealmFile();
        feed();
        Files.createDirectories(ARTIFACTS);
        try (Chromium chromium = Chromium.launch(); BrowserContext context = chromium.office()) {
            Page page = context.newPage();
            List<String> pageErrors = new ArrayList<>();
            page.onPageError(pageErrors::add);
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    pageErrors.add(r.status() + " " + r.url());
                }
            });
            try {
                page.navigate(url("/dashboard/"));
                page.waitForURL(u -> u.startsWith(KeycloakServer.realmUrl()));
                Chromium.logIn(page, "leader.city");
                page.waitForURL(u -> u.startsWith(url("/dashboard/")));
                page.waitForSelector("body[data-state=ready]", new Page.WaitForSelectorOptions().setTimeout(60_000));
                assertThat(page.url()).contains("year=" + YEAR).contains("month=" + MONTH);

                // The whole city: the districts with a plan or a target.
                assertPanelMatchesApi(page, null, "district");
                assertThat(page.textContent("[data-testid=completion-summary]")).contains("时序进度 83.3%");

                int loads = Integer.parseInt(page.getAttribute("body", "data-loads"));
                page.selectOption("[data-testid=select-district]", SHANGJIE);
                page.waitForFunction("n => Number(document.body.dataset.loads) > n"
                        + " && document.body.dataset.state === 'ready'", loads);
                JsonNode shown = assertPanelMatchesApi(page, SHANGJIE, "category");
                assertThat(shown.at("/total/planRate").decimalValue()).isEqualByComparingTo("62.9"); // 8800 / 14000
                assertThat(shown.at("/total/targetRate").decimalValue()).isEqualByComparingTo("44.0");
                assertThat(shown.at("/total/lagging").asBoolean()).isTrue();
                assertThat(page.textContent("[data-testid=completion-summary]"))
                        .contains("计划完成率 62.9%", "目标完成率 44.0%", "滞后于时序进度");
                // 工业, 技改 and 民间 (the first project) lag at 50.0%; 基础设施 (95.0%) does not.
                assertThat(page.locator("[data-testid=completion-lagging] .lag-chip").allTextContents())
                        .contains("工业投资 50.0%", "技改投资 50.0%", "民间投资 50.0%")
                        .noneMatch(t -> t.startsWith("基础设施投资"));
                assertThat(page.getAttribute("[data-testid=completion-summary] b.lag", "class")).isEqualTo("lag");
                screenshot(page, "dashboard-completion-" + SHANGJIE + "-1366x768.png");
            } catch (RuntimeException | AssertionError e) {
                Files.writeString(ARTIFACTS.resolve("completion-failure.html"), page.content());
                page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("completion-failure.png"))
                        .setFullPage(true));
                System.out.println("completion panel failure at " + page.url() + ", page errors " + pageErrors);
                throw e;
            }
            assertThat(pageErrors).as("errors in the page").isEmpty();
        }
    }

    /** The panel's data-value against the report it is drawn from; returns what the page shows. */
    private JsonNode assertPanelMatchesApi(Page page, String district, String by) throws Exception {
        Map<String, Object> query = district == null ? Map.of("year", YEAR, "month", MONTH, "by", by)
                : Map.of("year", YEAR, "month", MONTH, "district", district, "by", by);
        JsonNode report = api(query);
        JsonNode shown = JSON.readTree(page.getAttribute("[data-testid=chart-completion]", "data-value"));
        assertThat(shown.get("by").asText()).isEqualTo(by);
        assertThat(shown.get("timeProgress").decimalValue())
                .isEqualByComparingTo(report.get("timeProgress").decimalValue()).isEqualByComparingTo("83.3");
        for (String f : List.of("plan", "planRate", "target", "targetRate")) {
            JsonNode api = report.at("/total/" + f);
            JsonNode page1 = shown.at("/total/" + f);
            assertThat(page1.isNull()).as("total " + f).isEqualTo(api.isNull());
            if (!api.isNull()) {
                assertThat(page1.decimalValue()).as("total " + f).isEqualByComparingTo(api.decimalValue());
            }
        }
        assertThat(shown.at("/total/lagging").asBoolean()).isEqualTo(report.at("/total/lagging").asBoolean());
        List<String> withGoals = new ArrayList<>();
        List<String> lagging = new ArrayList<>();
        for (JsonNode r : report.get("rows")) {
            if (!r.get("plan").isNull() || !r.get("target").isNull()) {
                withGoals.add(r.get("key").asText());
                if (r.get("lagging").asBoolean()) {
                    lagging.add(r.get("key").asText());
                }
            }
        }
        List<String> groups = new ArrayList<>();
        shown.get("groups").forEach(g -> groups.add(g.asText()));
        assertThat(groups).containsExactlyInAnyOrderElementsOf(withGoals).isNotEmpty();
        for (int i = 0; i < groups.size(); i++) {
            String key = groups.get(i);
            JsonNode row = null;
            for (JsonNode r : report.get("rows")) {
                if (r.get("key").asText().equals(key)) {
                    row = r;
                }
            }
            for (String f : List.of("planRate", "targetRate")) {
                JsonNode v = shown.get(f).get(i);
                assertThat(v.isNull()).as(key + " " + f).isEqualTo(row.get(f).isNull());
                if (!v.isNull()) {
                    assertThat(v.decimalValue()).as(key + " " + f).isEqualByComparingTo(row.get(f).decimalValue());
                }
            }
        }
        List<String> shownLagging = new ArrayList<>();
        shown.get("lagging").forEach(g -> shownLagging.add(g.asText()));
        assertThat(shownLagging).containsExactlyInAnyOrderElementsOf(lagging);
        List<String> chips = new ArrayList<>();
        for (int i = 0; i < page.locator("[data-testid=completion-lagging] .lag-chip").count(); i++) {
            chips.add(page.locator("[data-testid=completion-lagging] .lag-chip").nth(i).getAttribute("data-key"));
        }
        assertThat(chips).as("each lagging group is marked").containsExactlyInAnyOrderElementsOf(lagging);
        return shown;
    }

    private static JsonNode api(Map<String, ?> query) throws Exception {
        String body = given().header("Authorization", Tokens.bearer("leader.city")).queryParams(query)
                .get("/api/reports/investment").then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private static void screenshot(Page page, String name) throws Exception {
        Path file = ARTIFACTS.resolve(name).toAbsolutePath();
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        assertThat(Files.size(file)).isPositive();
        System.out.println("dashboard screenshot: " + file);
    }
}
