package dev.arbor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.DemoRealms;
import dev.arbor.testing.DemoTenancy;
import dev.arbor.testing.Http;
import dev.arbor.testing.Json;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.TestUser;
import dev.arbor.testing.TokenSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A seed's demo realm driven as its users drive it: users sign up (verified e-mail, password = username), sign in
 * through the demo client (whose tokens carry the tenancy claim) and call the tenancy API; the realm's
 * administrator ({@code admin}) acts only where the seed names the platform's own staff.
 */
final class SeedStories {

    private final KeycloakServer server;
    final String realm;
    private final OidcClient client;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final java.util.concurrent.atomic.AtomicInteger signedUp = new java.util.concurrent.atomic.AtomicInteger();

    SeedStories(KeycloakServer server, DemoRealms realms, String seed) {
        this.server = server;
        this.realm = realms.realm(server, seed);
        this.client = OidcClient.of(server, realm, DemoTenancy.CLIENT);
    }

    /** A new user of the realm, named {@code name-<run>-<n>}, with a verified address; answers the username. */
    String signUp(String name) {
        String username = name + "-" + run + "-" + signedUp.incrementAndGet();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.test");
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName(name);
        user.setLastName("Tester");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(username);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (var created = server.admin().realm(realm).users().create(user)) {
            assertThat(created.getStatus()).as("sign-up of " + username).isEqualTo(201);
        }
        return username;
    }

    String id(String username) {
        return server.admin().realm(realm).users().searchByUsername(username, true).get(0).getId();
    }

    String email(String username) {
        return username + "@example.test";
    }

    String token(String username) {
        return client.password(new TestUser(null, username, username)).accessToken();
    }

    /** The tenancy claim of a token acting in {@code scopeId}; null when Keycloak refuses to act there. */
    JsonNode claimAt(String username, String scopeId) {
        return claimOf(actIn(username, scopeId));
    }

    /** The tenancy claim of a token requested without naming a scope; null when Keycloak refuses it. */
    JsonNode claim(String username) {
        return claimOf(client.tokenRequest(Map.of("grant_type", "password", "username", username,
                "password", username, "scope", "openid")));
    }

    private static JsonNode claimOf(OidcClient.TokenResponse answer) {
        if (answer.status() != 200) {
            return null;
        }
        return new TokenSet(answer.body()).accessTokenClaims().path("tenancy");
    }

    /** The token endpoint's answer to acting in {@code scopeId}: status and body. */
    OidcClient.TokenResponse actIn(String username, String scopeId) {
        return client.tokenRequest(Map.of("grant_type", "password", "username", username, "password", username,
                "scope", "openid", "tenancy_scope", scopeId));
    }

    /** Every value of {@code field} anywhere in {@code node}, as text. */
    static List<String> values(JsonNode node, String field) {
        return node.findValues(field).stream().map(JsonNode::asText).toList();
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** The permission as the token acting at the scope carries it and as {@code POST /check} answers it. */
    void assertPermission(String rule, String username, String scopeId, String permission, boolean expected) {
        JsonNode claim = claimAt(username, scopeId);
        assertThat(claim).as(rule + ": " + username + " acts in " + scopeId).isNotNull();
        assertThat(claim.path("scope").path("id").asText()).isEqualTo(scopeId);
        List<String> permissions = texts(claim.path("permissions"));
        if (expected) {
            assertThat(permissions).as(rule + " (token)").contains(permission);
        } else {
            assertThat(permissions).as(rule + " (token)").doesNotContain(permission);
        }
        assertThat(check(username, scopeId, permission)).as(rule + " (/check)").isEqualTo(expected);
    }

    boolean check(String username, String scopeId, String permission) {
        Answer answer = as(username).post("check", "{\"scopeId\":\"" + scopeId + "\",\"permission\":\""
                + permission + "\"}");
        return answer.expect(200).path("allowed").asBoolean();
    }

    Api as(String username) {
        return new Api(token(username));
    }

    Api admin() {
        return as(DemoTenancy.ADMIN);
    }

    /** A scope created by the realm administrator: the seed's platform operator. */
    String rootScope(String type, String name, String attributes) {
        return admin().post("scopes", "{\"type\":\"" + type + "\",\"name\":\"" + name + "\""
                + (attributes == null ? "" : ",\"attributes\":" + attributes) + "}").createdId();
    }

    String child(String username, String parentId, String type, String name) {
        return as(username).post("scopes", "{\"type\":\"" + type + "\",\"name\":\"" + name + "\",\"parentId\":\""
                + parentId + "\"}").createdId();
    }

    String roles(String scopeId, String username, String role) {
        return "scopes/" + scopeId + "/members/" + id(username) + "/roles/" + role;
    }

    /** {@code from} invites {@code to} with {@code roles}; {@code to} finds it and accepts. */
    void inviteAndAccept(String from, String scopeId, String to, String... roles) {
        String invitation = invite(from, scopeId, to, roles).createdId();
        assertThat(values(as(to).get("me/invitations").expect(200), "id")).contains(invitation);
        as(to).post("me/invitations/" + invitation + "/accept", null).expect(200);
    }

    Answer invite(String from, String scopeId, String to, String... roles) {
        return as(from).post("scopes/" + scopeId + "/invitations", "{\"email\":\"" + email(to) + "\",\"roles\":["
                + String.join(",", java.util.Arrays.stream(roles).map(role -> "\"" + role + "\"").toList()) + "]}");
    }

    /** Roles of each member at the scope, as the realm administrator lists them: userId → roles. */
    Map<String, List<String>> members(String scopeId) {
        Map<String, List<String>> members = new java.util.TreeMap<>();
        for (JsonNode member : admin().get("scopes/" + scopeId + "/members").expect(200).path("members")) {
            members.put(member.path("userId").asText(), texts(member.path("roles")));
        }
        return members;
    }

    /** Open and past invitations at the scope, as the realm administrator lists them. */
    List<String> invitedAddresses(String scopeId) {
        return values(admin().get("scopes/" + scopeId + "/invitations").expect(200), "email");
    }

    URI uri(String path) {
        return server.realmUri(realm, "tenancy/" + path);
    }

    /** Calls to the tenancy API with one bearer token. */
    final class Api {

        private final String accessToken;

        Api(String accessToken) {
            this.accessToken = accessToken;
        }

        Answer get(String path) {
            return send("GET", path, null);
        }

        Answer post(String path, String json) {
            return send("POST", path, json);
        }

        Answer put(String path) {
            return send("PUT", path, null);
        }

        Answer put(String path, String json) {
            return send("PUT", path, json);
        }

        Answer patch(String path, String json) {
            return send("PATCH", path, json);
        }

        Answer delete(String path) {
            return send("DELETE", path, null);
        }

        Answer send(String method, String path, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + accessToken)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = Http.send(request.build());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        }
    }

    /** A response: status, body and Location. */
    record Answer(int status, String text, String location) {

        JsonNode json() {
            return text == null || text.isBlank() ? Json.parse("null") : Json.parse(text);
        }

        JsonNode expect(int expected) {
            assertThat(status).as(text).isEqualTo(expected);
            return json();
        }

        String createdId() {
            expect(201);
            return URI.create(location).getPath().replaceAll(".*/", "");
        }
    }
}
