package dev.arbor.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborIT;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.OidcClient.SignIn;
import dev.arbor.testing.OidcClient.SilentResult;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "you have been invited" step, driven over HTTP through Keycloak's real login pages: it comes only where the
 * "choose a workspace" step would (clients whose tokens carry the tenancy claim), and never holds up a
 * {@code prompt=none} request; the invitations wait for the next interactive sign-in.
 */
@ArborIT
class InvitationLoginIT {

    private static final String INVITATIONS_PAGE = "id=\"arbor-invitations\"";

    @Test
    void aClientWithoutTheTenancyClaimShowsNoInvitations(TestRealms realms) {
        SkyportWorld world = withLoginSteps(realms);
        invite(world, "alice", world.ws2, "genic-admin");
        OidcClient plain = clientWithoutTenancy(world, "plain");

        SignIn toPlain = plain.signIn(world.users.get("erin"), Map.of(), null);
        SignIn toApp = world.app.signIn(world.users.get("erin"), Map.of(), null);

        assertThat(toPlain.tokens()).as("straight back to the client, got: %s", toPlain.page()).isNotNull();
        assertThat(toPlain.tokens().accessTokenClaims().has("tenancy")).isFalse();
        assertThat(toApp.page()).as("the client with tenancy shows them").contains(INVITATIONS_PAGE);
        assertThat(world.as("erin").get("me/invitations").expect(200)).as("still open").hasSize(1);
    }

    @Test
    void aSilentRequestIsNotHeldUpByAPendingInvitation(TestRealms realms) {
        SkyportWorld world = withLoginSteps(realms);
        world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);
        SignIn signIn = world.app.signIn(world.users.get("erin"), Map.of(), null);
        invite(world, "alice", world.ws2, "genic-admin");

        SilentResult silent = world.app.silently(signIn, Map.of());
        SignIn nextInteractive = world.app.signIn(world.users.get("erin"), Map.of(), null);

        assertThat(silent.authorizationError()).as("no login_required for an invitation").isNull();
        assertThat(silent.token().tokens().accessTokenClaims().path("tenancy").path("scope").path("id").asText())
                .isEqualTo(world.ws1);
        assertThat(nextInteractive.page()).as("the invitation waits for the next sign-in")
                .contains(INVITATIONS_PAGE);
    }

    private static SkyportWorld withLoginSteps(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        world.realm.failClosedOnTenancyScope();
        world.realm.addScopePicker();
        return world;
    }

    /** A client of the realm whose tokens do not carry the tenancy claim (the realm's default scopes have it). */
    private static OidcClient clientWithoutTenancy(SkyportWorld world, String clientId) {
        OidcClient client = world.realm.createPublicClient(clientId);
        var clients = world.realm.admin().clients();
        var created = clients.get(clients.findByClientId(clientId).get(0).getId());
        created.getDefaultClientScopes().stream().filter(scope -> "tenancy".equals(scope.getName()))
                .forEach(scope -> created.removeDefaultClientScope(scope.getId()));
        return client;
    }

    private static void invite(SkyportWorld world, String sender, String scope, String role) {
        world.as(sender).post("scopes/" + scope + "/invitations",
                "{\"email\":\"erin@example.test\",\"roles\":[\"" + role + "\"]}").createdId();
    }
}
