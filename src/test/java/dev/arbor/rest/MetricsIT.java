package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborIT;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.Metrics;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arbor's meters on Keycloak's metrics endpoint: claims built, and refusals by the token executor and the API. */
@ArborIT
class MetricsIT {

    @Test
    void claimBuildsAndDenialsAreCounted(KeycloakServer server, TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        world.realm.failClosedOnTenancyScope();
        double claimsBefore = Metrics.value(server, "arbor_claim_builds_seconds_count", world.realm.name());
        double tokenDenialsBefore = Metrics.value(server, "arbor_denials_total", "access_denied");
        double apiDenialsBefore = Metrics.value(server, "arbor_denials_total", "api");

        world.app.password(world.users.get("carol"));
        world.app.tokenRequest(Map.of("grant_type", "password", "username", "carol", "password",
                world.users.get("carol").password(), "tenancy_scope", world.ws2));
        world.as("alice").put(world.roles(world.ws1, "erin", "admin")).expect(403);

        assertThat(Metrics.value(server, "arbor_claim_builds_seconds_count", world.realm.name()))
                .as("carol's tokens carried the claim")
                .isGreaterThan(claimsBefore);
        assertThat(Metrics.value(server, "arbor_denials_total", "access_denied")).isEqualTo(tokenDenialsBefore + 1);
        assertThat(Metrics.value(server, "arbor_denials_total", "api")).isGreaterThan(apiDenialsBefore);
    }
}
