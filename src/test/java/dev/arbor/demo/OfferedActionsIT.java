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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the tenant admin app offers a user comes from {@code /actions}; here, for every demo user of every seed
 * realm and every scope they can see, each permission-based offer (create inside, rename, delete, see the
 * members) is compared with the explain endpoint's answer for the permission the schema names for it (a scope at the
 * top of the tree is deleted by realm administrators only, whatever its type names), so the app neither offers what
 * the API refuses nor hides what it allows.
 */
@ArborIT
class OfferedActionsIT {

    private static final DemoRealms REALMS = new DemoRealms();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"skyport", "eschat", "msp-portal", "hosting-contacts", "skytap"})
    void everyOfferMatchesTheExplainEndpoint(String seed, KeycloakServer server) {
        String realm = REALMS.realm(server, seed);
        OidcClient client = OidcClient.of(server, realm, DemoTenancy.CLIENT);
        SoftAssertions softly = new SoftAssertions();
        int compared = 0;
        for (JsonNode user : RealmExports.read(RealmExports.directory().resolve(seed + ".json")).path("users")) {
            String username = user.path("username").asText();
            Caller caller = new Caller(server, realm,
                    client.password(new TestUser(null, username, username)).accessToken());
            JsonNode types = caller.get("schema").path("document").path("scopeTypes");
            boolean realmAdmin = caller.get("info").path("caller").path("realmAdmin").asBoolean();
            for (JsonNode scope : caller.visibleScopes()) {
                String id = scope.path("id").asText();
                String where = seed + ": " + username + " at " + scope.path("name").asText();
                JsonNode type = types.path(scope.path("type").asText());
                JsonNode actions = caller.get("scopes/" + id + "/actions");
                softly.assertThat(actions.path("update").asBoolean()).as(where + ": rename")
                        .isEqualTo(caller.may(id, type.path("updatePermission"), realmAdmin));
                boolean root = scope.path("parentId").isMissingNode() || scope.path("parentId").isNull();
                softly.assertThat(actions.path("delete").asBoolean()).as(where + ": delete")
                        .isEqualTo(root ? realmAdmin : caller.may(id, type.path("deletePermission"), realmAdmin));
                softly.assertThat(actions.path("listMembers").asBoolean()).as(where + ": see the members")
                        .isEqualTo(caller.may(id, type.path("membersPermission"), realmAdmin));
                Set<String> creatable = new LinkedHashSet<>();
                types.fields().forEachRemaining(child -> {
                    boolean nests = false;
                    for (JsonNode parent : child.getValue().path("parents")) {
                        nests |= parent.asText().equals(scope.path("type").asText());
                    }
                    if (nests && caller.may(id, child.getValue().path("createPermission"), realmAdmin)) {
                        creatable.add(child.getKey());
                    }
                });
                Set<String> offered = new LinkedHashSet<>();
                actions.path("createChildren").forEach(child -> offered.add(child.asText()));
                softly.assertThat(offered).as(where + ": create inside").isEqualTo(creatable);
                compared++;
            }
        }
        softly.assertAll();
        assertThat(compared).as(seed + ": scopes compared").isGreaterThan(3);
    }

    @AfterAll
    static void removeRealms(KeycloakServer server) {
        REALMS.close(server);
    }

    /** One demo user's calls to the API. */
    private record Caller(KeycloakServer server, String realm, String token) {

        JsonNode get(String path) {
            var response = Http.get(server.realmUri(realm, "tenancy/" + path), token);
            assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
            return Json.parse(response.body());
        }

        /** Every scope the user can see: the top of their tree and, below it, whatever they may see. */
        Iterable<JsonNode> visibleScopes() {
            Set<JsonNode> seen = new LinkedHashSet<>();
            Deque<JsonNode> queue = new ArrayDeque<>();
            get("scopes?max=1000").forEach(queue::add);
            while (!queue.isEmpty()) {
                JsonNode scope = queue.poll();
                if (seen.add(scope)) {
                    get("scopes?max=1000&parentId=" + URLEncoder.encode(scope.path("id").asText(),
                            StandardCharsets.UTF_8)).forEach(queue::add);
                }
            }
            return seen;
        }

        /** The explain endpoint's answer for {@code permission} at the scope; no permission named: admins only. */
        boolean may(String scopeId, JsonNode permission, boolean realmAdmin) {
            if (realmAdmin) {
                return true;
            }
            if (permission.isMissingNode() || permission.isNull()) {
                return false;
            }
            var response = Http.send(HttpRequest.newBuilder(server.realmUri(realm, "tenancy/check"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scopeId\":\"" + scopeId + "\",\"permission\":\""
                            + permission.asText() + "\"}"))
                    .build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return Json.parse(response.body()).path("allowed").asBoolean();
        }
    }
}
