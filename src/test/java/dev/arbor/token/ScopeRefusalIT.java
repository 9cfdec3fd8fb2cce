package dev.arbor.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborIT;
import dev.arbor.testing.OidcClient.TokenResponse;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import dev.arbor.testing.TokenSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fail closed: with Arbor's client-policy executor, a token request naming a scope the user may not act in, an
 * unknown, malformed or doubled scope, or a refresh after the user left the session's scope, is refused with a
 * standard OAuth error, never answered with a token lacking the claim or carrying another scope.
 */
@ArborIT
class ScopeRefusalIT {

    @Test
    void aScopeTheUserMayNotActInIsAccessDenied(TestRealms realms) {
        SkyportWorld world = failingClosed(realms);

        TokenResponse response = password(world, "dave", Map.of("tenancy_scope", world.ws2));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("error").asText()).isEqualTo("access_denied");
        assertThat(response.body().path("error_description").asText()).contains("may not act in");
    }

    @Test
    void unknownMalformedAndSeveralScopesAreInvalidScope(TestRealms realms) {
        SkyportWorld world = failingClosed(realms);

        assertThat(password(world, "dave", Map.of("tenancy_scope", "no-such-scope")).body().path("error").asText())
                .isEqualTo("invalid_scope");
        assertThat(password(world, "dave", Map.of("tenancy_scope", world.ws1 + " " + world.ws2)).body().path("error")
                .asText()).isEqualTo("invalid_scope");
        String doubled = "grant_type=password&client_id=app&username=dave&password=" + world.users.get("dave").password()
                + "&tenancy_scope=" + world.ws1 + "&tenancy_scope=" + world.ws2;
        TokenResponse twice = world.app.rawTokenRequest(doubled);
        // Keycloak itself refuses a repeated parameter before Arbor sees it
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().path("error").asText()).isIn("invalid_request", "invalid_scope");
        assertThat(twice.body().has("access_token")).isFalse();
    }

    @Test
    void aScopeTheUserActsInStillGetsItsToken(TestRealms realms) {
        SkyportWorld world = failingClosed(realms);

        TokenSet tokens = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws2));

        assertThat(tokens.accessTokenClaims().path("tenancy").path("scope").path("id").asText()).isEqualTo(world.ws2);
    }

    @Test
    void aRefreshAfterTheMembershipWasRevokedIsInvalidGrant(TestRealms realms) {
        SkyportWorld world = failingClosed(realms);
        TokenSet carol = world.app.password(world.users.get("carol"));
        assertThat(carol.accessTokenClaims().path("tenancy").path("scope").path("id").asText()).isEqualTo(world.ws1);

        world.as("alice").delete(world.roles(world.ws1, "carol", "owner")).expect(200);
        TokenResponse refresh = world.app.tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", carol.refreshToken()));

        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.body().path("error").asText()).isEqualTo("invalid_grant");
    }

    private static SkyportWorld failingClosed(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        world.realm.failClosedOnTenancyScope();
        return world;
    }

    private static TokenResponse password(SkyportWorld world, String user, Map<String, String> extra) {
        TestUser login = world.users.get(user);
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "username", login.username(),
                "password", login.password()));
        form.putAll(extra);
        return world.app.tokenRequest(form);
    }
}
