package cn.zz.pipeline.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's first command brings up a stack whose dashboard shows the documents' figures: 上街区's leader opens
 * the address `stack.sh up` prints, logs in through Keycloak, and reads 29.6亿元, +16.5%, 六区第1 / 全市第2 in real
 * headless Chromium (Debian's, installed by .ci/run). The screenshot is kept in target/dashboard/.
 */
class SeedsDashboardE2ETest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    @Test
    void theShangjieLeaderReadsTheBulletinsFigures() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is missing at " + CHROMIUM + ": `apt-get install -y chromium chromium-driver` (.ci/run does this)");
        }
        Stack stack = Stack.shared();
        String url = "http://localhost:" + stack.reportingPort + "/dashboard/?year=2025&month=6&district=410106";
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS))) {
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)
                    .setLocale("zh-CN")).newPage();
            page.navigate(url);
            page.waitForURL(u -> u.startsWith(stack.realmUrl() + "/protocol/openid-connect/auth"));
            page.fill("#username", "leader.shangjie");
            page.fill("#password", "leader.shangjie");
            page.click("#kc-login");
            page.waitForURL(u -> u.contains("/dashboard/") && !u.contains("code="));
            page.waitForSelector("body[data-state=ready]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            Path shot = Path.of("target", "dashboard", "seeds-shangjie-2025-1-6.png");
            Files.createDirectories(shot.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
            System.out.println("dashboard screenshot: " + shot.toAbsolutePath());

            // 上街区 is the leader's own scope, so the address keeps only the period
            assertThat(page.url()).contains("year=2025").contains("month=6");
            assertThat(page.textContent("[data-testid=kpi-ytd] .kpi-value")).isEqualTo("29.6亿元");
            assertThat(page.textContent("[data-testid=kpi-growth] .kpi-value")).isEqualTo("+16.5%");
            assertThat(page.textContent("[data-testid=kpi-rank] .kpi-value")).contains("六区第1").contains("全市第2");
            assertThat(page.textContent("body")).contains("上街区", "1-6月");
        }
    }
}
