package dev.arbor.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Audiences;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.OidcClient.TokenResponse;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TokenSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Only the client's own authorization, token and token-exchange requests name the active scope: a
 * {@code tenancy_scope} sent along to userinfo or introspection, which anyone holding the access token reaches (a
 * resource server too), or on a refresh, leaves the app's client session in the scope it acts in.
 */
@ArborIT
class ScopeParameterIT {

    @Test
    void userinfoWithAScopeParameterDoesNotMoveTheAppsSession(TestRealms realms) {
        SkyportWorld world = failingClosed(realms);
        TokenSet alice = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.acme));

        JsonNode userinfo = world.app.userInfo(alice.accessToken(), Map.of("tenancy_scope", world.ws1));

        assertThat(userinfo.path("sub").asText()).as("answered: %s", userinfo).isEqualTo(world.id("alice"));
        assertThat(scopeOf(userinfo)).isEqualTo(world.acme);
        assertThat(scopeOf(world.app.refresh(alice.refreshToken()).accessTokenClaims())).isEqualTo(world.acme);
    }

    @Test
    void introspectionByAResourceServerWithAScopeParameterDoesNotMoveTheAppsSession(TestRealms realms) {
        SkyportWorld world = failingClosed(realms);
        OidcClient resourceServer = world.realm.createConfidentialClient("resource-server");
        Audiences.add(world.realm.admin(), "app", "resource-server");
        TokenSet alice = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.acme));

        JsonNode introspection = resourceServer.introspect(alice.accessToken(), Map.of("tenancy_scope", world.ws2));

        assertThat(introspection.path("active").asBoolean()).as("answered: %s", introspection).isTrue();
        assertThat(scopeOf(introspection)).isEqualTo(world.acme);
        assertThat(scopeOf(world.app.refresh(alice.refreshToken()).accessTokenClaims())).isEqualTo(world.acme);
    }

    @Test
    void aRefreshKeepsTheSessionsScopeWhateverItNames(TestRealms realms) {
        SkyportWorld world = failingClosed(realms);
        TokenSet alice = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.acme));

        TokenResponse refreshed = world.app.tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", alice.refreshToken(), "tenancy_scope", world.ws2));

        assertThat(scopeOf(refreshed.tokens().accessTokenClaims())).isEqualTo(world.acme);
        assertThat(scopeOf(world.app.refresh(alice.refreshToken()).accessTokenClaims())).isEqualTo(world.acme);
    }

    @Test
    void aRefreshNamingAScopeOutsideTheUsersReachIsNotRefusedForIt(TestRealms realms) {
        SkyportWorld world = failingClosed(realms);
        TokenSet carol = world.app.password(world.users.get("carol"));

        TokenResponse refreshed = world.app.tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", carol.refreshToken(), "tenancy_scope", world.acme));

        assertThat(scopeOf(refreshed.tokens().accessTokenClaims())).as("the session's scope, checked again")
                .isEqualTo(world.ws1);
    }

    private static String scopeOf(JsonNode claims) {
        return claims.path("tenancy").path("scope").path("id").asText();
    }

    private static SkyportWorld failingClosed(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        world.realm.failClosedOnTenancyScope();
        return world;
    }
}
