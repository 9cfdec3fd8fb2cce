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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Seed 002, the MSP portal, as its users would live it on the demo realm ({@code realm-export/msp-portal.json} and
 * its tenancy): the partner (created by the platform operator, a realm administrator) provisions a client and its
 * sub-organizations and invites the client's administrator, who builds below; administrators assign every role of
 * their organization and below, one per module; and what each Portal, Workspaces and Analyzer role may do, proven
 * by the real token's claim and {@code POST /check} alike. Every refusal is shown to have changed nothing.
 *
 * <p>Demo users (password = username): partner Northwind MSP with admin paula, L1 support luke (Workspaces L1), L2
 * support lena (Workspaces L2), billing bella; its client Contoso with admin carla, read-only admin rory, user
 * ursula (Workspaces L2), andy (Analyzer); Contoso EMEA (admin sid) with Contoso Paris below; Fabrikam, a client on
 * its own (admin zoe). Added here through the API: eli (L3 engineering at the partner, by paula) and leo (L1
 * support at Contoso without Workspaces, by carla). Assumptions A1-A11 are in {@code msp-portal.yaml}.
 */
@ArborIT
class MspPortalStoriesIT {

    private static final DemoRealms REALMS = new DemoRealms();
    private static final String DOMAIN = "@msp-portal.example";
    /** The demo tree's scope ids by key. */
    private static final Map<String, String> SCOPES = new ConcurrentHashMap<>();

    private static KeycloakServer server;
    private static String realm;
    private static OidcClient client;

    @BeforeAll
    static void demoRealm(KeycloakServer keycloak) {
        server = keycloak;
        realm = REALMS.realm(server, "msp-portal");
        client = OidcClient.of(server, realm, DemoTenancy.CLIENT);
        expect(as("paula").put(roles("northwind-msp", newUser("eli"), "l3-engineering")), 200);
        expect(as("carla").put(roles("contoso", newUser("leo"), "l1-support")), 200);
    }

    @AfterAll
    static void removeRealm() {
        REALMS.close(server);
    }

    /**
     * Tenants (Create, Delete), A11: a partner administrator creates a client organization and a sub-organization
     * (before today: 403 "client names no createPermission" while /check said allowed), invites the client's
     * administrator, who creates and deletes sub-organizations below; support staff and client administrators
     * create nothing at the partner, and the top of the tree is the operator's.
     */
    @Test
    void aPartnerProvisionsAClientWhoseAdministratorBuildsBelow() {
        String northwind = scopeId("northwind-msp");
        Api paula = as("paula");
        assertThat(check(paula, northwind, "portal:tenants:create")).as("/check and the API agree").isTrue();

        String litware = created(paula.post("scopes", child("client", "Litware", northwind)));
        String germany = created(paula.post("scopes", child("suborg", "Litware Germany", litware)));
        TestUser liam = newUser("liam");
        String invitation = created(paula.post("scopes/" + litware + "/invitations",
                "{\"email\":\"liam" + DOMAIN + "\",\"roles\":[\"admin\"]}"));
        JsonNode offered = expect(as("liam").get("me/invitations"), 200);
        expect(as("liam").post("me/invitations/" + invitation + "/accept", null), 200);
        String munich = created(as("liam").post("scopes", child("suborg", "Litware Munich", germany)));
        String bavaria = created(as("liam").post("scopes", child("suborg", "Litware Bavaria", munich)));

        assertThat(offered.toString()).contains(invitation);
        assertThat(roleNames(as("liam"), litware)).containsExactly("admin");
        assertThat(check(as("liam"), litware, "portal:tenants:create")).isTrue();
        assertThat(names(paula.get("scopes?parentId=" + munich))).containsExactly("Litware Bavaria");

        // refusals, each leaving the tree as it was
        expect(as("liam").post("scopes", child("client", "Liam's own", northwind)), 403);
        assertThat(check(as("liam"), litware, "portal:tenants:create")).isTrue();
        expect(as("lena").post("scopes", child("suborg", "Lena's", litware)), 403);
        assertThat(check(as("lena"), litware, "portal:tenants:create")).as("/check agrees with the 403").isFalse();
        expect(as("rory").post("scopes", child("suborg", "Rory's", scopeId("contoso"))), 403);
        expect(paula.post("scopes", "{\"type\":\"partner\",\"name\":\"Paula's MSP\"}"), 403);
        expect(as("zoe").post("scopes", "{\"type\":\"client\",\"name\":\"Zoe's\"}"), 403);
        assertThat(names(paula.get("scopes?parentId=" + northwind))).containsExactlyInAnyOrder("Contoso", "Litware");
        assertThat(names(paula.get("scopes?parentId=" + litware))).containsExactly("Litware Germany");

        expect(as("lena").delete("scopes/" + bavaria), 403);
        expect(as("liam").delete("scopes/" + bavaria), 204);
        expect(paula.delete("scopes/" + litware), 409);
        expect(as("liam").delete("scopes/" + litware + "?cascade=true"), 204);
        expect(paula.get("scopes/" + germany), 404);
        expect(as("zoe").delete("scopes/" + scopeId("fabrikam")), 403);
        expect(as("sid").delete("scopes/" + scopeId("contoso")), 403);
        assertThat(names(paula.get("scopes?parentId=" + northwind))).containsExactly("Contoso");
        expect(as("zoe").get("scopes/" + scopeId("fabrikam")), 200);
    }

    /**
     * A10, the seed's "configuring access and visibility for the users of the organization": a client administrator
     * gives Workspaces and Analyzer roles it does not hold (before today: 403, exceeds own permissions), by a grant
     * and by an invitation; so does a client on its own. Nobody gives themselves a role; a read-only administrator
     * and a user with Workspaces L2 assign none.
     */
    @Test
    void administratorsAssignEveryRoleAtTheirOrganizationAndBelow() {
        String contoso = scopeId("contoso");
        TestUser nora = newUser("nora");
        expect(as("carla").put(roles("contoso", nora, "workspaces-l2")), 200);
        expect(as("carla").put(roles("contoso-emea", nora, "analyzer")), 200);
        TestUser finn = newUser("finn");
        expect(as("zoe").put(roles("fabrikam", finn, "workspaces-l1")), 200);
        TestUser owen = newUser("owen");
        String invitation = created(as("carla").post("scopes/" + contoso + "/invitations",
                "{\"email\":\"owen" + DOMAIN + "\",\"roles\":[\"user\",\"workspaces-l1\"]}"));
        expect(as("owen").post("me/invitations/" + invitation + "/accept", null), 200);

        assertThat(claim("nora", "contoso").path("permissions").toString())
                .contains("workspaces:profile-storage:modify");
        assertThat(claim("nora", "contoso-emea").path("permissions").toString()).contains("analyzer:analyzer:use");
        assertThat(claim("finn", "fabrikam").path("roles").toString()).isEqualTo("[\"workspaces-l1\"]");
        assertThat(roleNames(as("carla"), contoso, owen)).containsExactlyInAnyOrder("user", "workspaces-l1");

        TestUser pia = newUser("pia");
        expect(as("carla").put(roles("contoso", userId("carla"), "workspaces-l2")), 403);
        expect(as("rory").put(roles("contoso", pia, "workspaces-l1")), 403);
        expect(as("ursula").put(roles("contoso", pia, "workspaces-l2")), 403);
        expect(as("carla").put(roles("northwind-msp", pia, "user")), 403);
        expect(as("sid").put(roles("contoso", pia, "analyzer")), 403);
        assertThat(roleNames(as("carla"), contoso, userId("carla"))).containsExactly("admin");
        assertThat(roleNames(as("carla"), contoso, pia.id())).isEmpty();
        assertThat(roleNames(as("paula"), scopeId("northwind-msp"), pia.id())).isEmpty();
    }

    /**
     * Users (Create, Read, Delete), M3: creating a user in an organization is giving them roles there (above);
     * reading is the member list (portal:users:read: administrators and their read-only twins, not a User, who sees
     * only themselves); deleting is removing the member, by whoever may revoke each of their roles.
     */
    @Test
    void administratorsListAndRemoveTheirUsers() {
        String contoso = scopeId("contoso");
        TestUser quinn = newUser("quinn");
        expect(as("carla").put(roles("contoso", quinn, "user")), 200);
        expect(as("carla").put(roles("contoso", quinn, "workspaces-l1-ro")), 200);

        JsonNode listedToRory = expect(as("rory").get("scopes/" + contoso + "/members?max=1000"), 200);
        JsonNode listedToUrsula = expect(as("ursula").get("scopes/" + contoso + "/members?max=1000"), 200);
        expect(as("rory").delete("scopes/" + contoso + "/members/" + quinn.id()), 403);
        expect(as("ursula").delete("scopes/" + contoso + "/members/" + quinn.id()), 403);
        assertThat(roleNames(as("carla"), contoso, quinn)).as("refusals removed nothing")
                .containsExactlyInAnyOrder("user", "workspaces-l1-ro");
        expect(as("carla").delete("scopes/" + contoso + "/members/" + quinn.id()), 204);

        assertThat(listedToRory.toString()).contains(quinn.id(), userId("carla"), userId("andy"));
        assertThat(listedToUrsula.path("members")).as("a User sees only themselves").hasSize(1);
        assertThat(listedToUrsula.path("members").get(0).path("userId").asText()).isEqualTo(userId("ursula"));
        assertThat(roleNames(as("carla"), contoso, quinn)).isEmpty();
        assertThat(expect(as("quinn").get("me"), 200)).as("quinn is nowhere any more").isEmpty();
    }

    /**
     * "One role per module" (exclusiveRoles; before today a user held workspaces-l1 and workspaces-l2, or user and
     * billing, side by side): a second role of a module is refused by a grant (409), an invitation naming two and
     * an invitation accepted later; a role of another module goes beside; changing level is revoking first.
     */
    @Test
    void oneRolePerModule() {
        String contoso = scopeId("contoso");
        Api carla = as("carla");
        TestUser una = newUser("una");
        String later = created(carla.post("scopes/" + contoso + "/invitations",
                "{\"email\":\"una" + DOMAIN + "\",\"roles\":[\"billing\"]}"));
        expect(carla.put(roles("contoso", una, "user")), 200);
        expect(carla.put(roles("contoso", una, "workspaces-l2")), 200);

        JsonNode secondLevel = expect(carla.put(roles("contoso", una, "workspaces-l1")), 409);
        JsonNode secondPortal = expect(carla.put(roles("contoso", una, "billing")), 409);
        JsonNode twin = expect(carla.put(roles("contoso", una, "workspaces-l2-ro")), 409);
        newUser("vera");
        JsonNode both = expect(carla.post("scopes/" + contoso + "/invitations",
                "{\"email\":\"vera" + DOMAIN + "\",\"roles\":[\"workspaces-l1\",\"workspaces-l2\"]}"), 409);
        JsonNode accepted = expect(as("una").post("me/invitations/" + later + "/accept", null), 409);
        expect(as("vera").get("me/invitations"), 200);

        assertThat(secondLevel.path("errorMessage").asText()).contains("workspaces-l2");
        assertThat(secondPortal.path("errorMessage").asText()).contains("client.user");
        assertThat(twin.toString()).contains("workspaces-l2");
        assertThat(both.toString()).contains("exclusive group workspaces");
        assertThat(accepted.toString()).contains("client.user");
        assertThat(expect(as("vera").get("me/invitations"), 200)).as("no invitation was stored").isEmpty();
        assertThat(roleNames(carla, contoso, una.id())).containsExactlyInAnyOrder("user", "workspaces-l2");
        assertThat(claim("una", "contoso").path("roles").toString()).isEqualTo("[\"user\",\"workspaces-l2\"]");

        expect(carla.put(roles("contoso", una, "analyzer")), 200);
        expect(carla.delete(roles("contoso", una, "workspaces-l2")), 200);
        expect(carla.put(roles("contoso", una, "workspaces-l1")), 200);
        JsonNode claim = claim("una", "contoso");
        assertThat(claim.path("roles").toString()).isEqualTo("[\"analyzer\",\"user\",\"workspaces-l1\"]");
        assertThat(permissions(claim)).contains("workspaces:sessions:execute", "analyzer:analyzer:use")
                .doesNotContain("workspaces:profile-storage:modify");
    }

    /**
     * What each role may do where, by the real token's claim at that scope and by {@code POST /check}, which must
     * agree. Rows marked "before today" failed on the schema of that morning.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        1 Admin: its own organization's billing                                  | paula  | northwind-msp      | portal:billing:read               | true
        1 Admin: not its clients' billing (A2)                                   | paula  | contoso            | portal:billing:read               | false
        1 Admin: administers its clients' users down to nested sub-organizations | paula  | contoso-emea-paris | portal:users:create               | true
        1 Admin: the client's own administrator sees the client's billing        | carla  | contoso            | portal:billing:read               | true
        1 Admin: a client on its own is its own administrator's                   | zoe    | fabrikam           | portal:billing:read               | true
        2 Read-only admin reads users                                            | rory   | contoso            | portal:users:read                 | true
        2 Read-only admin creates none (A1)                                      | rory   | contoso            | portal:users:create               | false
        2 Read-only admin: refresh is not a read (A1)                            | rory   | contoso            | portal:flows:refresh              | false
        3 User reads Flows                                                       | ursula | contoso            | portal:flows:read                 | true
        3 User does not read Groups (A3)                                         | ursula | contoso            | portal:groups:read                | false
        4 L1 support with Workspaces L1: no Flows without L2 (double star)       | luke   | northwind-msp      | portal:flows:create               | false
        4 L1 support refreshes Workspaces without any Workspaces role (before today: an invented single star) | leo | contoso | portal:workspaces:refresh | true
        4 L1 support without Workspaces L2 deletes no Updates (double star)      | leo    | contoso            | portal:updates:delete             | false
        6 L2 support with Workspaces L2 creates Flows (double star)              | lena   | northwind-msp      | portal:flows:create               | true
        6 L2 support ... and Updates in the dependent client                     | lena   | contoso            | portal:updates:create             | true
        6 L2 support manages Directives (A5)                                     | lena   | contoso            | portal:directives:create          | true
        6 L2 support creates no Tenants (A5)                                     | lena   | contoso            | portal:tenants:create             | false
        8 L3 engineering creates Tenants (A6)                                    | eli    | contoso            | portal:tenants:create             | true
        8 L3 engineering assigns no roles (A6)                                   | eli    | contoso            | portal:users:create               | false
        8 L3 engineering: not its clients' Products (A2; before today: allowed)  | eli    | contoso            | portal:product:read               | false
        8 L3 engineering: no billing Report, even its own (A6; before today: allowed) | eli | northwind-msp     | portal:billing-report:read        | false
        10 Billing: its own organization's invoices                              | bella  | northwind-msp      | portal:billing:read               | true
        10 Billing: not its clients' invoices (A2; before today: allowed)        | bella  | contoso            | portal:billing:read               | false
        10 Billing: nor their billing Report (A2; before today: allowed)         | bella  | contoso-emea       | portal:billing-report:read        | false
        10 Billing: reads their Licenses (A7)                                    | bella  | contoso            | portal:licenses:read              | true
        10 Billing reads no Flows (A7)                                           | bella  | northwind-msp      | portal:flows:read                 | false
        Workspaces L2 modifies Profile Storage                                   | ursula | contoso            | workspaces:profile-storage:modify | true
        Workspaces L1 executes operations on Sessions (A9)                       | luke   | northwind-msp      | workspaces:sessions:execute       | true
        Workspaces L1 does not see Profile Storage (A9)                          | luke   | northwind-msp      | workspaces:profile-storage:view   | false
        Analyzer: access granted                                                 | andy   | contoso            | analyzer:analyzer:use             | true
        Analyzer: ... or not                                                     | carla  | contoso            | analyzer:analyzer:use             | false
        """)
    void whatEachRoleMayDo(String rule, String user, String scopeKey, String permission, boolean allowed) {
        String scope = scopeId(scopeKey);
        JsonNode claim = claim(user, scopeKey);

        assertThat(claim.path("scope").path("id").asText()).as("the token's active scope").isEqualTo(scope);
        assertThat(permissions(claim).contains(permission)).as(rule + ": the token").isEqualTo(allowed);
        assertThat(check(as(user), scope, permission)).as(rule + ": /check").isEqualTo(allowed);
    }

    // --- the tenants' API, as an app calls it ---

    private record Api(String token) {

        HttpResponse<String> get(String path) {
            return send("GET", path, null);
        }

        HttpResponse<String> post(String path, String json) {
            return send("POST", path, json);
        }

        HttpResponse<String> put(String path) {
            return send("PUT", path, null);
        }

        HttpResponse<String> delete(String path) {
            return send("DELETE", path, null);
        }

        HttpResponse<String> send(String method, String path, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.realmUri(realm, "tenancy/" + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            return Http.send(request.build());
        }
    }

    private static Api as(String username) {
        return new Api(client.password(new TestUser(null, username, username)).accessToken());
    }

    /** The tenancy claim of {@code username}'s access token with {@code scopeKey} as the active scope. */
    private static JsonNode claim(String username, String scopeKey) {
        return client.password(new TestUser(null, username, username), Map.of("tenancy_scope", scopeId(scopeKey)))
                .accessTokenClaims().path("tenancy");
    }

    private static List<String> permissions(JsonNode claim) {
        List<String> permissions = new ArrayList<>();
        claim.path("permissions").forEach(permission -> permissions.add(permission.asText()));
        return permissions;
    }

    private static boolean check(Api api, String scopeId, String permission) {
        JsonNode answer = expect(api.post("check", "{\"scopeId\":\"" + scopeId + "\",\"permission\":\"" + permission
                + "\"}"), 200);
        return answer.path("allowed").asBoolean();
    }

    private static JsonNode expect(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.request().uri() + ": "
                + answer.body()).isEqualTo(status);
        return answer.body().isBlank() ? Json.parse("{}") : Json.parse(answer.body());
    }

    private static String created(HttpResponse<String> answer) {
        expect(answer, 201);
        String location = answer.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String scopeId(String key) {
        return SCOPES.computeIfAbsent(key, k -> expect(as(DemoTenancy.ADMIN).get("scopes?key=" + k), 200).get(0)
                .path("id").asText());
    }

    private static String child(String type, String name, String parentId) {
        return "{\"type\":\"" + type + "\",\"name\":\"" + name + "\",\"parentId\":\"" + parentId + "\"}";
    }

    private static String roles(String scopeKey, TestUser user, String role) {
        return roles(scopeKey, user.id(), role);
    }

    private static String roles(String scopeKey, String userId, String role) {
        return "scopes/" + scopeId(scopeKey) + "/members/" + userId + "/roles/" + role;
    }

    private static List<String> names(HttpResponse<String> scopes) {
        List<String> names = new ArrayList<>();
        expect(scopes, 200).forEach(scope -> names.add(scope.path("name").asText()));
        return names;
    }

    /** The roles {@code api}'s caller sees itself holding at a scope. */
    private static List<String> roleNames(Api api, String scopeId) {
        List<String> roles = new ArrayList<>();
        expect(api.get("me/permissions?scopeId=" + scopeId), 200).path("roles")
                .forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static List<String> roleNames(Api api, String scopeId, TestUser user) {
        return roleNames(api, scopeId, user.id());
    }

    /** The roles {@code userId} holds at a scope, as {@code api}'s caller lists the members. */
    private static List<String> roleNames(Api api, String scopeId, String userId) {
        List<String> roles = new ArrayList<>();
        for (JsonNode member : expect(api.get("scopes/" + scopeId + "/members?max=1000"), 200).path("members")) {
            if (member.path("userId").asText().equals(userId)) {
                member.path("roles").forEach(role -> roles.add(role.asText()));
            }
        }
        return roles;
    }

    /** A new user of the demo realm with a verified address {@code <name>@msp-portal.example}, password = name. */
    private static TestUser newUser(String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + DOMAIN);
        user.setEmailVerified(true);
        user.setFirstName(username);
        user.setLastName("Test");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(username);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = server.admin().realm(realm).users().create(user)) {
            return new TestUser(CreatedResponseUtil.getCreatedId(response), username, username);
        }
    }

    private static String userId(String username) {
        return server.admin().realm(realm).users().searchByUsername(username, true).get(0).getId();
    }
}
