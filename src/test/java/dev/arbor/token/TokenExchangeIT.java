package dev.arbor.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.OidcClient.TokenResponse;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's standard token exchange: a backend exchanging an app's token keeps the app session's active scope,
 * or switches to a scope it names, and is refused, with the same OAuth errors as every other grant, when the user
 * may not act there (any more).
 */
@ArborIT
class TokenExchangeIT {

    @Test
    void theExchangedTokenKeepsTheSubjectTokensScope(TestRealms realms) {
        Backend backend = new Backend(realms);
        SkyportWorld world = backend.world();
        String appToken = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws2))
                .accessToken();

        JsonNode exchanged = backend.exchange(appToken, Map.of()).tokens().accessTokenClaims();

        assertThat(exchanged.path("azp").asText()).isEqualTo(Backend.CLIENT);
        assertThat(exchanged.path("tenancy").path("scope").path("id").asText()).isEqualTo(world.ws2);
        assertThat(exchanged.path("tenancy").path("roles").toString()).isEqualTo("[\"owner\"]");
    }

    @Test
    void theExchangeMayNameAnotherScopeOfTheUser(TestRealms realms) {
        Backend backend = new Backend(realms);
        SkyportWorld world = backend.world();
        String appToken = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws2))
                .accessToken();

        JsonNode exchanged = backend.exchange(appToken, Map.of("tenancy_scope", world.acme)).tokens()
                .accessTokenClaims();

        assertThat(exchanged.path("tenancy").path("scope").path("id").asText()).isEqualTo(world.acme);
    }

    @Test
    void scopesTheUserMayNotActInAreRefused(TestRealms realms) {
        Backend backend = new Backend(realms);
        SkyportWorld world = backend.world();
        String carols = world.app.password(world.users.get("carol")).accessToken();

        TokenResponse elsewhere = backend.exchange(carols, Map.of("tenancy_scope", world.ws2));
        TokenResponse unknown = backend.exchange(carols, Map.of("tenancy_scope", "no-such-scope"));
        TokenResponse several = backend.client().rawTokenRequest(
                "grant_type=urn:ietf:params:oauth:grant-type:token-exchange&client_id=" + Backend.CLIENT
                        + "&client_secret=" + Backend.CLIENT + "-secret&subject_token=" + carols
                        + "&subject_token_type=urn:ietf:params:oauth:token-type:access_token"
                        + "&tenancy_scope=" + world.ws1 + "&tenancy_scope=" + world.ws1);

        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body().path("error").asText()).isEqualTo("access_denied");
        assertThat(unknown.body().path("error").asText()).isEqualTo("invalid_scope");
        assertThat(several.body().path("error").asText()).as("Keycloak refuses a repeated parameter itself: %s",
                several.body()).isEqualTo("invalid_request");
    }

    @Test
    void aTokenWhoseScopeTheUserHasLeftIsNotExchanged(TestRealms realms) {
        Backend backend = new Backend(realms);
        SkyportWorld world = backend.world();
        String carols = world.app.password(world.users.get("carol")).accessToken();
        world.as("root").delete(world.roles(world.ws1, "carol", "owner")).expect(200);

        TokenResponse refused = backend.exchange(carols, Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").asText()).isEqualTo("access_denied");
        assertThat(refused.body().path("error_description").asText()).contains("no longer acts");
    }

    /** The SkyPort world with a confidential backend allowed to exchange the app's tokens, both with the claim. */
    private record Backend(SkyportWorld world, OidcClient client) {

        static final String CLIENT = "backend";

        Backend(TestRealms realms) {
            this(new SkyportWorld(realms));
        }

        private Backend(SkyportWorld world) {
            this(world, world.realm.createConfidentialClient(CLIENT));
            world.realm.addTenancyClaim("app");
            world.realm.addTenancyClaim(CLIENT);
            world.realm.allowTokenExchange("app", CLIENT);
            world.realm.failClosedOnTenancyScope();
        }

        TokenResponse exchange(String subjectToken, Map<String, String> extra) {
            return client.exchange(subjectToken, extra);
        }
    }
}
