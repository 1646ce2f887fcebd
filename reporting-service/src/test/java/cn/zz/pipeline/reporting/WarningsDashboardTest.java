package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.project.MilestonesSet;
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
 * The dashboard's 预警 panel in a real headless Chromium, as leader.city: red and yellow per district and the first
 * page of the warning list, for the city and then for 上街区 chosen in the district selector, each as the API answers
 * the same user. The service's today is 11 March 2031.
 */
@QuarkusTest
class WarningsDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ARTIFACTS = Path.of("target", "dashboard");
    private static final LocalDate TODAY = LocalDate.of(2031, 3, 11);
    private static final String SHANGJIE = TestDistricts.SHANGJIE;
    private static final String CODE = "2030-" + SHANGJIE + "-01-01-000091";
    private static final String NAME = "上街预警看板项目";

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
        // 拿地 planned on 1 March 2030, still open: a year late, first among 上街区's warnings.
        Feed.Project p = new Feed.Project(CODE, NAME, SHANGJIE, "上街区先进制造业开发区", "C3851", ConstructionType.NEW,
                "30000", LocalDate.of(2030, 6, 1), LocalDate.of(2031, 12, 31)).registered(LocalDate.of(2029, 12, 1));
        p.event(Feed.at(LocalDate.of(2029, 12, 2)), new ProjectAssigned(p.id, "王副区长", List.of(), "staff"));
        p.event(Feed.at(LocalDate.of(2029, 12, 3)), new MilestonesSet(p.id, CODE, SHANGJIE, LocalDate.of(2030, 6, 1), 1,
                List.of(WarningsTest.open("LAND", "拿地", LocalDate.of(2030, 3, 1)),
                        WarningsTest.open("START", "开工", LocalDate.of(2030, 6, 1))), null, "staff"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(api("/api/reports/warnings", Map.of("district", SHANGJIE)).at("/items/0/code").asText())
                        .isEqualTo(CODE));

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

            // The whole city.
            assertPanelMatchesApi(page, Map.of());
            String panel = page.textContent("[data-testid=panel-warnings]");
            assertThat(panel).contains("预警", "红灯", "黄灯", "上街区", "截至 2031-03-11");

            // 上街区 from the district selector: this project first, a year late, with its node and leader.
            int loads = Integer.parseInt(page.getAttribute("body", "data-loads"));
            page.selectOption("[data-testid=select-district]", SHANGJIE);
            page.waitForFunction("n => Number(document.body.dataset.loads) > n"
                    + " && document.body.dataset.state === 'ready'", loads);
            assertPanelMatchesApi(page, Map.of("district", SHANGJIE));
            String first = page.textContent("[data-testid=table-warnings] tbody tr:first-child");
            assertThat(first).contains(NAME, "上街区", "拿地", "2030-03-01", "375天", "王副区长");
            assertThat(page.getAttribute("[data-testid=table-warnings] tbody tr:first-child", "data-light"))
                    .isEqualTo("RED");
            Files.createDirectories(ARTIFACTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("warnings-410106-1366x768.png"))
                    .setFullPage(true));
            assertThat(pageErrors).as("errors in the page").isEmpty();
        }
    }

    /** The panel's data-values against the API's answers to leader.city for the same selection. */
    private static void assertPanelMatchesApi(Page page, Map<String, Object> query) throws Exception {
        JsonNode summary = api("/api/reports/warnings/summary", query);
        assertThat(JSON.readTree(page.getAttribute("[data-testid=warnings-total]", "data-value")))
                .isEqualTo(summary.get("total"));
        List<JsonNode> rows = new ArrayList<>();
        summary.get("rows").forEach(r -> {
            if (r.get("red").asLong() + r.get("yellow").asLong() > 0) {
                rows.add(r);
            }
        });
        rows.sort(Comparator.<JsonNode>comparingLong(r -> -r.get("red").asLong())
                .thenComparingLong(r -> -r.get("yellow").asLong())
                .thenComparing(r -> r.get("district").asText()));
        List<List<Object>> districts = rows.stream().limit(8).map(r -> List.<Object>of(r.get("district").asText(),
                r.get("red").asInt(), r.get("yellow").asInt())).toList();
        assertThat(districts).isNotEmpty();
        assertThat(JSON.readTree(page.getAttribute("[data-testid=table-warning-districts]", "data-value")))
                .isEqualTo(JSON.valueToTree(districts));
        Map<String, Object> first8 = new java.util.HashMap<>(query);
        first8.put("size", 8);
        List<String> ids = new ArrayList<>();
        api("/api/reports/warnings", first8).get("items").forEach(i -> ids.add(i.get("projectId").asText()));
        assertThat(ids).isNotEmpty();
        assertThat(JSON.readTree(page.getAttribute("[data-testid=table-warnings]", "data-value")))
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
