package dev.arbor.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.example.TenancyResourceServer;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Http;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A downstream app authorizes from the verified claim alone: seed 000's sealing and vacancy, as an app sees them. */
@ArborIT
class DownstreamConsumerIT {

    @Test
    void anAppTrustsTheSignedClaimAndNothingElse(TestRealms realms) throws Exception {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        String aliceInVacant = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws2))
                .accessToken();
        String aliceInSealed = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws1))
                .accessToken();
        String carol = world.app.password(world.users.get("carol")).accessToken();

        try (TenancyResourceServer app = new TenancyResourceServer(world.realm.uri("").toString()
                .replaceAll("/$", ""))) {
            assertThat(start(app, world.ws2, aliceInVacant)).as("account owner, workspace without owner").isEqualTo(200);
            assertThat(start(app, world.ws1, aliceInSealed)).as("account owner, sealed workspace").isEqualTo(403);
            assertThat(start(app, world.ws1, carol)).as("workspace owner").isEqualTo(200);
            assertThat(start(app, world.ws2, carol)).as("a token of another scope").isEqualTo(403);
            String[] parts = carol.split("\\.");
            String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
            assertThat(start(app, world.ws1, forged)).as("a tampered token").isEqualTo(401);
        }
    }

    private static int start(TenancyResourceServer app, String workspace, String token) {
        return Http.send(HttpRequest.newBuilder(URI.create(app.uri() + "/workspaces/" + workspace
                        + "/subscriptions/start"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
    }
}
