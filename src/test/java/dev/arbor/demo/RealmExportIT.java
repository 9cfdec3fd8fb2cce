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
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every demo realm file imports into this Keycloak (a realm created from the file through the admin API) with
 * everything: Keycloak's default client scopes and {@code tenancy}, the {@code arbor-browser} flow, and its tenancy
 * (importing the file's document again through the API changes nothing); every demo user logs in and reaches
 * Arbor.
 */
@ArborIT
class RealmExportIT {

    /** What Keycloak 26.7 makes the default client scopes of a new realm, and Arbor's. */
    private static final List<String> KEYCLOAK_DEFAULT_SCOPES = List.of("role_list", "saml_organization",
            "AuthnContextClassRef", "profile", "email", "roles", "web-origins", "acr", "basic", "tenancy");

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
            var created = server.admin().realm(name).toRepresentation();
            assertThat(created.getAttributesOrEmpty()).as(seed + ": the tenancy is applied and its attribute removed;"
                    + " Keycloak's CreateDefaultClientScopes is not kept").doesNotContainKeys("arbor.tenancy",
                    "CreateDefaultClientScopes");
            assertThat(created.getBrowserFlow()).as("the browser flow has the choose-a-workspace step")
                    .isEqualTo("arbor-browser");
            assertThat(server.admin().realm(name).getDefaultDefaultClientScopes().stream().map(scope -> scope.getName()))
                    .as(seed + ": Keycloak's default client scopes, and tenancy")
                    .containsExactlyInAnyOrder(KEYCLOAK_DEFAULT_SCOPES.toArray(String[]::new));
            var accountConsole = server.admin().realm(name).clients().findByClientId("account-console").get(0);
            assertThat(server.admin().realm(name).clients().get(accountConsole.getId()).getDefaultClientScopes()
                    .stream().map(scope -> scope.getName())).as("Keycloak's own clients keep Keycloak's scopes")
                    .contains("profile", "email", "roles", "basic").doesNotContain("tenancy");

            OidcClient admin = OidcClient.of(server, name, DemoTenancy.CLIENT);
            String adminToken = admin.password(new TestUser(null, DemoTenancy.ADMIN, DemoTenancy.ADMIN)).accessToken();
            var exported = Http.get(server.realmUri(name, "tenancy/export"), adminToken);
            assertThat(exported.statusCode()).as("GET tenancy/export: " + exported.body()).isEqualTo(200);
            assertThat(Json.parse(exported.body()).path("scopes")).as(seed + " has its tree").isNotEmpty();
            String carried = realm.path("attributes").path("arbor.tenancy").asText();
            var again = Http.send(HttpRequest.newBuilder(server.realmUri(name, "tenancy/import"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(carried)).build());
            assertThat(again.statusCode()).as("POST tenancy/import: " + again.body()).isEqualTo(200);
            assertThat(Json.parse(again.body()).path("unchanged").asBoolean())
                    .as(seed + ": importing the file's document again changes nothing").isTrue();
            assertThat(Json.parse(again.body()).path("schemaRevision").asInt()).isEqualTo(1);
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
