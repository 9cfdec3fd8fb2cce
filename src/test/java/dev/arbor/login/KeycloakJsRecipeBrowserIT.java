package dev.arbor.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Browser;
import dev.arbor.testing.Json;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.Log;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The keycloak-js recipe of docs/single-page-apps.md, {@code examples/keycloak-js} as it is, in a real headless
 * Chromium against the real Keycloak: a public client with PKCE signs erin in (through the "choose a workspace"
 * page), switches scope with {@code prompt=none} and keeps it on refresh; a switch to a scope erin holds no role in
 * is refused by Keycloak and the page stays in its scope; a switch after the SSO session ended asks for the login
 * and says why. Screenshots of each step, and of a failure, go to {@code target/screenshots/}.
 */
@ArborIT
class KeycloakJsRecipeBrowserIT {

    private static final String CLIENT = "spa";

    @Test
    void aSwitchNeedsNoLoginPageAndARefreshKeepsTheNewScope(KeycloakServer server, TestRealms realms) {
        SkyportWorld world = erinInTwoWorkspaces(realms);

        inTheRecipe(server, world, browser -> {
            signInAndPick(browser, world, world.ws1);
            assertThat(switchable(browser)).containsExactly(world.ws2);
            browser.screenshot("keycloak-js-1-signed-in");

            click(browser, By.cssSelector("#switchable button[data-scope-id='" + world.ws2 + "']"));
            // prompt=none: Keycloak answers without a page, so nothing is typed and the page comes back by itself
            waitFor(browser, driver -> world.ws2.equals(activeScope(driver)));
            browser.screenshot("keycloak-js-2-switched");

            JsonNode claim = claim(browser);
            assertThat(claim.path("scope").path("id").asText()).isEqualTo(world.ws2);
            assertThat(claim.path("path").findValuesAsText("name")).containsExactly("Acme", "Studio B");
            assertThat(claim.path("roles").toString()).contains("genic-admin");
            assertThat(text(browser, "scope-path")).isEqualTo("Acme \u203a Studio B");
            assertThat(switchable(browser)).containsExactly(world.ws1);
            assertThat(browser.driver().findElements(By.id("kc-form-login"))).isEmpty();

            String before = tokenId(browser.driver());
            click(browser, By.id("refresh"));
            waitFor(browser, driver -> !before.equals(tokenId(driver)));
            assertThat(activeScope(browser.driver())).as("one client session, one scope").isEqualTo(world.ws2);
            assertThat(claim(browser).path("scope").path("id").asText()).isEqualTo(world.ws2);
        });
    }

    @Test
    void aSwitchToAScopeTheUserHoldsNoRoleInIsRefusedAndThePageKeepsItsScope(KeycloakServer server, TestRealms realms) {
        SkyportWorld world = erinInTwoWorkspaces(realms);

        inTheRecipe(server, world, browser -> {
            signInAndPick(browser, world, world.ws2);
            // a list gone stale, or a tampered page: the id of acme, where erin holds no role, on a switch button
            WebElement button = browser.driver().findElement(By.cssSelector("#switchable button"));
            browser.driver().executeScript("arguments[0].dataset.scopeId = arguments[1]", button, world.acme);
            button.click();

            waitFor(browser, driver -> world.acme.equals(notice(driver).getDomAttribute("data-refused-scope"))
                    && world.ws2.equals(activeScope(driver)));
            browser.screenshot("keycloak-js-3-switch-refused");
            assertThat(notice(browser.driver()).getText()).contains("refused the switch").contains("acts in Studio B");
            assertThat(claim(browser).path("scope").path("id").asText()).isEqualTo(world.ws2);
            assertThat(browser.driver().findElements(By.id("kc-form-login"))).isEmpty();

            String before = tokenId(browser.driver());
            click(browser, By.id("refresh"));
            waitFor(browser, driver -> !before.equals(tokenId(driver)));
            assertThat(activeScope(browser.driver())).as("the session still acts in its scope").isEqualTo(world.ws2);

            click(browser, By.cssSelector("#switchable button[data-scope-id='" + world.ws1 + "']"));
            waitFor(browser, driver -> world.ws1.equals(activeScope(driver)));
            assertThat(text(browser, "notice")).as("a switch that worked leaves no notice").isEmpty();
        });
    }

    @Test
    void aSwitchAfterTheSsoSessionEndedAsksForTheLoginAndSaysWhy(KeycloakServer server, TestRealms realms) {
        SkyportWorld world = erinInTwoWorkspaces(realms);

        inTheRecipe(server, world, browser -> {
            signInAndPick(browser, world, world.ws1);
            world.realm.admin().users().get(world.id("erin")).logout();

            click(browser, By.cssSelector("#switchable button[data-scope-id='" + world.ws2 + "']"));
            // prompt=none gets login_required on the redirect URI, the silent way back too; then the login page
            signInAndPick(browser, world, world.ws1);

            waitFor(browser, driver -> world.ws2.equals(notice(driver).getDomAttribute("data-refused-scope")));
            browser.screenshot("keycloak-js-4-session-ended");
            assertThat(notice(browser.driver()).getText()).contains("(login_required)").contains("acts in Studio A");
            assertThat(claim(browser).path("scope").path("id").asText()).isEqualTo(world.ws1);
        });
    }

    private static SkyportWorld erinInTwoWorkspaces(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.failClosedOnTenancyScope();
        world.realm.addScopePicker();
        world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);
        world.as("alice").put(world.roles(world.ws2, "erin", "genic-admin")).expect(200);
        return world;
    }

    /** Serves the recipe, registers it as the realm's public client {@value #CLIENT} and opens a browser. */
    private static void inTheRecipe(KeycloakServer server, SkyportWorld world, Consumer<Browser> steps) {
        try (KeycloakJsRecipeServer recipe = KeycloakJsRecipeServer.start(server.baseUri(), world.realm.name(), CLIENT);
                Browser browser = Browser.open()) {
            createSpaClient(world.realm, recipe);
            browser.driver().get(recipe.page());
            try {
                steps.accept(browser);
            } catch (RuntimeException | AssertionError failure) {
                Log.info("keycloak-js recipe failed at " + browser.driver().getCurrentUrl() + ", saved "
                        + browser.screenshot("keycloak-js-failed"));
                throw failure;
            }
        }
    }

    /** The client settings docs/single-page-apps.md asks for: public, PKCE S256, the page's origin, the claim. */
    private static void createSpaClient(TestRealm realm, KeycloakJsRecipeServer recipe) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT);
        client.setProtocol("openid-connect");
        client.setEnabled(true);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setRedirectUris(List.of(recipe.page()));
        client.setWebOrigins(List.of(recipe.origin()));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        try (Response response = realm.admin().clients().create(client)) {
            CreatedResponseUtil.getCreatedId(response);
        }
        realm.addTenancyClaim(CLIENT);
    }

    /** keycloak-js sends the browser to Keycloak's login page; erin signs in and picks a workspace. */
    private static void signInAndPick(Browser browser, SkyportWorld world, String workspace) {
        TestUser erin = world.users.get("erin");
        waitFor(browser, driver -> !driver.findElements(By.id("kc-form-login")).isEmpty());
        browser.driver().findElement(By.id("username")).sendKeys(erin.username());
        browser.driver().findElement(By.id("password")).sendKeys(erin.password());
        browser.driver().findElement(By.id("kc-login")).click();
        waitFor(browser, driver -> !driver.findElements(By.id("arbor-scope-form")).isEmpty());
        browser.driver().findElement(By.id("arbor-scope-" + workspace)).click();
        waitFor(browser, driver -> workspace.equals(activeScope(driver)));
    }

    private static List<String> switchable(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#switchable button")).stream()
                .map(button -> button.getDomAttribute("data-scope-id")).toList();
    }

    /**
     * The scope the page acts in, once it has shown all of it: the page reveals {@code main#app} only after userinfo's
     * switchable list is in, which comes after the token's scope (reading the list before that found it empty).
     */
    private static String activeScope(WebDriver driver) {
        if (driver.findElements(By.cssSelector("main#app:not([hidden])")).isEmpty()) {
            return null;
        }
        return driver.findElements(By.id("active-scope")).stream().findFirst()
                .map(section -> section.getDomAttribute("data-scope-id")).orElse(null);
    }

    private static String tokenId(WebDriver driver) {
        return driver.findElement(By.id("active-scope")).getDomAttribute("data-token-id");
    }

    private static WebElement notice(WebDriver driver) {
        return driver.findElement(By.id("notice"));
    }

    private static JsonNode claim(Browser browser) {
        return Json.parse(text(browser, "claim"));
    }

    private static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private static void click(Browser browser, By button) {
        browser.driver().findElement(button).click();
    }

    /** Until {@code condition} holds; an element the page re-rendered while the condition read it is read again. */
    private static void waitFor(Browser browser, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }
}
