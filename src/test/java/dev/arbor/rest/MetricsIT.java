package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Http;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.TestRealms;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Arbor's meters on Keycloak's metrics endpoint: claims built, and refusals by the token executor and the API. */
@ArborIT
class MetricsIT {

    @Test
    void claimBuildsAndDenialsAreCounted(KeycloakServer server, TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        world.realm.failClosedOnTenancyScope();
        double claimsBefore = value(server, "arbor_claim_builds_seconds_count", world.realm.name());
        double tokenDenialsBefore = value(server, "arbor_denials_total", "access_denied");
        double apiDenialsBefore = value(server, "arbor_denials_total", "api");

        world.app.password(world.users.get("carol"));
        world.app.tokenRequest(Map.of("grant_type", "password", "username", "carol", "password",
                world.users.get("carol").password(), "tenancy_scope", world.ws2));
        world.as("alice").put(world.roles(world.ws1, "erin", "admin")).expect(403);

        assertThat(value(server, "arbor_claim_builds_seconds_count", world.realm.name()))
                .as("carol's tokens carried the claim")
                .isGreaterThan(claimsBefore);
        assertThat(value(server, "arbor_denials_total", "access_denied")).isEqualTo(tokenDenialsBefore + 1);
        assertThat(value(server, "arbor_denials_total", "api")).isGreaterThan(apiDenialsBefore);
    }

    /** The sum of the samples of {@code metric} whose labels mention {@code label}; 0 when there is none yet. */
    private static double value(KeycloakServer server, String metric, String label) {
        String text = Http.send(HttpRequest.newBuilder(server.metricsUri()).GET().build()).body();
        Matcher sample = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (sample.find()) {
            if (sample.group(1).contains("\"" + label + "\"")) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }
}
