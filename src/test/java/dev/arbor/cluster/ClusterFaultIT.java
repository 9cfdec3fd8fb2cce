package dev.arbor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborClusterIT;
import dev.arbor.testing.KeycloakCluster;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Faults on the two-node cluster: a node killed in the middle of a burst of mutations, and PostgreSQL restarted
 * under running nodes. What was answered 2xx is there, nothing is half-applied, and both nodes answer alike
 * afterwards.
 */
@ArborClusterIT
class ClusterFaultIT {

    @Test
    void aNodeKilledInABurstOfMutationsLosesNothingThatWasAnsweredAndRejoins(KeycloakCluster cluster,
            TestRealms realms) throws Exception {
        SkyportWorld world = new SkyportWorld(realms);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            users.add(world.realm.createUser("burst" + i).id());
        }
        List<ArborApi> roots = List.of(world.as("root"), world.as("root", cluster.node(1)));
        Map<String, Integer> grants = new ConcurrentHashMap<>();
        Map<Integer, Integer> transfers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            ArborApi root = roots.get(i % 2);
            String user = users.get(i);
            int round = i;
            work.add(pool.submit(() -> {
                grants.put(user, status(() -> root.put("scopes/" + world.ws2 + "/members/" + user
                        + "/roles/virtual-client-user")));
                // a transfer is two changes in one transaction: the old owner out, the new one in
                transfers.put(round, status(() -> root.send("PUT", "scopes/" + world.ws1 + "/members/" + user
                        + "/roles/owner?transfer=true", null, null)));
            }));
            if (i == users.size() / 2) {
                cluster.kill(1);
            }
        }
        for (Future<?> each : work) {
            each.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        ArborApi survivor = roots.get(0);

        JsonNode studioB = survivor.get("scopes/" + world.ws2 + "/members?max=100").expect(200).path("members");
        grants.forEach((user, status) -> {
            if (status / 100 == 2) {
                assertThat(studioB.findValuesAsText("userId")).as("answered %d, so stored", status).contains(user);
            }
        });
        assertThat(grants.values()).as("the survivor kept answering").contains(200);
        assertThat(grants.values()).as("the killed node left requests unanswered").contains(-1);
        for (JsonNode member : studioB) {
            assertThat(member.path("roles")).as("no membership without its role").isNotEmpty();
        }
        JsonNode studioA = survivor.get("scopes/" + world.ws1 + "/members?max=100").expect(200).path("members");
        assertThat(owners(studioA)).as("transfers are whole: exactly one owner").hasSize(1);

        cluster.start(1);
        assertThat(roots.get(1).get("scopes/" + world.ws2 + "/members?max=100").expect(200).path("members"))
                .as("the restarted node answers as the survivor does").isEqualTo(studioB);
        assertThat(owners(roots.get(1).get("scopes/" + world.ws1 + "/members?max=100").expect(200)
                .path("members"))).isEqualTo(owners(studioA));
    }

    @Test
    void arborRecoversFromARestartOfPostgresqlWithoutRestartingKeycloak(KeycloakCluster cluster,
            TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi rootOnB = world.as("root", cluster.node(1));

        cluster.restartDatabase();

        // A request that meets a pooled connection the restart cut fails (500) and Keycloak's pool drops that
        // connection; once each node has had its share, every request succeeds again, without any restart.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).status() == 200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> rootOnB.get("scopes/" + world.ws1 + "/members?max=100").status() == 200);
        for (int i = 0; i < 10; i++) {
            assertThat(rootOnB.get("scopes/" + world.ws1 + "/members?max=100").expect(200).path("members")
                    .findValuesAsText("userId")).as("written through A after the restart, read through B")
                    .contains(world.id("erin"));
            world.as("alice").get("scopes/" + world.ws2).expect(200);
        }
    }

    private static int status(java.util.concurrent.Callable<ArborApi.Answer> call) {
        try {
            return call.call().status();
        } catch (Exception refusedOrCut) {
            return -1; // the connection died with the node: no answer, so no promise
        }
    }

    private static Map<String, String> owners(JsonNode members) {
        Map<String, String> owners = new TreeMap<>();
        for (JsonNode member : members) {
            if (member.path("roles").toString().contains("\"owner\"")) {
                owners.put(member.path("userId").asText(), member.path("roles").toString());
            }
        }
        return owners;
    }
}
