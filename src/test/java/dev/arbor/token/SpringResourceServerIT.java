package dev.arbor.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Http;
import dev.arbor.testing.Json;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.SpringBootApp;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TokenSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Spring Boot example app (examples/spring-resource-server, started from its jar) verifies the realm's tokens
 * with Spring Security and authorizes from the claim through arbor-spring-security: {@code POST
 * /workspaces/{id}/subscriptions/start} needs {@code subscriptions:subscriptions:start} and a token acting in that
 * workspace. Every denial is shown next to the premise that makes it meaningful (what the token does hold).
 */
@ArborIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringResourceServerIT {

    private static final String START = "subscriptions:subscriptions:start";

    private SkyportWorld world;
    private SpringBootApp app;

    @BeforeAll
    void startTheAppForTheRealm(TestRealms realms) {
        world = new SkyportWorld(realms);
        String issuer = world.realm.uri("").toString().replaceAll("/$", "");
        app = SpringBootApp.start("spring-resource-server", "arbor.example.spring.jar",
                Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer));
    }

    @AfterAll
    void stopTheApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theWorkspaceOwnerStartsASubscriptionAndTheAppReadsTheClaimTyped() {
        String carol = token("carol", null);

        HttpResponse<String> started = start(world.ws1, carol);
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(Json.parse(started.body()).path("started").asText()).isEqualTo(world.ws1);

        JsonNode claim = claim(carol);
        assertThat(claim.path("scope").path("id").asText()).isEqualTo(world.ws1);
        assertThat(claim.path("scope").path("type").asText()).isEqualTo("workspace");
        assertThat(claim.path("scope").path("name").asText()).isEqualTo("Studio A");
        assertThat(claim.path("path").findValuesAsText("id")).containsExactly(world.acme, world.ws1);
        assertThat(claim.path("roles").toString()).isEqualTo("[\"owner\"]");
        assertThat(claim.path("permissions").toString()).contains(START);
        assertThat(claim.path("schema").path("id").asText()).isEqualTo("skyport");
    }

    @Test
    void aTokenActingInAnotherWorkspaceIsForbiddenThoughItHoldsThePermission() {
        String aliceInVacantWs2 = token("alice", world.ws2);
        assertThat(claim(aliceInVacantWs2).path("permissions").toString()).as("premise: alice may start in ws2")
                .contains(START);
        assertThat(start(world.ws2, aliceInVacantWs2).statusCode()).as("in the workspace it acts in").isEqualTo(200);

        assertThat(start(world.ws1, aliceInVacantWs2).statusCode()).as("in another workspace").isEqualTo(403);
        assertThat(start(world.acme, aliceInVacantWs2).statusCode()).as("in its parent account").isEqualTo(403);
        assertThat(start(world.ws2, token("carol", null)).statusCode()).as("carol's ws1 token in ws2")
                .isEqualTo(403);
    }

    @Test
    void aUserLackingThePermissionIsForbiddenInTheWorkspaceTheyActIn() {
        String aliceInSealedWs1 = token("alice", world.ws1);
        JsonNode claim = claim(aliceInSealedWs1);
        assertThat(claim.path("scope").path("id").asText()).as("premise: acting in ws1").isEqualTo(world.ws1);
        assertThat(claim.path("permissions").toString()).as("premise: sealed off by ws1's owner")
                .contains("subscriptions:subscriptions:view").doesNotContain(START);

        assertThat(start(world.ws1, aliceInSealedWs1).statusCode()).isEqualTo(403);
    }

    @Test
    void aUserWithoutTenancyIsForbiddenAndHasNoClaim() {
        String erin = token("erin", null);

        assertThat(get("/tenancy", erin).statusCode()).as("a valid token without a claim").isEqualTo(404);
        assertThat(start(world.ws1, erin).statusCode()).isEqualTo(403);
    }

    @Test
    void noTokenIsUnauthorized() {
        HttpResponse<String> started = start(world.ws1, null);

        assertThat(started.statusCode()).isEqualTo(401);
        assertThat(started.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(get("/tenancy", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWhosePayloadWasTamperedWithIsUnauthorized() {
        String[] parts = token("alice", world.ws1).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String granted = payload.replace("\"permissions\":[", "\"permissions\":[\"" + START + "\",");
        assertThat(granted).as("premise: the forged payload grants the permission").contains(START);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(granted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(start(world.ws1, forged).statusCode()).isEqualTo(401);
        assertThat(get("/tenancy", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherRealmIsUnauthorized(TestRealms realms) {
        TestRealm other = realms.create();
        OidcClient client = other.createTenancyClient("app");
        String mallory = client.password(other.createUser("mallory")).accessToken();

        assertThat(get("/tenancy", mallory).statusCode()).isEqualTo(401);
        assertThat(start(world.ws1, mallory).statusCode()).isEqualTo(401);
    }

    @Test
    void afterThePermissionIsRevokedTheRefreshedTokenIsForbidden() {
        String ws3 = world.as("alice").post("scopes", world.workspace("Studio C")).createdId();
        TokenSet alice = world.app.password(world.users.get("alice"), Map.of("tenancy_scope", ws3));
        assertThat(start(ws3, alice.accessToken()).statusCode()).as("acting owner of a workspace without owner")
                .isEqualTo(200);

        // sealing: once ws3 has its own owner, the account owner no longer starts its subscriptions
        world.as("alice").put(world.roles(ws3, "zed", "owner")).expect(200);
        assertThat(start(ws3, alice.accessToken()).statusCode())
                .as("the app asks no one: the token issued before holds until it expires").isEqualTo(200);
        String refreshed = world.app.refresh(alice.refreshToken()).accessToken();

        JsonNode claim = claim(refreshed);
        assertThat(claim.path("scope").path("id").asText()).as("premise: still acting in ws3").isEqualTo(ws3);
        assertThat(claim.path("permissions").toString()).as("premise: recomputed on refresh").doesNotContain(START);
        assertThat(start(ws3, refreshed).statusCode()).isEqualTo(403);
    }

    private String token(String user, String scope) {
        return (scope == null ? world.app.password(world.users.get(user))
                : world.app.password(world.users.get(user), Map.of("tenancy_scope", scope))).accessToken();
    }

    /** The claim as the app read it; fails unless the app answers 200. */
    private JsonNode claim(String token) {
        HttpResponse<String> response = get("/tenancy", token);
        assertThat(response.statusCode()).as("GET /tenancy: " + response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private HttpResponse<String> get(String path, String token) {
        return Http.get(URI.create(app.uri() + path), token);
    }

    private HttpResponse<String> start(String workspace, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.uri() + "/workspaces/" + workspace
                + "/subscriptions/start")).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build());
    }
}
