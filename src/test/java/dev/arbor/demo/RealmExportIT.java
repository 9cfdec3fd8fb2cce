package dev.arbor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.DemoRealms;
import dev.arbor.testing.DemoTenancy;
import dev.arbor.testing.Http;
import dev.arbor.testing.Json;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.RealmExports;
import dev.arbor.testing.TestUser;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every demo realm imports into this Keycloak, its tenancy (schema and tree) loads through the API, loading it a
 * second time changes nothing, and every demo user logs in and reaches Arbor.
 */
@ArborIT
class RealmExportIT {

    /** Demo users whose only roles give no access (SkyPort's virtual-client users): they see no scope. */
    private static final Set<String> WITHOUT_ACCESS = Set.of("skyport:frank", "skyport:gina");

    static Stream<Path> realmFiles() {
        List<Path> files = RealmExports.files(RealmExports.directory());
        assertThat(files).as("realm-export/ holds the demo realms").hasSize(5);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("realmFiles")
    void importsLoadsItsTenancyAndLetsEveryDemoUserIn(Path file, KeycloakServer server) {
        String seed = file.getFileName().toString().replaceFirst("\\.json$", "");
        JsonNode realm = RealmExports.read(file);
        String name = DemoRealms.importUnderUniqueName(server, seed);
        try {
            JsonNode first = DemoTenancy.apply(server.baseUri(), name, RealmExports.directory(), seed,
                    server.admin().tokenManager().getAccessTokenString()).orElseThrow();
            JsonNode second = DemoTenancy.apply(server.baseUri(), name, RealmExports.directory(), seed,
                    server.admin().tokenManager().getAccessTokenString()).orElseThrow();

            assertThat(first.path("scopesCreated").asInt()).as(seed + " creates its tree").isPositive();
            assertThat(second.path("unchanged").asBoolean()).as(seed + ": a second import changes nothing").isTrue();
            assertThat(second.path("schemaRevision").asInt()).isEqualTo(1);
            assertThat(server.admin().realm(name).toRepresentation().getBrowserFlow())
                    .as("the browser flow has the choose-a-workspace step").isEqualTo("arbor-browser");
            OidcClient client = OidcClient.of(server, name, DemoTenancy.CLIENT);
            List<TestUser> logins = RealmExports.demoLogins(realm);
            for (TestUser login : logins) {
                String token = client.password(login).accessToken();
                var me = Http.get(server.realmUri(name, "tenancy/me"), token);
                assertThat(me.statusCode()).as("GET tenancy/me as " + login.username()).isEqualTo(200);
                if (WITHOUT_ACCESS.contains(seed + ":" + login.username())) {
                    assertThat(Json.parse(me.body())).as(login.username() + " is on record in " + seed
                            + " with a role that gives no access").isEmpty();
                } else if (!login.username().equals(DemoTenancy.ADMIN)) {
                    JsonNode scopes = Json.parse(me.body());
                    assertThat(scopes).as(login.username() + " holds a role in " + seed).isNotEmpty();
                    String scope = scopes.get(0).path("scope").path("id").asText();
                    JsonNode claim = client.password(login, java.util.Map.of("tenancy_scope", scope))
                            .accessTokenClaims().path("tenancy");
                    assertThat(claim.path("scope").path("id").asText()).as(login.username() + "'s token")
                            .isEqualTo(scope);
                }
            }
            // the demo realms fail closed: a token for a scope that is not there is refused, not issued without it
            TestUser someone = logins.get(logins.size() - 1);
            var refused = client.tokenRequest(java.util.Map.of("grant_type", "password", "username",
                    someone.username(), "password", someone.password(), "tenancy_scope", "no-such-scope"));
            assertThat(refused.body().path("error").asText()).as(seed + " fails closed").isEqualTo("invalid_scope");
        } finally {
            server.admin().realm(name).remove();
        }
    }
}
