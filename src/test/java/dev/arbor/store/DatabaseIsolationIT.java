package dev.arbor.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.FileDatabaseKeycloak;
import dev.arbor.testing.Metrics;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.TestUser;
import dev.arbor.testing.TokenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a database whose connections read at REPEATABLE READ (MySQL's and MariaDB's default; here H2 told so for
 * every connection) the node's tenancy cache stays off, says so in the log, and tokens still carry the claim, read
 * from the database each time. The cache's guard against a load that raced a change needs READ COMMITTED.
 */
class DatabaseIsolationIT {

    @Test
    void underRepeatableReadTheCacheIsOffAndTokensReadTheDatabase() throws IOException {
        FileDatabaseKeycloak keycloak = FileDatabaseKeycloak.prepare("keycloak-isolation");
        keycloak.resetDatabase();
        String url = "jdbc:h2:file:" + keycloak.databaseDir().resolve("keycloakdb")
                + ";NON_KEYWORDS=VALUE;INIT=SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ";

        try (FileDatabaseKeycloak.Running server = keycloak.start(List.of(Path.of("realm-export", "skyport.json")),
                List.of("--db-url=" + url), "repeatable-read")) {
            assertThat(Files.readString(keycloak.log("repeatable-read")))
                    .contains("Arbor's tenancy cache is off: the database's transaction isolation is REPEATABLE READ");
            OidcClient cli = OidcClient.of(server.baseUri(), "skyport", "arbor-demo-cli");
            TokenSet carol = cli.password(new TestUser(null, "carol", "carol"));

            Metrics.CacheReads reads = Metrics.cacheReads(server.metricsUri(), () -> {
                cli.refresh(carol.refreshToken());
                cli.refresh(carol.refreshToken());
            });

            assertThat(reads).as("no request asked the cache").isEqualTo(new Metrics.CacheReads(0, 0));
            assertThat(Metrics.value(server.metricsUri(), "arbor_claim_builds_seconds_count", "skyport"))
                    .as("while Arbor built the claims, as the metrics endpoint shows").isGreaterThanOrEqualTo(3);
            assertThat(cli.refresh(carol.refreshToken()).accessTokenClaims().path("tenancy").path("scope").path("id").asText())
                    .as("carol's workspace, read from the database").isNotEmpty();
        }
    }
}
