package cn.zz.pipeline.reporting;

import cn.zz.pipeline.testsupport.KeycloakServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Swagger UI logs in at Keycloak instead of asking for a pasted token: the security scheme is OpenID Connect (the
 * realm's discovery document), the flow the authorization code with PKCE as the public client pipeline-swagger. In
 * real headless Chromium: Authorize, Keycloak's form in the popup, then one GET executed with the token it got.
 */
@QuarkusTest
class SwaggerLoginBrowserTest {

    private static final Path ARTIFACTS = Path.of("target", "dashboard");
    private static final String PATH = "/api/reports/pipeline";

    @TestHTTPResource("/")
    URL root;

    @Test
    void theSecuritySchemeIsKeycloaksOpenIdConnect() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.SecurityScheme.type", equalTo("openIdConnect"))
                .body("components.securitySchemes.SecurityScheme.openIdConnectUrl",
                        equalTo(KeycloakServer.realmUrl() + "/.well-known/openid-configuration"));
    }

    @Test
    void aLeaderAuthorizesAtKeycloakAndExecutesAGet() throws Exception {
        DashboardClient.matchRealmFile();
        String origin = root.toString().replaceAll("/$", "");
        // The test's service listens on a random port: register it, as a deployment lists its own address.
        DashboardClient.allowSwaggerAt(origin);
        Files.createDirectories(ARTIFACTS);
        try (Chromium chromium = Chromium.launch(); BrowserContext context = chromium.office()) {
            Page page = context.newPage();
            try {
                page.navigate(origin + "/q/swagger-ui/");
                page.click("button.authorize");
                // The OpenID Connect scheme offers the realm's grant types; the authorization code one is the login.
                Locator flow = page.locator(".auth-container").filter(new Locator.FilterOptions()
                        .setHasText("authorization_code"));
                assertThat(flow.locator("input#client_id_authorization_code, input[data-name=clientId]").first()
                        .inputValue()).isEqualTo("pipeline-swagger");
                Page popup = page.waitForPopup(() -> flow.locator("button.authorize").click());
                popup.waitForURL(u -> u.startsWith(KeycloakServer.realmUrl() + "/protocol/openid-connect/auth"));
                assertThat(popup.url()).contains("client_id=pipeline-swagger").contains("code_challenge_method=S256");
                // Keycloak redirects to Swagger UI's oauth2-redirect page, which hands the code over and closes the
                // popup, possibly before the click returns: submit without waiting, then poll from the main page.
                popup.fill("#username", "leader.city");
                popup.fill("#password", "leader.city");
                popup.locator("#kc-login").click(new Locator.ClickOptions().setNoWaitAfter(true));
                page.waitForCondition(popup::isClosed);
                // Authorized: the flow now offers to log out.
                flow.locator("button:has-text('Logout')").waitFor();
                page.click("button.close-modal");

                Locator op = page.locator(".opblock-get").filter(new Locator.FilterOptions()
                        .setHas(page.locator(".opblock-summary-path[data-path='" + PATH + "']"))).first();
                op.locator(".opblock-summary").first().click();
                op.locator("button.try-out__btn").click();
                op.locator("button.execute").click();
                Locator status = op.locator(".live-responses-table tbody .response .response-col_status").first();
                status.waitFor();
                assertThat(status.textContent().strip()).isEqualTo("200");
                // Try-out fills the parameters' examples in (district 410106), so the body is that district's.
                assertThat(op.locator(".live-responses-table tbody .response-col_description").first()
                        .textContent())
                        .contains("\"stages\"").contains("\"district\": \"410106\"");
                page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("swagger-ui-200.png"))
                        .setFullPage(true));
            } catch (RuntimeException | AssertionError e) {
                Files.writeString(ARTIFACTS.resolve("swagger-failure.html"), page.content());
                page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("swagger-failure.png"))
                        .setFullPage(true));
                System.out.println("swagger-ui failure at " + page.url());
                throw e;
            }
        }
    }
}
