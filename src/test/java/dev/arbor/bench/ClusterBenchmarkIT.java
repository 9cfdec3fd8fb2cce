package dev.arbor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborClusterIT;
import dev.arbor.testing.KeycloakCluster;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -Pload -Darbor.load.nodes=2} end to end on the small dataset and the cluster ITs' two nodes, briefly:
 * the data arrives through the first node, both sides of each comparison answer 200 with the claim, and the table
 * says what ran. No figure is asserted.
 */
@ArborClusterIT
class ClusterBenchmarkIT {

    @Test
    void theTwoNodeComparisonRunsEndToEnd(KeycloakCluster cluster) {
        Dataset dataset = Dataset.small();
        ScaleBenchmark.Settings settings = new ScaleBenchmark.Settings(dataset,
                new LoadComparison.Shape(2, 4, 1, 2, 0.5), 0, 0);
        try {
            ScaleBenchmark.Result result = ClusterBenchmark.run(cluster, settings);

            assertThat(result.dataset()).extracting(DatasetLoader.Step::items)
                    .containsExactly((long) dataset.users() + 1, (long) dataset.scopes(), (long) dataset.memberships());
            assertThat(result.comparisons()).hasSize(2).allSatisfy(comparison -> {
                assertThat(comparison.baseline().requests()).isPositive();
                assertThat(comparison.arbor().requests()).isPositive();
                assertThat(comparison.roundRatios()).hasSize(2);
            });
            assertThat(new Report(result).table()).contains("two nodes clustered", "first node only",
                    "both nodes in turn", "dataset loaded", "Warm-up per comparison")
                    .doesNotContain("Changes while measured", "listing all");
        } finally {
            cluster.node(0).admin().realm(ScaleBenchmark.REALM).remove();
        }
    }
}
