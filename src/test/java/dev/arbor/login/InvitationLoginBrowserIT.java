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
 * The "you have been invited" page of the browser flow, in a real headless Chromium: open invitations are shown
 * after sign-in, accepted or declined there through the same rules as the API, before the workspace is chosen.
 */
@ArborIT
class InvitationLoginBrowserIT {

    @Test
    void anInviteeAcceptsOneInvitationAndDeclinesAnotherWhileSigningIn(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        world.realm.failClosedOnTenancyScope();
        world.realm.addScopePicker();
        String toStudioB = invite(world, "alice", world.ws2, "genic-admin");
        String toStudioA = invite(world, "carol", world.ws1, "genic-admin");
        AuthorizationRequest request = world.app.authorizationRequest(Map.of());

        try (Browser browser = Browser.open()) {
            logIn(browser, request, world.users.get("erin"));
            wait(browser).until(driver -> !driver.findElements(By.id("arbor-invitations")).isEmpty());
            browser.screenshot("login-invitations");
            assertThat(browser.driver().findElement(By.id("arbor-invitations")).getText())
                    .contains("Acme \u203a Studio B").contains("Acme \u203a Studio A")
                    .contains("genic-admin");

            decide(browser, toStudioB, "accept");
            wait(browser).until(driver -> driver.findElements(By.id("arbor-invitation-" + toStudioB)).isEmpty());
            decide(browser, toStudioA, "decline");
            wait(browser).until(driver -> driver.getCurrentUrl().startsWith(TestRealm.REDIRECT_URI));

            var claim = world.app.redeem(browser.driver().getCurrentUrl(), request).accessTokenClaims()
                    .path("tenancy");
            assertThat(claim.path("scope").path("id").asText()).as("the accepted workspace, the only one: no picker")
                    .isEqualTo(world.ws2);
            assertThat(claim.path("roles").toString()).contains("genic-admin");
        }
        assertThat(world.as("carol").get("scopes/" + world.ws1 + "/invitations").expect(200).get(0)
                .path("status").asText()).isEqualTo("DECLINED");
        assertThat(world.as("erin").get("me/invitations").expect(200)).as("nothing left open").isEmpty();
    }

    @Test
    void anInvitationTheSenderMayNoLongerGiveIsRefusedOnThePageAndChangesNothing(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app"); // the step runs only for clients that use tenancy
        world.realm.addScopePicker();
        String invitation = invite(world, "carol", world.ws1, "genic-admin");
        world.as("alice").delete(world.roles(world.ws1, "carol", "owner")).expect(200);
        AuthorizationRequest request = world.app.authorizationRequest(Map.of());

        try (Browser browser = Browser.open()) {
            logIn(browser, request, world.users.get("erin"));
            wait(browser).until(driver -> !driver.findElements(By.id("arbor-invitations")).isEmpty());
            decide(browser, invitation, "accept");
            wait(browser).until(driver -> driver.getPageSource().contains("can no longer be accepted"));
            browser.screenshot("login-invitation-refused");

            assertThat(browser.driver().getPageSource()).as("a plain message: no rule text, no ids")
                    .contains("ask the sender for a new one")
                    .doesNotContain("no longer grant").doesNotContain("sender may")
                    .doesNotContain(world.id("carol")).doesNotContain(world.id("erin"));
        }
        assertThat(world.as("erin").get("me/invitations").expect(200)).as("still open, not accepted").hasSize(1);
    }

    private static String invite(SkyportWorld world, String sender, String scope, String role) {
        return world.as(sender).post("scopes/" + scope + "/invitations",
                "{\"email\":\"erin@example.test\",\"roles\":[\"" + role + "\"]}").createdId();
    }

    private static void decide(Browser browser, String invitation, String decision) {
        browser.driver().findElement(By.cssSelector("#arbor-invitation-" + invitation + " button[value=" + decision
                + "]")).click();
    }

    private static void logIn(Browser browser, AuthorizationRequest request, TestUser user) {
        browser.signIn(request.uri().toString(), user.username(), user.password());
    }

    private static WebDriverWait wait(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
    }
}
