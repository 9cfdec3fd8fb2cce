package dev.arbor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.BenchmarkServer;
import dev.arbor.testing.KeycloakCluster;
import dev.arbor.testing.KeycloakServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mvn -Pload -Darbor.load.nodes=2}: what a second node changes. Two Keycloak nodes with Arbor, clustered
 * with Keycloak's own Infinispan on one PostgreSQL (the cluster ITs' harness), the dataset loaded through the first;
 * then the same refresh-grant load, with the claim, sent to the first node only against the same load spread over
 * both nodes in turn, so that every other refresh meets a node that did not issue the token and holds only its
 * share of the user session. Both sides run on this machine's cores, beside the load generator: the ratio says what
 * the cluster costs or gives here, not what a second machine would add.
 */
final class ClusterBenchmark {

    private ClusterBenchmark() {
    }

    static ScaleBenchmark.Result run(KeycloakCluster cluster, ScaleBenchmark.Settings settings) {
        KeycloakServer first = cluster.node(0);
        KeycloakServer second = cluster.node(1);
        Dataset dataset = settings.dataset();
        BenchRealm realm = new BenchRealm(first.baseUri(), ScaleBenchmark.REALM,
                () -> BenchmarkServer.masterAdminToken(first.baseUri()));
        realm.create();
        List<DatasetLoader.Step> steps = new DatasetLoader(realm, dataset).load();
        LoadComparison load = new LoadComparison(realm.http, settings.shape());
        URI secondEndpoint = URI.create(second.baseUri() + realm.tokenEndpoint().getPath());
        List<LoadComparison.Result> comparisons = new ArrayList<>();
        comparisons.add(oneNodeAgainstTwo(realm, load, secondEndpoint,
                "refresh grant with Arbor's claim, typical user", dataset.typicalUser(), dataset.typicalScope()));
        comparisons.add(oneNodeAgainstTwo(realm, load, secondEndpoint,
                "refresh grant with Arbor's claim, heavy user (" + dataset.heavy() + " memberships)",
                Dataset.HEAVY_USER, dataset.heavyScope()));
        String server = "Keycloak " + System.getProperty("arbor.keycloak.version", "") + ", two nodes clustered"
                + " (Infinispan, JDBC_PING) on one PostgreSQL";
        return new ScaleBenchmark.Result(server, settings, steps, comparisons, null, null, null, null,
                List.of());
    }

    private static LoadComparison.Result oneNodeAgainstTwo(BenchRealm realm, LoadComparison load, URI secondEndpoint,
            String name, String user, String scopeKey) {
        JsonNode tokens = realm.signIn(BenchRealm.ARBOR, user, scopeKey);
        ScaleBenchmark.requireClaim(tokens, true, name);
        return load.run(name, "first node only", ScaleBenchmark.refresh(List.of(realm.tokenEndpoint()),
                        BenchRealm.ARBOR, tokens),
                "both nodes in turn", ScaleBenchmark.refresh(List.of(realm.tokenEndpoint(), secondEndpoint),
                        BenchRealm.ARBOR, tokens));
    }
}
