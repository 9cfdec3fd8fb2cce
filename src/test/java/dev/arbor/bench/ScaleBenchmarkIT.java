package dev.arbor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborIT;
import dev.arbor.testing.KeycloakServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -Pload} end to end on the small dataset and the shared test server, briefly: the data arrives whole
 * through the APIs, both sides of every comparison answer 200 (the claim on one side only, checked), the listing
 * finds every member, and the result file and table are written. The figures themselves are not asserted: they
 * belong to the benchmark, not to a test.
 */
@ArborIT
class ScaleBenchmarkIT {

    @Test
    void theBenchmarkCommandRunsEndToEnd(KeycloakServer server) throws Exception {
        Dataset dataset = Dataset.small();
        ScaleBenchmark.Settings settings = new ScaleBenchmark.Settings(dataset,
                new LoadComparison.Shape(2, 4, 1, 2, 0.5), 2, 5);
        try {
            ScaleBenchmark.Result result = ScaleBenchmark.run(server,
                    () -> server.admin().tokenManager().getAccessTokenString(), "the IT server", settings);

            assertThat(result.dataset()).extracting(DatasetLoader.Step::items)
                    .containsExactly((long) dataset.users() + 1, (long) dataset.scopes(), (long) dataset.memberships());
            assertThat(result.comparisons()).hasSize(7).allSatisfy(comparison -> {
                assertThat(comparison.baseline().requests()).isPositive();
                assertThat(comparison.arbor().requests()).isPositive();
                assertThat(comparison.roundRatios()).hasSize(2);
                assertThat(comparison.interval().low()).isLessThanOrEqualTo(comparison.interval().high());
            });
            assertThat(result.writes().grants() + result.writes().revocations() + result.writes().renames()
                    + result.writes().acceptedInvitations()).as("changes made while measured").isPositive();
            assertThat(result.writes().errors()).isZero();
            assertThat(result.organizations().items()).isEqualTo(dataset.heavy());
            assertThat(result.listing().members()).isEqualTo(dataset.listed());
            assertThat(result.cacheReads().path("hits").asDouble()).as("the token path read from the cache")
                    .isPositive();

            Report report = new Report(result);
            Path file = report.write(Path.of("target", "benchmark", "it-result.json"));
            assertThat(Files.readString(file)).contains("\"comparisons\"", "\"batchRates\"", "\"machine\"");
            assertThat(report.table()).contains("refresh grant, typical user", "POST /tenancy/check",
                    "while tenants make 5 changes/s", "Keycloak organizations: refresh grant, user in 40 organizations",
                    "Arbor: refresh grant, user with 40 memberships", "listing all 60 members", "dataset loaded",
                    "Keycloak organizations made", "Warm-up per comparison");
            Path page = Files.createTempFile("performance", ".md");
            Files.writeString(page, "before\n<!-- load:h2 -->\nold\n<!-- /load:h2 -->\nafter\n");
            assertThat(report.updatePage(page, "h2")).isTrue();
            assertThat(Files.readString(page)).startsWith("before\n<!-- load:h2 -->\n").doesNotContain("old")
                    .contains("| Measured |").endsWith("<!-- /load:h2 -->\nafter\n");
            String shown = Files.readString(page);
            assertThat(report.updatePage(page, "h2-10x")).as("a run the page has no section for").isFalse();
            assertThat(Files.readString(page)).isEqualTo(shown);
        } finally {
            server.admin().realm(ScaleBenchmark.REALM).remove();
        }
    }

    @Test
    void theControlComparisonsRunEndToEnd(KeycloakServer server) {
        ScaleBenchmark.Settings settings = new ScaleBenchmark.Settings(Dataset.small(),
                new LoadComparison.Shape(2, 4, 1, 2, 0.5), 0, 0);
        try {
            ScaleBenchmark.Result result = ControlComparisons.run(server,
                    () -> server.admin().tokenManager().getAccessTokenString(), "the IT server", settings);

            assertThat(result.comparisons()).hasSize(7).allSatisfy(comparison -> {
                assertThat(comparison.baseline().requests()).isPositive();
                assertThat(comparison.arbor().requests()).isPositive();
            });
            assertThat(new Report(result).table()).contains("control comparisons",
                    "| refresh grant, heavy user (40 memberships), again (heavy without Arbor's claim / heavy with"
                            + " Arbor's claim)",
                    "(heavy with Arbor's claim / heavy with Arbor's claim, second session)",
                    "(u000040 with Arbor's claim / heavy with Arbor's claim)")
                    .doesNotContain("Changes while measured", "listing all", "Keycloak organizations");
        } finally {
            server.admin().realm(ScaleBenchmark.REALM).remove();
        }
    }
}
