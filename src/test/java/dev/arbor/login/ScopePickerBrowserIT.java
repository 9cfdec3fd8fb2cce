package dev.arbor.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Browser;
import dev.arbor.testing.OidcClient.AuthorizationRequest;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "choose a workspace" page in a real headless Chromium: a user with three workspaces sees the picker, picks
 * one, and the app's code yields a token of that workspace; one workspace, no picker; none, a clear page.
 * Screenshots go to {@code target/screenshots/}.
 */
@ArborIT
class ScopePickerBrowserIT {

    @Test
    void aUserWithThreeWorkspacesPicksOne(TestRealms realms) {
        SkyportWorld world = withPicker(realms);
        world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);
        world.as("alice").put(world.roles(world.ws2, "erin", "genic-admin")).expect(200);
        String ws3 = world.as("alice").post("scopes", world.workspace("Studio C")).createdId();
        world.as("alice").put(world.roles(ws3, "erin", "genic-admin")).expect(200);
        AuthorizationRequest request = world.app.authorizationRequest(Map.of());

        try (Browser browser = Browser.open()) {
            logIn(browser, request, world.users.get("erin"));
            wait(browser).until(driver -> !driver.findElements(By.id("arbor-scope-form")).isEmpty());
            browser.screenshot("scope-picker");
            assertThat(browser.driver().findElements(By.cssSelector("#arbor-scope-form button"))).hasSize(3);
            assertThat(browser.driver().findElement(By.id("arbor-scope-form")).getText()).contains("Acme \u203a Studio B");

            browser.driver().findElement(By.id("arbor-scope-" + world.ws2)).click();
            wait(browser).until(driver -> driver.getCurrentUrl().startsWith(TestRealm.REDIRECT_URI));

            var claim = world.app.redeem(browser.driver().getCurrentUrl(), request).accessTokenClaims().path("tenancy");
            assertThat(claim.path("scope").path("id").asText()).isEqualTo(world.ws2);
        }
    }

    @Test
    void aUserWithOneWorkspaceSeesNoPicker(TestRealms realms) {
        SkyportWorld world = withPicker(realms);
        AuthorizationRequest request = world.app.authorizationRequest(Map.of());

        try (Browser browser = Browser.open()) {
            logIn(browser, request, world.users.get("carol"));
            wait(browser).until(driver -> driver.getCurrentUrl().startsWith(TestRealm.REDIRECT_URI));

            assertThat(world.app.redeem(browser.driver().getCurrentUrl(), request).accessTokenClaims()
                    .path("tenancy").path("scope").path("id").asText()).isEqualTo(world.ws1);
        }
    }

    @Test
    void aUserWithNoWorkspaceGetsAClearPage(TestRealms realms) {
        SkyportWorld world = withPicker(realms);
        AuthorizationRequest request = world.app.authorizationRequest(Map.of());

        try (Browser browser = Browser.open()) {
            logIn(browser, request, world.users.get("mallory"));
            wait(browser).until(driver -> !driver.findElements(By.id("arbor-no-scope")).isEmpty());
            browser.screenshot("scope-picker-none");

            assertThat(browser.driver().findElement(By.id("arbor-no-scope")).getText())
                    .contains("does not belong to any workspace yet");
            assertThat(browser.driver().getPageSource()).doesNotContain("Internal Server Error");
        }
    }

    private static void logIn(Browser browser, AuthorizationRequest request, TestUser user) {
        browser.signIn(request.uri().toString(), user.username(), user.password());
    }

    private static WebDriverWait wait(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
    }

    private static SkyportWorld withPicker(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        world.realm.failClosedOnTenancyScope();
        world.realm.addScopePicker();
        return world;
    }
}
