package dev.arbor.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.OidcClient.PickerResult;
import dev.arbor.testing.OidcClient.SignIn;
import dev.arbor.testing.OidcClient.SilentResult;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TokenSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "choose a workspace" step of the browser flow, driven over HTTP through Keycloak's real login pages: several
 * scopes are offered with their paths, one is taken without asking, none gets a page that says so.
 */
@ArborIT
class ScopePickerIT {

    @Test
    void aUserWithSeveralScopesPicksOneAndTheTokenCarriesIt(TestRealms realms) {
        SkyportWorld world = withPicker(realms);
        world.as("alice").put(world.roles(world.ws1, "erin", "genic-admin")).expect(403); // sealed: not alice's
        world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);
        world.as("alice").put(world.roles(world.ws2, "erin", "genic-admin")).expect(200);
        world.as("root").put(world.roles(world.acme, "erin", "admin")).expect(200);

        PickerResult result = world.app.authorizationCodeWithPicker(world.users.get("erin"), world.ws2);

        assertThat(result.offered()).containsExactlyInAnyOrder(world.acme, world.ws1, world.ws2);
        assertThat(result.page()).doesNotContain("arbor-scope-form"); // the last page is the redirect
        assertThat(result.tokens().accessTokenClaims().path("tenancy").path("scope").path("id").asText())
                .isEqualTo(world.ws2);
    }

    @Test
    void theOfferedPathsReadAsBreadcrumbs(TestRealms realms) {
        SkyportWorld world = withPicker(realms);
        world.as("root").put(world.roles(world.acme, "erin", "admin")).expect(200);
        world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);

        PickerResult result = world.app.authorizationCodeWithPicker(world.users.get("erin"), null);

        assertThat(result.page()).contains("Acme \u203a Studio A").contains("id=\"arbor-scope-form\"");
        assertThat(result.tokens()).isNull();
    }

    @Test
    void aUserWithOneScopeSeesNoPicker(TestRealms realms) {
        SkyportWorld world = withPicker(realms);

        PickerResult result = world.app.authorizationCodeWithPicker(world.users.get("carol"), null);

        assertThat(result.offered()).isEmpty();
        assertThat(result.tokens().accessTokenClaims().path("tenancy").path("scope").path("id").asText())
                .isEqualTo(world.ws1);
    }

    @Test
    void aUserWithNoScopeGetsAClearPage(TestRealms realms) {
        SkyportWorld world = withPicker(realms);

        PickerResult result = world.app.authorizationCodeWithPicker(world.users.get("mallory"), null);

        assertThat(result.tokens()).isNull();
        assertThat(result.page()).contains("id=\"arbor-no-scope\"")
                .contains("does not belong to any workspace yet");
    }

    @Test
    void anAppSwitchesScopeWithoutAPasswordAndKeepsItOnSilentRenewal(TestRealms realms) {
        SkyportWorld world = withPicker(realms);
        world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);
        world.as("alice").put(world.roles(world.ws2, "erin", "genic-admin")).expect(200);
        SignIn signIn = world.app.signIn(world.users.get("erin"), Map.of(), world.ws2);

        SilentResult switched = world.app.silently(signIn, Map.of("tenancy_scope", world.ws1));
        SilentResult renewed = world.app.silently(signIn, Map.of());
        TokenSet refreshed = world.app.refresh(signIn.tokens().refreshToken());

        assertThat(activeScope(signIn.tokens())).isEqualTo(world.ws2);
        assertThat(activeScope(switched.token().tokens())).isEqualTo(world.ws1);
        assertThat(activeScope(renewed.token().tokens())).as("no scope named: the session's scope stays")
                .isEqualTo(world.ws1);
        assertThat(activeScope(refreshed)).as("one client session, one active scope").isEqualTo(world.ws1);
    }

    @Test
    void aSecondAppOnTheSameSsoSessionAsksForTheScopeOrTakesTheOneItNames(TestRealms realms) {
        SkyportWorld world = withPicker(realms);
        world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);
        world.as("alice").put(world.roles(world.ws2, "erin", "genic-admin")).expect(200);
        OidcClient otherApp = world.realm.createPublicClient("other-app");
        world.realm.addTenancyClaim("other-app");
        SignIn signIn = world.app.signIn(world.users.get("erin"), Map.of(), world.ws2);

        SilentResult unnamed = otherApp.silently(signIn, Map.of());
        SilentResult named = otherApp.silently(signIn, Map.of("tenancy_scope", world.ws1));

        assertThat(unnamed.authorizationError()).as("the picker needs the user").isEqualTo("login_required");
        assertThat(activeScope(named.token().tokens())).isEqualTo(world.ws1);
        assertThat(activeScope(world.app.refresh(signIn.tokens().refreshToken()))).as("the first app's session")
                .isEqualTo(world.ws2);
    }

    @Test
    void aSilentSwitchToAScopeOutsideTheUsersReachIsRefused(TestRealms realms) {
        SkyportWorld world = withPicker(realms);
        world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);
        world.as("alice").put(world.roles(world.ws2, "erin", "genic-admin")).expect(200);
        SignIn signIn = world.app.signIn(world.users.get("erin"), Map.of(), world.ws2);

        SilentResult outside = world.app.silently(signIn, Map.of("tenancy_scope", world.acme));
        SilentResult unknown = world.app.silently(signIn, Map.of("tenancy_scope", "no-such-scope"));

        assertThat(outside.token().status()).isEqualTo(400);
        assertThat(outside.token().body().path("error").asText()).isEqualTo("access_denied");
        assertThat(unknown.token().body().path("error").asText()).isEqualTo("invalid_scope");
        assertThat(activeScope(world.app.refresh(signIn.tokens().refreshToken()))).isEqualTo(world.ws2);
    }

    @Test
    void userinfoListsTheOtherScopesToSwitchToAndTokensDoNot(TestRealms realms) {
        SkyportWorld world = erinInThreeScopes(realms);
        TokenSet tokens = world.app.signIn(world.users.get("erin"), Map.of(), world.ws2).tokens();

        JsonNode userinfo = world.app.userInfo(tokens.accessToken()).path("tenancy");

        assertThat(userinfo.path("scope").path("id").asText()).isEqualTo(world.ws2);
        assertThat(userinfo.path("switchable").findValuesAsText("id")).containsExactly(world.acme, world.ws1);
        assertThat(userinfo.path("switchable").get(1).path("path").toString())
                .isEqualTo("[\"Acme\",\"Studio A\"]");
        assertThat(tokens.accessTokenClaims().path("tenancy").has("switchable")).isFalse();
        assertThat(tokens.idTokenClaims().path("tenancy").has("switchable")).isFalse();
    }

    @Test
    void userinfoListsAtMostTheLimitAndSaysWhenThereAreMore(TestRealms realms) {
        SkyportWorld world = erinInThreeScopes(realms);
        world.realm.configureTenancyClaim("arbor.switchable.limit", "1");

        JsonNode fromAcme = world.app.userInfo(world.app.signIn(world.users.get("erin"), Map.of(), world.acme)
                .tokens().accessToken()).path("tenancy");
        JsonNode fromStudio = world.app.userInfo(world.app.signIn(world.users.get("erin"), Map.of(), world.ws1)
                .tokens().accessToken()).path("tenancy");
        world.realm.configureTenancyClaim("arbor.switchable.limit", "2");
        JsonNode allFromStudio = world.app.userInfo(world.app.signIn(world.users.get("erin"), Map.of(), world.ws1)
                .tokens().accessToken()).path("tenancy");

        assertThat(fromAcme.path("switchable").findValuesAsText("id")).as("the first scope is the active one")
                .containsExactly(world.ws1);
        assertThat(fromAcme.path("switchableTruncated").asBoolean()).isTrue();
        assertThat(fromStudio.path("switchable").findValuesAsText("id")).containsExactly(world.acme);
        assertThat(fromStudio.path("switchableTruncated").asBoolean()).isTrue();
        assertThat(allFromStudio.path("switchable").findValuesAsText("id")).containsExactly(world.acme, world.ws2);
        assertThat(allFromStudio.has("switchableTruncated")).isFalse();
    }

    private static String activeScope(TokenSet tokens) {
        return tokens.accessTokenClaims().path("tenancy").path("scope").path("id").asText();
    }

    /** Erin holds a role at Acme and at both of its studios, each granted by someone who may. */
    private static SkyportWorld erinInThreeScopes(TestRealms realms) {
        SkyportWorld world = withPicker(realms);
        world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);
        world.as("alice").put(world.roles(world.ws2, "erin", "genic-admin")).expect(200);
        world.as("root").put(world.roles(world.acme, "erin", "admin")).expect(200);
        return world;
    }

    private static SkyportWorld withPicker(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        world.realm.failClosedOnTenancyScope();
        world.realm.addScopePicker();
        return world;
    }
}
