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
import dev.arbor.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ESChat's departmental associations through {@code POST /check} with {@code scopeIds}: an operation spanning two
 * departments is judged at their lowest common ancestor, within a conduit at the conduit, across conduits at the
 * server, by the seed's own users on the demo realm.
 */
@ArborIT
class CrossScopeCheckIT {

    private static final DemoRealms REALMS = new DemoRealms();
    private static String realm;
    private static OidcClient client;

    @BeforeAll
    static void eschat(KeycloakServer server) {
        realm = REALMS.realm(server, "eschat");
        client = OidcClient.of(server, realm, DemoTenancy.CLIENT);
    }

    @AfterAll
    static void removeRealm(KeycloakServer server) {
        REALMS.close(server);
    }

    @Test
    void aSalesRepAssociatesDepartmentsOfTwoCustomersOfTheirConduit(KeycloakServer server) {
        JsonNode decision = check(server, "sara", "associations:inter-customer:create",
                "metro-fire-dispatch", "harbor-works-ops");

        assertThat(decision.path("allowed").asBoolean()).as(decision.toString()).isTrue();
        assertThat(decision.path("explanation").get(0).asText())
                .endsWith("lowest common ancestor " + scopeId(server, "north"));
    }

    @Test
    void acrossConduitsItIsJudgedAtTheServerWhereACustomerAdminHoldsNothing(KeycloakServer server) {
        grantAsAdmin(server, "valley-transit", "cam", "customer-admin");

        JsonNode across = check(server, "cam", "associations:inter-customer:create",
                "metro-fire-dispatch", "valley-transit-drivers");
        JsonNode within = check(server, "cam", "associations:intra-customer:create",
                "metro-fire-dispatch", "metro-fire-field");

        assertThat(across.path("allowed").asBoolean()).as(across.toString()).isFalse();
        assertThat(across.path("reason").asText()).isEqualTo("NOT_PERMITTED");
        assertThat(across.path("explanation").get(0).asText())
                .endsWith("lowest common ancestor " + scopeId(server, "server"));
        assertThat(within.path("allowed").asBoolean()).as(within.toString()).isTrue();
    }

    @Test
    void aScopeTheCallerMayNotSeeIsNotAQuestion(KeycloakServer server) {
        HttpResponse<String> answer = post(server, "sara", "{\"permission\":\"associations:inter-customer:create\","
                + "\"scopeIds\":[\"" + scopeId(server, "metro-fire-dispatch") + "\",\""
                + scopeId(server, "valley-transit-drivers") + "\"]}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(Json.parse(answer.body()).path("field").asText()).isEqualTo("scopeIds");
    }

    @Test
    void oneScopeOrSeveralNotBothAndNotTooMany(KeycloakServer server) {
        String dispatch = scopeId(server, "metro-fire-dispatch");
        HttpResponse<String> both = post(server, "cam", "{\"permission\":\"associations:intra-customer:view\","
                + "\"scopeId\":\"" + dispatch + "\",\"scopeIds\":[\"" + dispatch + "\"]}");
        String many = IntStream.range(0, 21).mapToObj(i -> "\"s" + i + "\"").collect(Collectors.joining(","));
        HttpResponse<String> tooMany = post(server, "cam",
                "{\"permission\":\"associations:intra-customer:view\",\"scopeIds\":[" + many + "]}");

        assertThat(both.statusCode()).as(both.body()).isEqualTo(400);
        assertThat(Json.parse(both.body()).path("field").asText()).isEqualTo("scopeIds");
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
        assertThat(Json.parse(tooMany.body()).path("field").asText()).isEqualTo("scopeIds");
    }

    /** Departments name no members permission in ESChat's schema: only realm administrators list their members. */
    @Test
    void askingAboutAnotherUserNeedsTheMemberListOfEveryScope(KeycloakServer server) {
        String tess = server.admin().realm(realm).users().searchByUsername("tess", true).get(0).getId();
        String body = "{\"permission\":\"associations:intra-customer:view\",\"userId\":\"" + tess + "\","
                + "\"scopeIds\":[\"" + scopeId(server, "metro-fire-dispatch") + "\",\""
                + scopeId(server, "metro-fire-field") + "\"]}";

        HttpResponse<String> byCustomerAdmin = post(server, "cam", body);
        HttpResponse<String> byAdmin = post(server, DemoTenancy.ADMIN, body);

        assertThat(byCustomerAdmin.statusCode()).as(byCustomerAdmin.body()).isEqualTo(403);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        assertThat(Json.parse(byAdmin.body()).path("allowed").asBoolean()).isTrue();
    }

    private static JsonNode check(KeycloakServer server, String user, String permission, String... scopeKeys) {
        String ids = List.of(scopeKeys).stream().map(key -> "\"" + scopeId(server, key) + "\"")
                .collect(Collectors.joining(","));
        HttpResponse<String> answer = post(server, user,
                "{\"permission\":\"" + permission + "\",\"scopeIds\":[" + ids + "]}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.parse(answer.body());
    }

    private static HttpResponse<String> post(KeycloakServer server, String user, String json) {
        return Http.send(HttpRequest.newBuilder(server.realmUri(realm, "tenancy/check"))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static void grantAsAdmin(KeycloakServer server, String scopeKey, String username, String role) {
        String userId = server.admin().realm(realm).users().searchByUsername(username, true).get(0).getId();
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(server.realmUri(realm, "tenancy/scopes/"
                        + scopeId(server, scopeKey) + "/members/" + userId + "/roles/" + role))
                .header("Authorization", "Bearer " + token(DemoTenancy.ADMIN))
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static String scopeId(KeycloakServer server, String key) {
        return Json.parse(Http.get(server.realmUri(realm, "tenancy/scopes?key=" + key), token(DemoTenancy.ADMIN))
                .body()).get(0).path("id").asText();
    }

    private static String token(String username) {
        return client.password(new TestUser(null, username, username)).accessToken();
    }
}
