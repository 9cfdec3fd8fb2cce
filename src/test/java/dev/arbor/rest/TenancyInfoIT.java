package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Http;
import dev.arbor.testing.Json;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@ArborIT
class TenancyInfoIT {

    @Test
    void answersAnyUserOfTheRealmWithVersionAndSchemaStatus(TestRealms realms) {
        TestRealm realm = realms.create();
        TestUser alice = realm.createUser("alice");
        OidcClient app = realm.createTenancyClient("app");

        HttpResponse<String> response = Http.get(realm.uri("tenancy/info"), app.password(alice).accessToken());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("arbor").path("version").asText()).isEqualTo(System.getProperty("arbor.version"));
        assertThat(body.path("realm").asText()).isEqualTo(realm.name());
        assertThat(body.path("schema").path("status").asText()).isEqualTo("NOT_CONFIGURED");
    }

    @Test
    void acceptsTokensFromEveryGrantTheRealmIssues(TestRealms realms) {
        TestRealm realm = realms.create();
        TestUser alice = realm.createUser("alice");
        OidcClient service = realm.createConfidentialClient("service");
        realm.addTenancyClaim("service");

        String refreshed = service.refresh(service.password(alice).refreshToken()).accessToken();
        String loggedIn = service.authorizationCode(alice, java.util.Map.of()).accessToken();
        String serviceAccount = service.clientCredentials().accessToken();

        assertThat(Http.get(realm.uri("tenancy/info"), refreshed).statusCode()).isEqualTo(200);
        assertThat(Http.get(realm.uri("tenancy/info"), loggedIn).statusCode()).isEqualTo(200);
        assertThat(Http.get(realm.uri("tenancy/info"), serviceAccount).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesARequestWithoutToken(TestRealms realms) {
        TestRealm realm = realms.create();

        HttpResponse<String> response = Http.get(realm.uri("tenancy/info"), null);

        assertUnauthorized(response, realm);
    }

    @Test
    void refusesATokenOfAnotherRealm(TestRealms realms) {
        TestRealm realm = realms.create();
        TestRealm other = realms.create();
        TestUser mallory = other.createUser("mallory");
        String foreignToken = other.createTenancyClient("app").password(mallory).accessToken();

        HttpResponse<String> response = Http.get(realm.uri("tenancy/info"), foreignToken);

        assertUnauthorized(response, realm);
    }

    @Test
    void refusesAForgedOrMalformedToken(TestRealms realms) {
        TestRealm realm = realms.create();
        TestUser alice = realm.createUser("alice");
        String token = realm.createTenancyClient("app").password(alice).accessToken();
        String[] parts = token.split("\\.");
        String wrongSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertUnauthorized(Http.get(realm.uri("tenancy/info"), wrongSignature), realm);
        assertUnauthorized(Http.get(realm.uri("tenancy/info"), "not-a-jwt"), realm);
    }

    @Test
    void refusesATokenWhoseSessionEnded(TestRealms realms) {
        TestRealm realm = realms.create();
        TestUser alice = realm.createUser("alice");
        String token = realm.createTenancyClient("app").password(alice).accessToken();

        realm.admin().users().get(alice.id()).logout();

        assertUnauthorized(Http.get(realm.uri("tenancy/info"), token), realm);
    }

    @Test
    void isListedAmongTheServersProviders(KeycloakServer server) {
        var providers = server.admin().serverInfo().getInfo().getProviders();

        assertThat(providers.get("realm-restapi-extension").getProviders()).containsKey("tenancy");
    }

    private static void assertUnauthorized(HttpResponse<String> response, TestRealm realm) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"" + realm.name() + "\"");
        assertThat(Json.parse(response.body()).path("errorMessage").asText()).contains(realm.name());
    }
}
