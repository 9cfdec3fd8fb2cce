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
 * change that ends such an absence is in the next token. The core's answers a refresh asks are kept too, until any
 * change of the realm.
 */
@ArborIT
class TokenCacheIT {

    @Test
    void aVacantOwnerRoleIsAnsweredFromTheCacheUntilTheWorkspaceGetsAnOwner(KeycloakServer server,
            TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        TokenSet alice = aliceActingInTheVacantWs2(world);

        Metrics.CacheReads kept = Metrics.cacheAnswers(server, () -> world.app.refresh(alice.refreshToken()));
        assertThat(kept.misses()).as("the realm is unchanged: may alice act in ws2, and her access there, are kept")
                .isZero();
        assertThat(kept.hits()).isPositive();

        // a change elsewhere in the realm drops every kept answer, not the entries alice's answers rest on
        world.as("alice").patch("scopes/" + world.ws1, "{\"name\":\"Studio A, renamed\"}").expect(200);
        Metrics.CacheReads[] reads = new Metrics.CacheReads[1];
        Metrics.CacheReads decided = Metrics.cacheAnswers(server,
                () -> reads[0] = Metrics.cacheReads(server, () -> world.app.refresh(alice.refreshToken())));

        assertThat(decided.misses()).as("decided anew after the rename").isPositive();
        assertThat(reads[0].misses()).as("alice acting owner of the vacant ws2 reads nothing from the database")
                .isZero();
        assertThat(reads[0].hits()).isPositive();

        world.as("alice").put(world.roles(world.ws2, "zed", "owner")).expect(200);

        // the grant names zed's entries and ws2's owners, none of alice's: her kept answers go with any change
        Metrics.CacheReads afterGrant = Metrics.cacheAnswers(server,
                () -> assertSealedOff(world.app.refresh(alice.refreshToken()),
                        "the owner seals ws2 off from the account owner"));
        assertThat(afterGrant.misses()).as("decided anew").isPositive();
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
