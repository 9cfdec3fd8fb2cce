package dev.arbor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arbor.testing.Browser;
import dev.arbor.testing.DemoTenancy;
import dev.arbor.testing.FileDatabaseKeycloak;
import dev.arbor.testing.Http;
import dev.arbor.testing.Json;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.OidcClient.AuthorizationRequest;
import dev.arbor.testing.RealmExports;
import dev.arbor.testing.RealmFileTenancy;
import dev.arbor.testing.TestUser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo as a platform engineer deploys it (issue 16's first acceptance point): Keycloak started with nothing but
 * {@code --import-realm} and the files of {@code realm-export/}, no API call before the checks. Every realm comes
 * with its login flow, Keycloak's default client scopes and {@code tenancy}, and the tenancy of its YAML sources;
 * a SkyPort user gets a token whose {@code tenancy} claim is what the seed says, through a password grant with
 * {@code tenancy_scope} and through the choose-a-workspace step in a real headless Chromium (which chooses her only
 * workspace); an ESChat user with three scopes picks one on the picker's page.
 */
class RealmImportIT {

    private static final String REALM = "skyport";
    /** What Keycloak 26.7 makes the default client scopes of a new realm, and Arbor's. */
    private static final List<String> DEFAULT_SCOPES = List.of("role_list", "saml_organization",
            "AuthnContextClassRef", "profile", "email", "roles", "web-origins", "acr", "basic", "tenancy");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static FileDatabaseKeycloak keycloak;
    private static FileDatabaseKeycloak.Running server;

    @BeforeAll
    static void startWithTheRealmFilesAlone() {
        keycloak = FileDatabaseKeycloak.prepare("keycloak-realmimport");
        keycloak.resetDatabase();
        server = keycloak.start(RealmExports.files(RealmExports.directory()), "start-import-realm");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyRealmComesWithItsFlowClientScopesAndTheTenancyOfItsYamlSources() throws IOException {
        String master = server.adminToken();
        for (Path file : RealmExports.files(RealmExports.directory())) {
            String realm = RealmExports.read(file).path("realm").asText();
            String seed = RealmFileTenancy.seed(file);
            JsonNode representation = admin(realm, "", master);
            assertThat(representation.path("browserFlow").asText()).as(realm).isEqualTo("arbor-browser");
            assertThat(representation.path("attributes").has("arbor.tenancy")).as(realm + ": applied, removed")
                    .isFalse();
            assertThat(names(admin(realm, "/default-default-client-scopes", master))).as(realm)
                    .containsExactlyInAnyOrderElementsOf(DEFAULT_SCOPES);
            assertThat(clientScopes(realm, DemoTenancy.CLIENT, "default", master)).as(realm).contains("tenancy");
            assertThat(clientScopes(realm, DemoTenancy.TENANT_ADMIN_APP, "default", master)).as(realm)
                    .doesNotContain("tenancy");
            assertThat(clientScopes(realm, DemoTenancy.TENANT_ADMIN_APP, "optional", master)).as(realm)
                    .contains("tenancy");
            assertThat(clientScopes(realm, "account-console", "default", master))
                    .as(realm + ": Keycloak's own clients have Keycloak's scopes").contains("profile", "roles");

            JsonNode exported = admin(realm, "/tenancy/export", master);
            JsonNode source = YAML.readTree(RealmExports.directory().resolve("tenancy").resolve(seed + ".yaml")
                    .toFile());
            JsonNode schema = YAML.readTree(RealmExports.directory().resolve("schemas").resolve(seed + ".yaml")
                    .toFile());
            assertThat(exported.path("schema")).as(realm + ": the schema is schemas/" + seed + ".yaml")
                    .isEqualTo(schema);
            assertThat(scopeKeys(exported.path("scopes"), new TreeSet<>())).as(realm + ": the tree")
                    .isEqualTo(scopeKeys(source.path("scopes"), new TreeSet<>()));
            assertThat(memberships(exported.path("members"))).as(realm + ": the memberships")
                    .isEqualTo(memberships(source.path("members")));
        }
    }

    @Test
    void aPasswordGrantWithTenancyScopeGivesTheSeedsClaim() {
        OidcClient client = OidcClient.of(server.baseUri(), REALM, DemoTenancy.CLIENT);
        String studioA = scopeId("acme-studio-a");

        JsonNode claim = client.password(new TestUser(null, "carol", "carol"), Map.of("tenancy_scope", studioA))
                .accessTokenClaims().path("tenancy");

        assertWorkspaceOwnerOfStudioA(claim, studioA);
    }

    @Test
    void theWorkspaceOwnerSignsInInABrowserAndTheStepChoosesHerOnlyWorkspace() {
        String redirect = unusedRedirectUri();
        OidcClient client = OidcClient.of(server.baseUri(), REALM, DemoTenancy.CLIENT).withRedirectUri(redirect);
        AuthorizationRequest request = client.authorizationRequest(Map.of());
        String studioA = scopeId("acme-studio-a");

        try (Browser browser = Browser.open()) {
            browser.signIn(request.uri().toString(), "carol", "carol");
            wait(browser).until(driver -> driver.getCurrentUrl().startsWith(redirect));

            JsonNode claim = client.redeem(browser.driver().getCurrentUrl(), request).accessTokenClaims()
                    .path("tenancy");
            assertWorkspaceOwnerOfStudioA(claim, studioA);
        }
    }

    /**
     * No SkyPort demo user holds roles in two scopes, so the picker's page is shown by ESChat's: sara, sales rep of
     * the North conduit and customer admin of two of its customers, picks Harbor Works.
     */
    @Test
    void aUserWithThreeScopesPicksOneOnThePickersPage() {
        String redirect = unusedRedirectUri();
        OidcClient client = OidcClient.of(server.baseUri(), "eschat", DemoTenancy.CLIENT).withRedirectUri(redirect);
        AuthorizationRequest request = client.authorizationRequest(Map.of());
        String north = scopeId("eschat", "north");
        String metroFire = scopeId("eschat", "metro-fire");
        String harborWorks = scopeId("eschat", "harbor-works");

        try (Browser browser = Browser.open()) {
            browser.signIn(request.uri().toString(), "sara", "sara");
            wait(browser).until(driver -> !driver.findElements(By.id("arbor-scope-form")).isEmpty());
            browser.screenshot("realm-import-scope-picker");
            assertThat(browser.driver().findElements(By.cssSelector("#arbor-scope-form button")).stream()
                    .map(button -> button.getAttribute("id")).toList()).as("sara's scopes, from the realm file")
                    .containsExactlyInAnyOrder("arbor-scope-" + north, "arbor-scope-" + metroFire,
                            "arbor-scope-" + harborWorks);
            browser.driver().findElement(By.id("arbor-scope-" + harborWorks)).click();
            wait(browser).until(driver -> driver.getCurrentUrl().startsWith(redirect));

            JsonNode claim = client.redeem(browser.driver().getCurrentUrl(), request).accessTokenClaims()
                    .path("tenancy");
            assertThat(claim.path("scope").path("id").asText()).isEqualTo(harborWorks);
            assertThat(claim.path("path").findValuesAsText("name"))
                    .containsExactly("ESChat server", "North conduit", "Harbor Works");
            assertThat(strings(claim.path("roles"))).contains("customer-admin");
            assertThat(strings(claim.path("permissions"))).as("seed: a customer admin enables client-side recording")
                    .contains("customers:recording:edit");
        }
    }

    /** The seed: carol owns Studio A of Acme Broadcast; a workspace owner starts subscriptions there. */
    private static void assertWorkspaceOwnerOfStudioA(JsonNode claim, String studioA) {
        assertThat(claim.path("scope").path("id").asText()).isEqualTo(studioA);
        assertThat(claim.path("scope").path("type").asText()).isEqualTo("workspace");
        assertThat(claim.path("scope").path("name").asText()).isEqualTo("Studio A");
        assertThat(claim.path("path").findValuesAsText("name")).containsExactly("Acme Broadcast", "Studio A");
        assertThat(strings(claim.path("roles"))).containsExactly("owner");
        assertThat(strings(claim.path("permissions"))).contains("subscriptions:subscriptions:start",
                "users:members:invite", "genic:instances:connect").doesNotContain("billing:purchases:create");
        assertThat(claim.path("schema").path("id").asText()).isEqualTo("skyport");
    }

    /** The scope's id, as the realm's own administrator finds it by key through Arbor's API. */
    private static String scopeId(String key) {
        return scopeId(REALM, key);
    }

    private static String scopeId(String realm, String key) {
        OidcClient client = OidcClient.of(server.baseUri(), realm, DemoTenancy.CLIENT);
        String admin = client.password(new TestUser(null, DemoTenancy.ADMIN, DemoTenancy.ADMIN)).accessToken();
        var answer = Http.get(URI.create(server.baseUri() + "/realms/" + realm + "/tenancy/scopes?key=" + key), admin);
        assertThat(answer.statusCode()).as("GET scopes?key=" + key + ": " + answer.body()).isEqualTo(200);
        return Json.parse(answer.body()).get(0).path("id").asText();
    }

    /** A redirect URI the demo client admits ({@code http://127.0.0.1:*}), where nothing listens. */
    private static String unusedRedirectUri() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/arbor-it/callback";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebDriverWait wait(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
    }

    private static JsonNode admin(String realm, String path, String token) {
        var answer = Http.get(URI.create(server.baseUri() + "/admin/realms/" + realm + path), token);
        assertThat(answer.statusCode()).as("GET /admin/realms/" + realm + path + ": " + answer.body()).isEqualTo(200);
        return Json.parse(answer.body());
    }

    private static List<String> clientScopes(String realm, String clientId, String kind, String token) {
        String id = admin(realm, "/clients?clientId=" + clientId, token).get(0).path("id").asText();
        return names(admin(realm, "/clients/" + id + "/" + kind + "-client-scopes", token));
    }

    private static List<String> names(JsonNode scopes) {
        return strings(scopes, "name");
    }

    private static List<String> strings(JsonNode array) {
        return strings(array, null);
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(field == null ? value.asText() : value.path(field).asText()));
        return values;
    }

    private static Set<String> scopeKeys(JsonNode scopes, Set<String> keys) {
        for (JsonNode scope : scopes) {
            keys.add(scope.path("key").asText() + " " + scope.path("type").asText() + " " + scope.path("name").asText());
            scopeKeys(scope.path("children"), keys);
        }
        return keys;
    }

    /** user, scope and role, one a line; options aside (an entry without options gets its roles' defaults). */
    private static Set<String> memberships(JsonNode members) {
        Set<String> lines = new HashSet<>();
        for (JsonNode member : members) {
            for (JsonNode role : member.path("roles")) {
                lines.add(member.path("user").asText() + " " + member.path("scope").asText() + " " + role.asText());
            }
        }
        return lines;
    }
}
