package dev.arbor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborClusterIT;
import dev.arbor.testing.KeycloakCluster;
import dev.arbor.testing.Metrics;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TokenSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two Keycloak nodes on one PostgreSQL: what is written through one node is what the other answers and puts in
 * its next token (while what it did not change stays in the other's cache), and a race for a role limited to one
 * holder, spread over both nodes, makes exactly one holder.
 */
@ArborClusterIT
class ClusterConsistencyIT {

    @Test
    void aTakeBackThroughOneNodeShowsInTheOtherNodesNextTokensAndAnswers(KeycloakCluster cluster,
            TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        world.realm.failClosedOnTenancyScope();
        TestRealm onB = world.realm.on(cluster.node(1));
        OidcClient appOnB = onB.client("app", null);
        TokenSet alice = appOnB.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws1));
        TokenSet dave = appOnB.password(world.users.get("dave"));
        TokenSet bob = appOnB.password(world.users.get("bob"));
        appOnB.refresh(bob.refreshToken()); // a refresh reads a little more than a login: now node B has it all
        Metrics.CacheReads bobsRefresh = Metrics.cacheReads(cluster.node(1),
                () -> appOnB.refresh(bob.refreshToken()));
        assertThat(permissions(alice)).as("sealed").doesNotContain("subscriptions:subscriptions:start");
        double hits = Metrics.value(cluster.node(1), "arbor_cache_answers_total", "hit");
        alice = appOnB.refresh(alice.refreshToken());
        assertThat(Metrics.value(cluster.node(1), "arbor_cache_answers_total", "hit"))
                .as("node B answers the refresh from its cache").isGreaterThan(hits);

        ArborApi rootOnB = world.as("root", cluster.node(1));
        String ws1Members = "scopes/" + world.ws1 + "/members?max=1";
        assertThat(rootOnB.get(ws1Members).expect(200).path("total").asLong()).as("carol and dave").isEqualTo(2);
        assertThat(rootOnB.get(ws1Members).expect(200).path("total").asLong()).as("kept on node B").isEqualTo(2);

        world.as("alice").delete(world.roles(world.ws1, "carol", "owner")).expect(200); // through node A

        assertThat(permissions(appOnB.refresh(alice.refreshToken())))
                .contains("subscriptions:subscriptions:start");
        OidcClient.TokenResponse daveRefresh = appOnB.tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", dave.refreshToken()));
        assertThat(daveRefresh.body().path("error").asText()).as("dave left with the take-back")
                .isEqualTo("invalid_grant");
        ArborApi aliceOnB = world.as("alice", cluster.node(1));
        assertThat(aliceOnB.get("me/permissions?scopeId=" + world.ws1).expect(200).path("permissions").toString())
                .contains("subscriptions:subscriptions:start");
        assertThat(aliceOnB.get("scopes/" + world.ws1 + "/members").expect(200).path("members")).isEmpty();
        assertThat(rootOnB.get(ws1Members).expect(200).path("total").asLong()).as("node B's count dropped").isZero();
        // the change dropped what it changed on node B, not the realm: bob's tenancy (acme) stayed cached there
        Metrics.CacheReads bobsRefreshAfter = Metrics.cacheReads(cluster.node(1),
                () -> appOnB.refresh(bob.refreshToken()));
        assertThat(bobsRefreshAfter.hits()).as("bob's refresh reads the cache").isPositive();
        assertThat(bobsRefreshAfter.misses())
                .as("bob's refresh on node B reads no more from the database than before the take-back")
                .isEqualTo(bobsRefresh.misses());
    }

    @Test
    void aSchemaStoredThroughOneNodeIsInForceOnTheOther(KeycloakCluster cluster, TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi rootOnB = world.as("root", cluster.node(1));
        assertThat(rootOnB.get("schema").expect(200).path("version").asInt()).isEqualTo(1);

        world.as("root").put("schema", SkyportWorld.schema("skyport").replace("\nversion: 1\n", "\nversion: 2\n"),
                "application/yaml").expect(200);

        assertThat(rootOnB.get("schema").expect(200).path("version").asInt()).isEqualTo(2);
        assertThat(rootOnB.get("info").expect(200).path("schema").path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void aHundredConcurrentOwnershipRequestsOverBothNodesMakeExactlyOneOwner(KeycloakCluster cluster,
            TestRealms realms) throws Exception {
        SkyportWorld world = new SkyportWorld(realms);
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            candidates.add(world.realm.createUser("candidate" + i).id());
        }
        List<ArborApi> roots = List.of(world.as("root"), world.as("root", cluster.node(1)));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            ArborApi root = roots.get(i % 2);
            String candidate = candidates.get(i);
            answers.add(pool.submit(() -> {
                start.await();
                return root.put("scopes/" + world.ws2 + "/members/" + candidate + "/roles/owner").status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 200).allMatch(status -> status == 409);
        for (ArborApi root : roots) {
            JsonNode members = root.get("scopes/" + world.ws2 + "/members").expect(200).path("members");
            assertThat(members.findValues("roles").stream().filter(roles -> roles.toString().contains("owner")))
                    .as("one owner, seen alike from both nodes").hasSize(1);
        }
        assertThat(cluster.sql("select count(*) from arbor_role_assignment where scope_id = '" + world.ws2
                + "' and role_name = 'owner'")).as("one row in the database").isEqualTo("1");
    }

    private static String permissions(TokenSet tokens) {
        return tokens.accessTokenClaims().path("tenancy").path("permissions").toString();
    }
}
