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
import jakarta.ws.rs.core.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Every delegation rule of the other four seed models, through the API on their demo realms with real tokens of
 * their demo users: one allowed call and one denied call per rule (SkyPort's are in SkyportApiIT), and what one user
 * may hold (exclusive roles, scopes per user: 409). A denied call leaves the target without the role. Rows of one seed share its realm and run in order (hand-overs last).
 */
@ArborIT
class SeedDelegationIT {

    private static final DemoRealms REALMS = new DemoRealms();
    private static final AtomicInteger NEW_USERS = new AtomicInteger();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        eschat           | Root manages Support                                  | rita   | new    | server              | support            | false | 200
        eschat           | ... Support does not                                  | sven   | new    | server              | support            | false | 403
        eschat           | Root and Support staff the conduits                   | sven   | new    | north               | sales-rep          | false | 200
        eschat           | ... a customer admin does not                         | cam    | new    | north               | sales-rep          | false | 403
        eschat           | a conduit admin manages its customer managers         | carl   | new    | north               | customer-manager   | false | 200
        eschat           | ... not another conduit's                             | cody   | new    | north               | customer-manager   | false | 404
        eschat           | customer admin rights are assigned above the customer | carl   | sara   | harbor-works        | customer-admin     | false | 200
        eschat           | ... a sales rep does not assign them                  | sara   | new    | harbor-works        | customer-admin     | false | 403
        eschat           | a customer admin adds technical users                 | cam    | new    | metro-fire          | customer-technical | false | 200
        eschat           | ... a customer technical user does not                | tess   | new    | metro-fire          | customer-technical | false | 403
        eschat           | customer admin rights within the conduit: not for another conduit's rep | cody | sara | valley-transit | customer-admin | false | 403
        eschat           | ... a conduit admin makes the customer's own user its admin | carl | tess | metro-fire      | customer-admin     | false | 200
        msp-portal       | a partner admin assigns partner roles                 | paula  | new    | northwind-msp       | user               | false | 200
        msp-portal       | ... support staff do not                              | luke   | new    | northwind-msp       | user               | false | 403
        msp-portal       | a partner provisions its clients' admins              | paula  | new    | contoso             | admin              | false | 200
        msp-portal       | ... L2 support does not                               | lena   | new    | contoso             | user               | false | 403
        msp-portal       | a client admin assigns roles below it                 | carla  | new    | contoso-emea        | l1-support         | false | 200
        msp-portal       | ... never above it                                    | carla  | new    | northwind-msp       | user               | false | 403
        msp-portal       | a client admin gives Workspaces roles it lacks (A10)  | carla  | new    | contoso             | workspaces-l2      | false | 200
        msp-portal       | ... but not to itself                                 | carla  | carla  | contoso             | workspaces-l2      | false | 403
        msp-portal       | a sub-organization admin assigns roles below it       | sid    | new    | contoso-emea-paris  | user               | false | 200
        msp-portal       | ... not in its parent client (which it sees, above it) | sid   | new    | contoso             | user               | false | 403
        msp-portal       | one role per module: no second Workspaces level       | paula  | ursula | contoso             | workspaces-l1      | false | 409
        msp-portal       | ... nor a second Portal role                          | paula  | ursula | contoso             | billing            | false | 409
        hosting-contacts | administrators authorize contacts                     | adam   | new    | account-1042        | billing            | false | 200
        hosting-contacts | ... a billing contact does not                        | bill   | new    | account-1042        | support            | false | 403
        hosting-contacts | an administrator does not take the account over       | adam   | adam   | account-1042        | owner              | true  | 403
        hosting-contacts | the owner hands the account over                      | olivia | adam   | account-1042        | owner              | true  | 200
        skytap           | user managers create users                            | uma    | new    | initech             | standard           | false | 200
        skytap           | ... standard users do not                             | stan   | new    | initech             | restricted         | false | 403
        skytap           | administrators make administrators                    | ada    | new    | initech             | administrator      | false | 200
        skytap           | ... user managers do not                              | uma    | new    | initech             | administrator      | false | 403
        skytap           | one user role per user                                | uma    | stan   | initech             | user-manager       | false | 409
        skytap           | one department per user                               | ada    | stan   | initech-sales       | member             | false | 409
        skytap           | project owners add users of the account               | stan   | dora   | release-7           | viewer             | false | 200
        skytap           | ... project viewers do not                            | vic    | new    | release-7           | viewer             | false | 403
        skytap           | a project editor does not hand the project over       | rita   | vic    | release-7           | owner              | true  | 403
        skytap           | a project owner makes a restricted user owner         | stan   | rita   | release-7           | owner              | true  | 200
        """)
    void delegationRule(String seed, String rule, String actor, String target, String scopeKey, String role,
            boolean transfer, int expected, KeycloakServer server) {
        String realm = REALMS.realm(server, seed);
        OidcClient client = OidcClient.of(server, realm, DemoTenancy.CLIENT);
        String adminToken = client.password(new TestUser(null, DemoTenancy.ADMIN, DemoTenancy.ADMIN)).accessToken();
        String scopeId = Json.parse(Http.get(server.realmUri(realm, "tenancy/scopes?key=" + scopeKey), adminToken)
                .body()).get(0).path("id").asText();
        String targetId = target.equals("new") ? newUser(server, realm) : userId(server, realm, target);
        String actorToken = client.password(new TestUser(null, actor, actor)).accessToken();

        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(server.realmUri(realm, "tenancy/scopes/"
                        + scopeId + "/members/" + targetId + "/roles/" + role + (transfer ? "?transfer=true" : "")))
                .header("Authorization", "Bearer " + actorToken)
                .PUT(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(answer.statusCode()).as(seed + ": " + rule + ": " + answer.body()).isEqualTo(expected);
        JsonNode members = Json.parse(Http.get(server.realmUri(realm, "tenancy/scopes/" + scopeId + "/members?max=1000"),
                adminToken).body()).path("members");
        boolean holds = false;
        for (JsonNode member : members) {
            holds |= member.path("userId").asText().equals(targetId) && member.path("roles").toString().contains(
                    "\"" + role + "\"");
        }
        assertThat(holds).as("the target holds " + role + " afterwards").isEqualTo(expected == 200);
    }

    @AfterAll
    static void removeRealms(KeycloakServer server) {
        REALMS.close(server);
    }

    private static String newUser(KeycloakServer server, String realm) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("new-" + NEW_USERS.incrementAndGet());
        user.setEnabled(true);
        try (Response response = server.admin().realm(realm).users().create(user)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private static String userId(KeycloakServer server, String realm, String username) {
        List<UserRepresentation> found = server.admin().realm(realm).users().searchByUsername(username, true);
        return found.get(0).getId();
    }
}
