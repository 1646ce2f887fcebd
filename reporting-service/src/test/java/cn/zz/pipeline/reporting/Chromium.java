package cn.zz.pipeline.reporting;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The headless Chromium the dashboard's browser tests drive, in one place: Debian's package, which CI installs
 * (.ci/run); Playwright's own browser download does not work here, so the driver never fetches one and gets the
 * machine's Chromium by path. Each launch starts with a fresh, empty profile.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts the browser; fails the test with what to install when Chromium is missing. */
    static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("Chromium is missing at " + EXECUTABLE + ": install Debian's packages with"
                    + " `apt-get install -y chromium chromium-driver` (.ci/run does this)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        return new Chromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS)));
    }

    /** A new context as a district's office sees the page: 1366×768, Chinese, Beijing time. */
    BrowserContext office() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
    }

    /** Fills in and sends Keycloak's login form on {@code page} as {@code user} (the test realm's password = name). */
    static void logIn(Page page, String user) {
        page.fill("#username", user);
        page.fill("#password", user);
        page.click("#kc-login");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
