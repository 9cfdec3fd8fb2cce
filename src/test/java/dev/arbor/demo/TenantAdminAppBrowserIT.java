package dev.arbor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Browser;
import dev.arbor.testing.DemoRealms;
import dev.arbor.testing.DemoTenancy;
import dev.arbor.testing.Http;
import dev.arbor.testing.Json;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tenant admin web app at {@code /realms/{realm}/tenancy/ui/}, in a real headless Chromium against the demo
 * realms, as their users would use it. Screenshots of every step go to {@code target/screenshots/}.
 */
@ArborIT
class TenantAdminAppBrowserIT {

    private static final DemoRealms REALMS = new DemoRealms();

    @Test
    void skyportAccountOwnerHandsAWorkspaceOverAndTakesItBack(KeycloakServer server) {
        String realm = REALMS.realm(server, "skyport");
        String workspace;
        try (App alice = App.signIn(server, realm, "alice")) {
            alice.click(By.partialLinkText("Acme Broadcast"));
            alice.waitForHeading("Acme Broadcast");
            alice.type(By.id("create-name"), "Studio C");
            alice.submit(By.id("create-form"));
            alice.waitForNotice("Studio C created.");
            alice.click(By.partialLinkText("Studio C"));
            alice.waitForHeading("Studio C");
            workspace = alice.currentScope();
            alice.invite("erin@skyport.example", "owner");
            alice.waitForNotice("Invitation sent to erin@skyport.example.");
            alice.screenshot("app-1-account-owner-invites-workspace-owner");
        }
        try (App erin = App.signIn(server, realm, "erin")) {
            erin.screenshot("app-2a-invitation-on-home");
            erin.acceptInvitation("Studio C");
            erin.open(workspace);
            erin.waitFor(By.id("invite-form"));
            assertThat(erin.texts(By.cssSelector("#invite-form input[name=role]"), "value")).contains("admin");
            erin.invite("frank@skyport.example", "admin");
            erin.waitForNotice("Invitation sent to frank@skyport.example.");
            erin.screenshot("app-2-workspace-owner-invites-admin");
        }
        try (App frank = App.signIn(server, realm, "frank")) {
            frank.acceptInvitation("Studio C");
        }
        try (App alice = App.signIn(server, realm, "alice")) {
            alice.open(workspace);
            alice.waitFor(By.id("take-back"));
            assertThat(alice.driver().findElements(By.cssSelector("#members tr[data-user=erin]")))
                    .as("sealed: the account owner no longer sees the workspace's users").isEmpty();
            assertThat(alice.driver().findElements(By.cssSelector("#members tr[data-user=frank]"))).isEmpty();
            alice.explain("alice", "subscriptions:subscriptions:stop");
            assertThat(alice.text(By.id("explain-result"))).startsWith("Not allowed");
            alice.screenshot("app-3-account-owner-sealed-out");

            alice.click(By.cssSelector("[data-action=take-back]"));
            assertThat(alice.text(By.id("confirm-text"))).contains("1 user(s) will be removed");
            alice.screenshot("app-4-take-back-confirmation");
            alice.click(By.id("confirm-ok"));
            alice.waitForNotice("Studio C taken back; 1 user(s) removed with it.");
            alice.explain("alice", "subscriptions:subscriptions:stop");
            assertThat(alice.text(By.id("explain-result"))).startsWith("Allowed");
            assertThat(alice.driver().findElements(By.cssSelector("#members tbody tr"))).isEmpty();
            alice.screenshot("app-5-taken-back");
        }
    }

    @Test
    void anEschatCustomerTechnicalUserSeesTheCustomerReadOnlyAndEveryButtonWorks(KeycloakServer server) {
        String realm = REALMS.realm(server, "eschat");
        try (App tess = App.signIn(server, realm, "tess")) {
            tess.click(By.partialLinkText("Metro Fire"));
            tess.waitForHeading("Metro Fire");
            tess.screenshot("app-eschat-customer-technical");

            assertThat(tess.driver().findElements(By.cssSelector("#create-form, #invite-form, [data-action=grant],"
                    + " [data-action=revoke]:not([data-self]), [data-action=take-back]")))
                    .as("read-only: nothing of others to change").isEmpty();
            assertThat(tess.driver().findElements(By.cssSelector("#view button")))
                    .extracting(button -> button.getText().equals("×") ? button.getAttribute("title")
                            : button.getText())
                    .containsExactly("Give up your role customer-technical", "Explain");

            tess.explain("tess", "users:users:edit");
            assertThat(tess.text(By.id("explain-result"))).startsWith("Allowed");
            tess.click(By.cssSelector("[data-action=revoke][data-self]"));
            tess.click(By.id("confirm-ok"));
            tess.waitForNotice("customer-technical taken back from tess.");
            assertThat(tess.text(By.id("view"))).as("she left the customer: home again")
                    .contains("You hold no role anywhere yet");
        }
    }

    @Test
    void aRealmAdminReachesTheAppFromTheAdminConsoleAndValidatesTheSchema(KeycloakServer server) {
        String realm = REALMS.realm(server, "skyport");
        try (Browser browser = Browser.open()) {
            browser.signIn(server.baseUri() + "/admin/" + realm + "/console/#/" + realm + "/clients", "admin", "admin");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
            WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("a[href$='/realms/" + realm + "/tenancy/ui/']")));
            browser.screenshot("console-clients-with-app-link");

            browser.driver().get(link.getAttribute("href"));
            wait.until(driver -> !driver.findElements(By.id("nav-schema")).isEmpty());
            browser.driver().findElement(By.id("nav-schema")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schema-text")));
            assertThat(browser.driver().findElement(By.id("view")).getText()).contains("In force: skyport");
            WebElement text = browser.driver().findElement(By.id("schema-text"));
            text.clear();
            text.sendKeys("arbor: 1\nid: broken\nversion: 1\nscopeTypes:\n  team:\n    parents: [nowhere]\n");
            browser.driver().findElement(By.id("schema-validate")).click();
            wait.until(driver -> !driver.findElement(By.id("schema-problems")).getText().isBlank());
            browser.screenshot("app-schema-problems");

            assertThat(browser.driver().findElement(By.id("schema-problems")).getText()).contains("nowhere");
        }
    }

    @Test
    void whatTheAppOffersOnScreenIsWhatTheApiOffers(KeycloakServer server) {
        String realm = REALMS.realm(server, "skyport");
        OidcClient cli = OidcClient.of(server, realm, DemoTenancy.CLIENT);
        int pages = 0;
        for (String username : List.of("alice", "bob", "carol", "dave", "erin")) {
            String token = cli.password(new TestUser(null, username, username)).accessToken();
            try (App app = App.signIn(server, realm, username)) {
                for (JsonNode access : api(server, realm, token, "me?max=100")) {
                    String scopeId = access.path("scope").path("id").asText();
                    app.open(scopeId);
                    JsonNode actions = api(server, realm, token, "scopes/" + scopeId + "/actions?max=50");
                    Map<String, String> usernames = new HashMap<>();
                    api(server, realm, token, "scopes/" + scopeId + "/members?max=50").path("members")
                            .forEach(member -> usernames.put(member.path("userId").asText(),
                                    member.path("username").asText()));
                    String where = username + " at " + access.path("scope").path("name").asText();
                    for (JsonNode member : actions.path("members")) {
                        String row = "#members tr[data-user='" + usernames.get(member.path("userId").asText()) + "'] ";
                        List<String> offered = new ArrayList<>();
                        member.path("grant").forEach(role -> offered.add(role.asText() + "|"));
                        member.path("transfer").forEach(role -> offered.add(role.asText() + "|transfer"));
                        assertThat(app.texts(By.cssSelector(row + "select[name=role] option"), "value"))
                                .as(where + ": roles to give " + row).containsExactlyInAnyOrderElementsOf(offered);
                        assertThat(app.texts(By.cssSelector(row + "[data-action=revoke]"), "data-role"))
                                .as(where + ": roles to take back " + row)
                                .containsExactlyInAnyOrderElementsOf(member.path("revoke").findValuesAsText("role"));
                    }
                    assertThat(app.texts(By.cssSelector("#invite-form input[name=role]"), "value")).as(where)
                            .containsExactlyInAnyOrderElementsOf(values(actions.path("invite")));
                    assertThat(app.texts(By.cssSelector("#create-type option"), "value")).as(where)
                            .containsExactlyInAnyOrderElementsOf(values(actions.path("createChildren")));
                    long hiddenOwners = 0;
                    for (JsonNode takeBack : actions.path("takeBack")) {
                        hiddenOwners += usernames.containsKey(takeBack.path("holderId").asText()) ? 0 : 1;
                    }
                    assertThat(app.driver().findElements(By.cssSelector("[data-action=take-back]"))).as(where)
                            .hasSize((int) hiddenOwners);
                    pages++;
                }
            }
        }
        assertThat(pages).isGreaterThanOrEqualTo(5);
    }

    @Test
    void itWorksAtAPhonesWidth(KeycloakServer server) {
        String realm = REALMS.realm(server, "skyport");
        try (App carol = App.signIn(server, realm, "carol")) {
            carol.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            carol.click(By.partialLinkText("Studio A"));
            carol.waitForHeading("Studio A");

            Long overflow = (Long) carol.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("no sideways scrolling").isLessThanOrEqualTo(0L);
            assertThat(carol.driver().findElement(By.cssSelector("#members tr[data-user=dave] [data-action=grant]"))
                    .isDisplayed()).isTrue();
            carol.screenshot("app-phone-width");
        }
    }

    private static JsonNode api(KeycloakServer server, String realm, String token, String path) {
        var response = Http.get(server.realmUri(realm, "tenancy/" + path), token);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @AfterAll
    static void removeRealms(KeycloakServer server) {
        REALMS.close(server);
    }

    /** One user's browser on the app. */
    static final class App implements AutoCloseable {

        private final Browser browser;
        private final String base;
        private final String username;

        private App(Browser browser, String base, String username) {
            this.browser = browser;
            this.base = base;
            this.username = username;
        }

        /** Opens the app, signs in through Keycloak's login page (demo passwords equal usernames). */
        static App signIn(KeycloakServer server, String realm, String username) {
            Browser browser = Browser.open();
            App app = new App(browser, server.baseUri() + "/realms/" + realm + "/tenancy/ui/", username);
            browser.signIn(app.base, username, username);
            app.wait(driver -> !driver.findElements(By.id("arbor-invitations")).isEmpty()
                    || driver.findElements(By.cssSelector("#view h1")).stream()
                            .anyMatch(heading -> heading.getText().equals("Your tenancy")));
            return app;
        }

        /**
         * Accepts the invitation to {@code scopeName} on the app's home page. The app's client does not issue the
         * tenancy claim, so its sign-in shows no "you have been invited" step (that step is InvitationLoginBrowserIT's).
         */
        void acceptInvitation(String scopeName) {
            waitForHeading("Your tenancy");
            WebElement invitation = waitFor(By.id("my-invitations")).findElements(By.tagName("li")).stream()
                    .filter(item -> item.getText().contains(scopeName)).findFirst().orElseThrow();
            invitation.findElement(By.cssSelector("[data-action=accept]")).click();
            waitForNotice("You joined " + scopeName + ".");
            assertThat(text(By.id("my-scopes"))).contains(scopeName);
        }

        org.openqa.selenium.chrome.ChromeDriver driver() {
            return browser.driver();
        }

        void open(String scopeId) {
            driver().get(base + "#/scopes/" + scopeId);
            wait(driver -> driver.getCurrentUrl().contains(scopeId)
                    && !driver.findElements(By.id("members-title")).isEmpty());
        }

        String currentScope() {
            String url = driver().getCurrentUrl();
            return url.substring(url.indexOf("#/scopes/") + "#/scopes/".length());
        }

        void invite(String email, String role) {
            type(By.id("invite-email"), email);
            click(By.cssSelector("#invite-form input[name=role][value='" + role + "']"));
            submit(By.id("invite-form"));
        }

        void explain(String username, String permission) {
            new Select(driver().findElement(By.id("explain-user"))).selectByVisibleText(username);
            new Select(driver().findElement(By.id("explain-permission"))).selectByValue(permission);
            driver().findElement(By.cssSelector("#explain-form button[type=submit]")).click();
            wait(driver -> !driver.findElement(By.id("explain-result")).getText().isBlank());
        }

        /** Clicks {@code element}, finding it again if the app re-rendered it meanwhile. */
        void click(By element) {
            new WebDriverWait(driver(), Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                    .until(driver -> {
                        WebElement clickable = ExpectedConditions.elementToBeClickable(element).apply(driver);
                        if (clickable == null) {
                            return false;
                        }
                        clickable.click();
                        return true;
                    });
        }

        void type(By element, String text) {
            WebElement field = waitFor(element);
            field.clear();
            field.sendKeys(text);
        }

        void submit(By form) {
            waitFor(form).findElement(By.cssSelector("button[type=submit]")).click();
        }

        /** Waits until the app shows the page titled {@code name} (the previous page may look alike). */
        void waitForHeading(String name) {
            wait(driver -> driver.findElement(By.cssSelector("#view h1")).getText().startsWith(name));
        }

        WebElement waitFor(By element) {
            return wait(ExpectedConditions.visibilityOfElementLocated(element));
        }

        void waitForNotice(String text) {
            wait(driver -> {
                String notice = driver.findElement(By.id("notice")).getText();
                if (notice.contains("Not allowed") || driver.findElement(By.id("notice")).getAttribute("class")
                        .contains("error")) {
                    throw new AssertionError("the app reported an error: " + notice);
                }
                return notice.contains(text);
            });
        }

        String text(By element) {
            return waitFor(element).getText();
        }

        List<String> texts(By elements, String attribute) {
            return driver().findElements(elements).stream().map(element -> element.getAttribute(attribute)).toList();
        }

        /** Waits for {@code condition}, asking again when the app re-rendered what it looked at. */
        <T> T wait(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
            return new WebDriverWait(driver(), Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        }

        void screenshot(String name) {
            browser.screenshot(name);
        }

        /** Closes the browser, keeping its last page as {@code app-last-<user>.png} (the place of a failure). */
        @Override
        public void close() {
            try {
                browser.screenshot("app-last-" + username);
            } finally {
                browser.close();
            }
        }
    }
}
