package dev.arbor.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborIT;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.Metrics;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TokenSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A refresh with the tenancy claim is answered from the node's cache once the realm's tenancy has been read, also
 * where the answer is that something is not there (a vacant owner role, a user without memberships), and the
 * change that ends such an absence is in the next token.
 */
@ArborIT
class TokenCacheIT {

    @Test
    void aVacantOwnerRoleIsAnsweredFromTheCacheUntilTheWorkspaceGetsAnOwner(KeycloakServer server,
            TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        TokenSet alice = aliceActingInTheVacantWs2(world);

        Metrics.CacheReads refresh = Metrics.cacheReads(server, () -> world.app.refresh(alice.refreshToken()));

        assertThat(refresh.misses()).as("alice acting owner of the vacant ws2 reads nothing from the database")
                .isZero();
        assertThat(refresh.hits()).isPositive();

        world.as("alice").put(world.roles(world.ws2, "zed", "owner")).expect(200);

        assertSealedOff(world.app.refresh(alice.refreshToken()), "the owner seals ws2 off from the account owner");
    }

    @Test
    void anImportThatFillsTheVacantRoleShowsInTheNextToken(KeycloakServer server, TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        TokenSet alice = aliceActingInTheVacantWs2(world);
        assertThat(Metrics.cacheReads(server, () -> world.app.refresh(alice.refreshToken())).misses())
                .as("the vacancy is cached").isZero();

        world.as("root").post("import", "{\"arbor\":1,\"members\":[{\"user\":\"zed\",\"scope\":\"" + world.ws2
                + "\",\"roles\":[\"owner\"]}]}").expect(200);

        assertSealedOff(world.app.refresh(alice.refreshToken()),
                "the imported owner seals ws2 off from the account owner");
    }

    @Test
    void aUserWithoutMembershipsIsAnsweredFromTheCacheUntilTheyGetOne(KeycloakServer server, TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        TokenSet zed = world.app.password(world.users.get("zed"));
        assertThat(zed.accessTokenClaims().has("tenancy")).as("zed holds nothing").isFalse();
        world.app.refresh(zed.refreshToken());

        Metrics.CacheReads refresh = Metrics.cacheReads(server, () -> world.app.refresh(zed.refreshToken()));

        assertThat(refresh.misses()).as("zed's refresh reads nothing from the database").isZero();
        assertThat(refresh.hits()).as("the cache says zed has no membership").isPositive();

        world.as("root").put(world.roles(world.ws2, "zed", "genic-admin")).expect(200);

        TokenSet refreshed = world.app.refresh(zed.refreshToken());
        assertThat(refreshed.accessTokenClaims().path("tenancy").path("scope").path("id").asText())
                .as("zed's only scope, in the next token").isEqualTo(world.ws2);
    }

    /** Alice signed in acting as owner of the ownerless ws2, refreshed once so the node has read her tenancy. */
    private static TokenSet aliceActingInTheVacantWs2(SkyportWorld world) {
        world.realm.addTenancyClaim("app");
        TokenSet alice = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws2));
        world.app.refresh(alice.refreshToken());
        return alice;
    }

    private static void assertSealedOff(TokenSet refreshed, String why) {
        assertThat(refreshed.accessTokenClaims().path("tenancy").path("permissions").toString()).as(why)
                .doesNotContain("subscriptions:subscriptions:start").contains("subscriptions:subscriptions:view");
    }
}
