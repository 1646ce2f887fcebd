package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.project.ProjectAssigned;
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

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's panel 月报未报情况 in a real headless Chromium, as leader.city: the counts per district and the worst
 * projects of the whole city, then of 上街区 chosen in the district selector, each as the API answers the same user.
 * The service's today is New Year's Eve: the page opens on 1-11月, due on 25 November.
 */
@QuarkusTest
class UnreportedDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ARTIFACTS = Path.of("target", "dashboard");
    private static final LocalDate TODAY = LocalDate.of(2024, 12, 31);
    private static final String SHANGJIE = TestDistricts.SHANGJIE;
    /** A code of the year 2000: first among 上街区's projects, all equally overdue. */
    private static final String CODE = "2000-" + SHANGJIE + "-01-01-000017";
    private static final String NAME = "上街未报看板项目";

    @TestHTTPResource("/")
    URL root;

    @Inject
    PipelineConfig config;

    @BeforeEach
    void fixToday() {
        QuarkusMock.installMockForType(Today.standingOn(config, TODAY), Today.class);
    }

    @Test
    void thePanelShowsWhatTheApiSays() throws Exception {
        DashboardClient.matchRealmFile();
        // Admitted in March, reported up to 1-10月: 1-11月 is 36 days overdue on New Year's Eve.
        Feed.Project p = new Feed.Project(CODE, NAME, SHANGJIE, "上街区先进制造业开发区", "C3851", ConstructionType.NEW,
                "30000", LocalDate.of(2024, 3, 1), LocalDate.of(2026, 6, 30))
                .admittedVia(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1));
        for (int m = 3; m <= 10; m++) {
            p.report(2024, m, String.valueOf(500 * m));
        }
        p.event(Feed.at(LocalDate.of(2024, 11, 1)), new ProjectAssigned(p.id, "王副区长", List.of(), "staff"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(api("/api/reports/unreported", Map.of("year", 2024, "month", 11, "district", SHANGJIE))
                        .at("/items/0/code").asText()).isEqualTo(CODE));

        try (Chromium chromium = Chromium.launch(); BrowserContext context = chromium.office()) {
            Page page = context.newPage();
            List<String> pageErrors = new ArrayList<>();
            page.onPageError(pageErrors::add);
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    pageErrors.add(r.status() + " " + r.url());
                }
            });
            page.navigate(url("/dashboard/"));
            page.waitForURL(u -> u.startsWith(KeycloakServer.realmUrl() + "/protocol/openid-connect/auth"));
            Chromium.logIn(page, "leader.city");
            page.waitForURL(u -> u.startsWith(url("/dashboard/")));
            page.waitForSelector("body[data-state=ready]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(page.url()).contains("year=2024").contains("month=11");

            // The whole city.
            assertPanelMatchesApi(page, Map.of("year", 2024, "month", 11));
            String panel = page.textContent("[data-testid=panel-unreported]");
            assertThat(panel).contains("月报未报情况", "1-11月", "应报", "未报", "逾期未报", "上街区");

            // 上街区 from the district selector: its deadline, and this project first with its leader and days.
            int loads = Integer.parseInt(page.getAttribute("body", "data-loads"));
            page.selectOption("[data-testid=select-district]", SHANGJIE);
            page.waitForFunction("n => Number(document.body.dataset.loads) > n"
                    + " && document.body.dataset.state === 'ready'", loads);
            assertPanelMatchesApi(page, Map.of("year", 2024, "month", 11, "district", SHANGJIE));
            assertThat(page.textContent("[data-testid=unreported-period]")).isEqualTo("1-11月 · 截止 2024-11-25");
            String first = page.textContent("[data-testid=table-unreported] tbody tr:first-child");
            assertThat(first).contains(NAME, "上街区", "王副区长", "2024-11-25", "36天");
            assertThat(page.getAttribute("[data-testid=table-unreported] tbody tr:first-child", "data-project-id"))
                    .isEqualTo(p.id.toString());
            Files.createDirectories(ARTIFACTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("unreported-410106-1366x768.png"))
                    .setFullPage(true));
            assertThat(pageErrors).as("errors in the page").isEmpty();
        }
    }

    /** The panel's data-values against the API's answers to leader.city for the same selection. */
    private static void assertPanelMatchesApi(Page page, Map<String, Object> query) throws Exception {
        JsonNode summary = api("/api/reports/unreported/summary", query);
        assertThat(JSON.readTree(page.getAttribute("[data-testid=unreported-total]", "data-value")))
                .isEqualTo(summary.get("total"));
        List<JsonNode> rows = new ArrayList<>();
        summary.get("rows").forEach(r -> {
            if (r.get("owing").asLong() > 0) {
                rows.add(r);
            }
        });
        rows.sort(Comparator.<JsonNode>comparingLong(r -> -r.get("overdue").asLong())
                .thenComparingLong(r -> -r.get("unreported").asLong())
                .thenComparing(r -> r.get("district").asText()));
        List<String> districts = rows.stream().limit(8).map(r -> r.get("district").asText()).toList();
        assertThat(districts).isNotEmpty();
        assertThat(JSON.readTree(page.getAttribute("[data-testid=table-unreported-districts]", "data-value")))
                .isEqualTo(JSON.valueToTree(districts));
        Map<String, Object> first8 = new java.util.HashMap<>(query);
        first8.put("size", 8);
        JsonNode list = api("/api/reports/unreported", first8);
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("projectId").asText()));
        assertThat(ids).isNotEmpty();
        assertThat(JSON.readTree(page.getAttribute("[data-testid=table-unreported]", "data-value")))
                .isEqualTo(JSON.valueToTree(ids));
    }

    private static JsonNode api(String path, Map<String, ?> query) throws Exception {
        return JSON.readTree(given().header("Authorization", Tokens.bearer("leader.city")).queryParams(query)
                .get(path).then().statusCode(200).extract().asString());
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
