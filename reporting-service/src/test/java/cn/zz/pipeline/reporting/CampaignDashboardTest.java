package cn.zz.pipeline.reporting;

import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.testsupport.KeycloakServer;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's 三个一批 panel in headless Chromium (as {@link DashboardBrowserTest} drives it): logged in as
 * leader.city, the panel shows the campaign the API lists first with projects in the selection, per list and per
 * district as the campaign report says; narrowed to 上街, only 上街.
 */
@QuarkusTest
class CampaignDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ARTIFACTS = Path.of("target", "dashboard");

    @TestHTTPResource("/")
    URL root;

    @Inject
    PipelineConfig config;

    @BeforeEach
    void fixToday() {
        QuarkusMock.installMockForType(Today.standingOn(config, CampaignReportTest.TODAY), Today.class);
    }

    @Test
    void theCampaignPanelShowsWhatTheReportSays() throws Exception {
        DashboardClient.matchRealmFile();
        CampaignReportTest.feed();
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
                browse(page);
            } catch (RuntimeException | AssertionError | IOException e) {
                Files.createDirectories(ARTIFACTS);
                Files.writeString(ARTIFACTS.resolve("campaign-failure.html"), page.content());
                page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("campaign-failure.png"))
                        .setFullPage(true));
                System.out.println("campaign panel failure at " + page.url() + ", page errors " + pageErrors);
                throw e;
            }
            assertThat(pageErrors).as("errors in the page").isEmpty();
        }
    }

    private void browse(Page page) throws IOException {
        page.navigate(url("/dashboard/"));
        page.waitForURL(u -> u.startsWith(KeycloakServer.realmUrl() + "/protocol/openid-connect/auth"));
        Chromium.logIn(page, "leader.city");
        page.waitForURL(u -> u.startsWith(url("/dashboard/")));
        page.waitForSelector("body[data-state=ready]", new Page.WaitForSelectorOptions().setTimeout(60_000));

        String panel = page.textContent("[data-testid=panel-campaign]");
        assertThat(panel).contains("三个一批完成情况");
        assertPanelMatchesApi(page, null);

        int loads = Integer.parseInt(page.getAttribute("body", "data-loads"));
        page.selectOption("[data-testid=select-district]", TestDistricts.SHANGJIE);
        page.waitForFunction("n => Number(document.body.dataset.loads) > n && document.body.dataset.state === 'ready'",
                loads);
        JsonNode shown = assertPanelMatchesApi(page, TestDistricts.SHANGJIE);
        assertThat(shown.get("districts").toString()).isEqualTo("[\"" + TestDistricts.SHANGJIE + "\"]");
        assertThat(page.textContent("[data-testid=table-campaign]")).contains("上街区").doesNotContain("新郑市");
        assertThat(page.getAttribute("[data-testid=table-campaign] tbody tr", "class")).isEqualTo("focus");
        Files.createDirectories(ARTIFACTS);
        page.locator("[data-testid=panel-campaign]").screenshot(new Locator.ScreenshotOptions()
                .setPath(ARTIFACTS.resolve("campaign-panel-" + TestDistricts.SHANGJIE + ".png")));
    }

    /** The panel's figures (data-value) against the report of the campaign the list offers first; returns them. */
    private static JsonNode assertPanelMatchesApi(Page page, String district) throws IOException {
        Map<String, Object> where = district == null ? Map.of() : Map.of("district", district);
        JsonNode known = api("/api/reports/campaigns", where);
        JsonNode pick = null;
        for (JsonNode c : known.get("items")) {
            if (pick == null && c.get("count").asLong() > 0) {
                pick = c;
            }
        }
        assertThat(pick).as("a campaign with projects in " + district).isNotNull();
        JsonNode report = api("/api/reports/campaigns/" + pick.get("id").asText(), where);

        JsonNode shown = JSON.readTree(page.getAttribute("[data-testid=chart-campaign]", "data-value"));
        assertThat(shown.get("id").asText()).isEqualTo(report.get("id").asText());
        assertThat(shown.get("lists").toString()).isEqualTo("[\"SIGN\",\"START\",\"PRODUCE\"]");
        for (int i = 0; i < 3; i++) {
            JsonNode l = report.get("lists").get(i);
            assertThat(shown.get("count").get(i).asLong()).isEqualTo(l.get("count").asLong());
            assertThat(shown.get("done").get(i).asLong()).isEqualTo(l.get("done").asLong());
            assertSame(shown.get("rate").get(i), l.get("rate"), "rate of " + l.get("list"));
        }
        assertThat(shown.get("districts").size()).isEqualTo(report.get("districts").size());
        for (int i = 0; i < report.get("districts").size(); i++) {
            JsonNode d = report.get("districts").get(i);
            assertThat(shown.get("districts").get(i).asText()).isEqualTo(d.get("district").asText());
            assertSame(shown.get("districtRate").get(i), d.get("rate"), "rate of " + d.get("district"));
        }
        assertThat(page.textContent("[data-testid=campaign-name]")).contains(report.get("name").asText())
                .contains(report.get("dueDate").asText());
        assertThat(page.locator("[data-testid=table-campaign] tbody tr").count())
                .isEqualTo(report.get("districts").size());
        assertThat(page.textContent("[data-testid=panel-campaign]")).contains("签约一批", "开工一批", "投产一批");
        return shown;
    }

    private static void assertSame(JsonNode shown, JsonNode api, String what) {
        if (api == null || api.isNull()) {
            assertThat(shown == null || shown.isNull()).as(what).isTrue();
        } else {
            assertThat(new BigDecimal(shown.asText())).as(what).isEqualByComparingTo(new BigDecimal(api.asText()));
        }
    }

    private static JsonNode api(String path, Map<String, Object> query) throws IOException {
        return JSON.readTree(given().header("Authorization", Tokens.bearer("leader.city")).queryParams(query)
                .get(path).then().statusCode(200).extract().asString());
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
