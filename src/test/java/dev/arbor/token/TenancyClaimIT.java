package dev.arbor.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TokenSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tenancy claim of the active scope, in real tokens: the scope named with {@code tenancy_scope}, or the
 * user's only one; effective permissions after vacancy and sealing; recomputed on refresh.
 */
@ArborIT
class TenancyClaimIT {

    @Test
    void theNamedScopeWithItsPathRolesAndEffectivePermissions(TestRealms realms) {
        SkyportWorld world = withClaim(realms);

        JsonNode vacant = claim(world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws2)));
        JsonNode sealed = claim(world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws1)));

        assertThat(vacant.path("scope").path("id").asText()).isEqualTo(world.ws2);
        assertThat(vacant.path("path").findValuesAsText("id")).containsExactly(world.acme, world.ws2);
        assertThat(vacant.path("roles").toString()).isEqualTo("[\"owner\"]"); // acting owner of a vacant workspace
        assertThat(vacant.path("permissions").toString()).contains("subscriptions:subscriptions:start");
        assertThat(vacant.path("schema").path("id").asText()).isEqualTo("skyport");
        assertThat(sealed.path("permissions").toString()).doesNotContain("subscriptions:subscriptions:start")
                .contains("subscriptions:subscriptions:view");
        assertThat(sealed.path("roles")).isEmpty();
    }

    @Test
    void theAuthorizationRequestNamesTheScopeForTheClientSession(TestRealms realms) {
        SkyportWorld world = withClaim(realms);

        TokenSet tokens = world.app.authorizationCode(world.users.get("alice"), Map.of("tenancy_scope", world.ws2));
        JsonNode refreshed = claim(world.app.refresh(tokens.refreshToken()));

        assertThat(claim(tokens).path("scope").path("id").asText()).isEqualTo(world.ws2);
        assertThat(refreshed.path("scope").path("id").asText()).isEqualTo(world.ws2);
    }

    @Test
    void aUserWithOneScopeGetsItWithoutAsking(TestRealms realms) {
        SkyportWorld world = withClaim(realms);

        JsonNode carol = claim(world.app.password(world.users.get("carol")));

        assertThat(carol.path("scope").path("name").asText()).isEqualTo("Studio A");
        assertThat(carol.path("roles").toString()).isEqualTo("[\"owner\"]");
    }

    @Test
    void theClaimIsInEveryTokenAndInUserinfo(TestRealms realms) {
        SkyportWorld world = withClaim(realms);

        TokenSet tokens = world.app.password(world.users.get("dave"));

        assertThat(tokens.idTokenClaims().path("tenancy").path("scope").path("id").asText()).isEqualTo(world.ws1);
        assertThat(world.app.userInfo(tokens.accessToken()).path("tenancy").path("scope").path("id").asText())
                .isEqualTo(world.ws1);
    }

    @Test
    void aRefreshCarriesTheChangedPermissions(TestRealms realms) {
        SkyportWorld world = withClaim(realms);
        TokenSet alice = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws1));
        assertThat(claim(alice).path("permissions").toString()).doesNotContain("subscriptions:subscriptions:start");

        world.as("alice").delete(world.roles(world.ws1, "carol", "owner")).expect(200);
        JsonNode refreshed = claim(world.app.refresh(alice.refreshToken()));

        assertThat(refreshed.path("scope").path("id").asText()).as("the session keeps its scope").isEqualTo(world.ws1);
        assertThat(refreshed.path("permissions").toString()).contains("subscriptions:subscriptions:start");
    }

    @Test
    void onceAWorkspaceGetsAnOwnerTheAccountOwnersNextRefreshLosesTheSealedPermissions(TestRealms realms) {
        SkyportWorld world = withClaim(realms);
        TokenSet alice = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws2));
        assertThat(claim(alice).path("permissions").toString()).contains("subscriptions:subscriptions:start");

        world.as("alice").put(world.roles(world.ws2, "zed", "owner")).expect(200);
        JsonNode refreshed = claim(world.app.refresh(alice.refreshToken()));

        assertThat(refreshed.path("permissions").toString()).doesNotContain("subscriptions:subscriptions:start")
                .doesNotContain("users:members:view").contains("subscriptions:subscriptions:view");
        assertThat(refreshed.path("roles")).as("no longer acting owner").isEmpty();
    }

    @Test
    void aScopeTheUserMayNotActInGivesNoClaim(TestRealms realms) {
        SkyportWorld world = withClaim(realms);

        TokenSet tokens = world.app.password(world.users.get("dave"), Map.of("tenancy_scope", world.ws2));

        assertThat(tokens.accessTokenClaims().has("tenancy")).isFalse();
    }

    private static SkyportWorld withClaim(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        return world;
    }

    private static JsonNode claim(TokenSet tokens) {
        JsonNode claim = tokens.accessTokenClaims().path("tenancy");
        assertThat(claim.isMissingNode()).as("the access token has a tenancy claim: " + tokens.accessTokenClaims())
                .isFalse();
        return claim;
    }
}
