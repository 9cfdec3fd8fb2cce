package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborApi.Answer;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Log;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of the tenancy API against every kind of caller that should get less than it asks for, with the
 * status each must get: the table below, one test per cell. After every call the realm's tenancy (export, schema
 * revision, every scope's invitations, read by the real realm admin) must be what it was: a refused call changes
 * nothing, and no attacker here is allowed any change.
 *
 * <p>The world is SkyPort's ({@link SkyportWorld}: account acme with owner alice, workspace ws1 with owner carol
 * and admin dave), plus: erin, Gen-IC admin of ws1 (a member without any right to manage it); account globex with
 * owner gus (a sibling subtree); an invitation of mallory to ws1 sent by carol; and the callers of the columns.
 * Every call aims at ws1, its members (carol, dave), its invitation, or acme.
 */
@ArborIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackSuiteIT {

    /**
     * The columns, the callers:
     * <ul>
     * <li>anonymous: no Authorization header;
     * <li>malformed: {@code Bearer not-a-jwt};
     * <li>forged: the realm admin's own claims, re-signed with {@code alg: none};
     * <li>other-realm: a valid token of another realm, whose client has the tenancy claim there;
     * <li>service-account: a client-credentials token of a confidential client with the tenancy claim;
     * <li>no-right: erin, Gen-IC admin of ws1, who may manage nothing there;
     * <li>sibling: gus, owner of the account next to acme;
     * <li>restricted-admin: the realm admin through a client with the tenancy claim but {@code fullScopeAllowed}
     * off and no {@code realm-management} role in its scope, so a plain user there;
     * <li>other-client: the realm admin, signed in through a client without Arbor's tenancy mapper;
     * <li>admin-anonymous, admin-no-role, admin-elsewhere: the same calls on {@code /admin/realms/{realm}/tenancy}
     * with no token (401), with erin's (no realm-management role) and with the other realm's administrator's
     * (both 403, Keycloak's own answer).
     * </ul>
     */
    private static final String TABLE = """
            endpoint              | anonymous | malformed | forged | other-realm | service-account | no-right | sibling | restricted-admin | other-client | admin-anonymous | admin-no-role | admin-elsewhere
            info                  | 401       | 401       | 401    | 401         | 200             | 200      | 200     | 200              | 403          | 401             | 403           | 403
            schema GET            | 401       | 401       | 401    | 401         | 200             | 200      | 200     | 200              | 403          | 401             | 403           | 403
            schema PUT            | 401       | 401       | 401    | 401         | 403             | 403      | 403     | 403              | 403          | 401             | 403           | 403
            schema validate       | 401       | 401       | 401    | 401         | 403             | 403      | 403     | 403              | 403          | 401             | 403           | 403
            scopes POST root      | 401       | 401       | 401    | 401         | 403             | 403      | 403     | 403              | 403          | 401             | 403           | 403
            scopes POST child     | 401       | 401       | 401    | 401         | 400             | 403      | 400     | 400              | 403          | 401             | 403           | 403
            scopes GET            | 401       | 401       | 401    | 401         | 200             | 200      | 200     | 200              | 403          | 401             | 403           | 403
            scopes GET children   | 401       | 401       | 401    | 401         | 400             | 200      | 400     | 400              | 403          | 401             | 403           | 403
            scope GET             | 401       | 401       | 401    | 401         | 404             | 200      | 404     | 404              | 403          | 401             | 403           | 403
            scope PATCH           | 401       | 401       | 401    | 401         | 404             | 403      | 404     | 404              | 403          | 401             | 403           | 403
            members GET           | 401       | 401       | 401    | 401         | 404             | 200      | 404     | 404              | 403          | 401             | 403           | 403
            role PUT              | 401       | 401       | 401    | 401         | 404             | 403      | 404     | 404              | 403          | 401             | 403           | 403
            role DELETE           | 401       | 401       | 401    | 401         | 404             | 403      | 404     | 404              | 403          | 401             | 403           | 403
            options PUT           | 401       | 401       | 401    | 401         | 404             | 403      | 404     | 404              | 403          | 401             | 403           | 403
            member DELETE         | 401       | 401       | 401    | 401         | 404             | 403      | 404     | 404              | 403          | 401             | 403           | 403
            access GET            | 401       | 401       | 401    | 401         | 404             | 404      | 404     | 404              | 403          | 401             | 403           | 403
            actions GET           | 401       | 401       | 401    | 401         | 404             | 200      | 404     | 404              | 403          | 401             | 403           | 403
            roles GET             | 401       | 401       | 401    | 401         | 404             | 200      | 404     | 404              | 403          | 401             | 403           | 403
            invitations POST      | 401       | 401       | 401    | 401         | 404             | 403      | 404     | 404              | 403          | 401             | 403           | 403
            invitations GET       | 401       | 401       | 401    | 401         | 404             | 200      | 404     | 404              | 403          | 401             | 403           | 403
            invitation DELETE     | 401       | 401       | 401    | 401         | 404             | 403      | 404     | 404              | 403          | 401             | 403           | 403
            me                    | 401       | 401       | 401    | 401         | 200             | 200      | 200     | 200              | 403          | 401             | 403           | 403
            me permissions        | 401       | 401       | 401    | 401         | 404             | 200      | 404     | 404              | 403          | 401             | 403           | 403
            me invitations        | 401       | 401       | 401    | 401         | 200             | 200      | 200     | 200              | 403          | 401             | 403           | 403
            me invitation accept  | 401       | 401       | 401    | 401         | 404             | 404      | 404     | 404              | 403          | 401             | 403           | 403
            me invitation decline | 401       | 401       | 401    | 401         | 404             | 404      | 404     | 404              | 403          | 401             | 403           | 403
            check                 | 401       | 401       | 401    | 401         | 400             | 200      | 400     | 400              | 403          | 401             | 403           | 403
            check other user      | 401       | 401       | 401    | 401         | 400             | 403      | 400     | 400              | 403          | 401             | 403           | 403
            export                | 401       | 401       | 401    | 401         | 403             | 403      | 403     | 403              | 403          | 401             | 403           | 403
            import                | 401       | 401       | 401    | 401         | 403             | 403      | 403     | 403              | 403          | 401             | 403           | 403
            scope DELETE          | 401       | 401       | 401    | 401         | 404             | 403      | 404     | 404              | 403          | 401             | 403           | 403
            """;

    /** What each row sends; every call aims at ws1 (or acme), so a caller may only be refused or read. */
    private static final Map<String, Function<AttackSuiteIT, Call>> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("info", t -> Call.get("info"));
        ENDPOINTS.put("schema GET", t -> Call.get("schema"));
        // the document in force: a wrong acceptance would store nothing new, the status still tells
        ENDPOINTS.put("schema PUT", t -> new Call("PUT", "schema", SkyportWorld.schema("skyport"), "application/yaml"));
        ENDPOINTS.put("schema validate", t -> new Call("POST", "schema/validate", SkyportWorld.schema("skyport"),
                "application/yaml"));
        ENDPOINTS.put("scopes POST root", t -> Call.json("POST", "scopes", "{\"type\":\"account\",\"name\":\"Intruder\"}"));
        ENDPOINTS.put("scopes POST child", t -> Call.json("POST", "scopes",
                "{\"type\":\"workspace\",\"name\":\"Intruder\",\"parentId\":\"" + t.world.acme + "\"}"));
        ENDPOINTS.put("scopes GET", t -> Call.get("scopes"));
        ENDPOINTS.put("scopes GET children", t -> Call.get("scopes?parentId=" + t.world.acme));
        ENDPOINTS.put("scope GET", t -> Call.get(t.ws1()));
        ENDPOINTS.put("scope PATCH", t -> Call.json("PATCH", t.ws1(), "{\"name\":\"Hijacked\"}"));
        ENDPOINTS.put("members GET", t -> Call.get(t.ws1() + "/members"));
        ENDPOINTS.put("role PUT", t -> new Call("PUT", t.world.roles(t.world.ws1, "zed", "owner") + "?transfer=true",
                null, null));
        ENDPOINTS.put("role DELETE", t -> new Call("DELETE", t.world.roles(t.world.ws1, "carol", "owner"), null, null));
        ENDPOINTS.put("options PUT", t -> Call.json("PUT", t.member("dave") + "/options", "{\"options\":[]}"));
        ENDPOINTS.put("member DELETE", t -> new Call("DELETE", t.member("dave"), null, null));
        ENDPOINTS.put("access GET", t -> Call.get(t.member("dave") + "/access"));
        ENDPOINTS.put("actions GET", t -> Call.get(t.ws1() + "/actions"));
        ENDPOINTS.put("roles GET", t -> Call.get(t.ws1() + "/roles"));
        ENDPOINTS.put("invitations POST", t -> Call.json("POST", t.ws1() + "/invitations",
                "{\"email\":\"intruder@example.test\",\"roles\":[\"admin\"]}"));
        ENDPOINTS.put("invitations GET", t -> Call.get(t.ws1() + "/invitations"));
        ENDPOINTS.put("invitation DELETE", t -> new Call("DELETE", t.ws1() + "/invitations/" + t.invitation, null,
                null));
        ENDPOINTS.put("me", t -> Call.get("me"));
        ENDPOINTS.put("me permissions", t -> Call.get("me/permissions?scopeId=" + t.world.ws1));
        ENDPOINTS.put("me invitations", t -> Call.get("me/invitations"));
        ENDPOINTS.put("me invitation accept", t -> new Call("POST", "me/invitations/" + t.invitation + "/accept",
                null, null));
        ENDPOINTS.put("me invitation decline", t -> new Call("POST", "me/invitations/" + t.invitation + "/decline",
                null, null));
        ENDPOINTS.put("check", t -> Call.json("POST", "check",
                "{\"scopeId\":\"" + t.world.ws1 + "\",\"permission\":\"genic:instances:connect\"}"));
        ENDPOINTS.put("check other user", t -> Call.json("POST", "check", "{\"scopeId\":\"" + t.world.ws1
                + "\",\"permission\":\"genic:instances:connect\",\"userId\":\"" + t.world.id("dave") + "\"}"));
        ENDPOINTS.put("export", t -> Call.get("export"));
        ENDPOINTS.put("import", t -> Call.json("POST", "import", "{\"arbor\":1,\"scopes\":[{\"key\":\"intruder\","
                + "\"type\":\"account\",\"name\":\"Intruder\"}],\"members\":[{\"user\":\"mallory\","
                + "\"scope\":\"intruder\",\"roles\":[\"owner\"]}]}"));
        // last: a wrong acceptance would delete ws1 under every later row
        ENDPOINTS.put("scope DELETE", t -> new Call("DELETE", t.ws1() + "?cascade=true", null, null));
    }

    private SkyportWorld world;
    private String invitation;
    private ArborApi admin;
    private final Map<String, ArborApi> callers = new LinkedHashMap<>();
    private String snapshot;
    private final List<Result> results = new ArrayList<>();

    @BeforeAll
    void buildTheWorld(TestRealms realms) {
        world = new SkyportWorld(realms);
        TestRealm realm = world.realm;
        longLivedTokens(realm);
        realm.addTenancyClaim("app");
        admin = world.as("root");
        world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);
        invitation = world.as("carol").post("scopes/" + world.ws1 + "/invitations",
                "{\"email\":\"mallory@example.test\",\"roles\":[\"genic-admin\"]}").createdId();
        TestUser gus = realm.createUser("gus");
        world.users.put("gus", gus);
        String globex = admin.post("scopes", "{\"type\":\"account\",\"name\":\"Globex\"}").createdId();
        admin.put(world.roles(globex, "gus", "owner")).expect(200);

        TestRealm elsewhere = realms.create();
        longLivedTokens(elsewhere);
        OidcClient elsewhereApp = elsewhere.createPublicClient("app");
        elsewhere.addTenancyClaim("app");
        String otherRealmToken = elsewhereApp.password(elsewhere.createRealmAdmin("outsider")).accessToken();

        OidcClient otherClient = realm.createPublicClient("other-app");
        withoutTenancyClaim(realm, "other-app");
        OidcClient robot = realm.createConfidentialClient("robot");
        realm.addTenancyClaim("robot");
        OidcClient restricted = realm.createPublicClient("restricted");
        restrictScope(realm, "restricted");
        realm.addTenancyClaim("restricted");
        String restrictedToken = restricted.password(world.users.get("root")).accessToken();
        assertThat(claims(restrictedToken).path("resource_access").has("realm-management"))
                .as("the restricted client's token carries no realm-management role").isFalse();

        callers.put("anonymous", ArborApi.withToken(realm, null));
        callers.put("malformed", ArborApi.withToken(realm, "not-a-jwt"));
        callers.put("forged", ArborApi.withToken(realm, unsigned(world.app.password(world.users.get("root"))
                .accessToken())));
        callers.put("other-realm", ArborApi.withToken(realm, otherRealmToken));
        callers.put("other-client", realm.api(otherClient, world.users.get("root")));
        callers.put("service-account", ArborApi.withToken(realm, robot.clientCredentials().accessToken()));
        callers.put("no-right", world.as("erin"));
        callers.put("sibling", world.as("gus"));
        callers.put("restricted-admin", ArborApi.withToken(realm, restrictedToken));
        callers.put("admin-anonymous", ArborApi.administration(realm, null));
        callers.put("admin-no-role", ArborApi.administration(realm, world.app.password(world.users.get("erin"))
                .accessToken()));
        callers.put("admin-elsewhere", ArborApi.administration(realm, otherRealmToken));
        snapshot = TenancySnapshot.of(admin);
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("table")
    void theCallerGetsWhatTheTableSaysAndChangesNothing(String endpoint, String caller, int expected) {
        Call call = ENDPOINTS.get(endpoint).apply(this);
        Answer answer = callers.get(caller).send(call.method(), call.path(), call.body(), call.contentType());
        String after = TenancySnapshot.of(admin);
        boolean changed = !after.equals(snapshot);
        snapshot = after; // one wrong row must not make every later row fail too
        results.add(new Result(endpoint, caller, expected, answer.status(), changed));

        assertThat(answer.status()).as("%s as %s: %s", endpoint, caller, answer.text()).isEqualTo(expected);
        assertThat(changed).as("%s as %s (HTTP %d) changed the realm's tenancy", endpoint, caller, answer.status())
                .isFalse();
        if (answer.status() >= 400) {
            // Keycloak's admin API refuses in its own error format ("error") before Arbor sees the call
            String message = caller.startsWith("admin-") && answer.json().has("error")
                    ? answer.json().path("error").asText() : answer.json().path("errorMessage").asText();
            assertThat(message).as("%s as %s", endpoint, caller).isNotBlank();
        }
    }

    /**
     * The table, one test per cell, a caller (a column) at a time from left to right, so that a caller wrongly
     * allowed a change (ws1 deleted, a role taken) spoils only its own later rows and the columns to its right.
     */
    Stream<Arguments> table() {
        List<String> lines = TABLE.lines().filter(line -> !line.isBlank()).toList();
        List<String> columns = cells(lines.get(0));
        List<Arguments> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!ENDPOINTS.containsKey(cells(line).get(0)) || cells(line).size() != columns.size()) {
                throw new IllegalStateException("a row of the table names no endpoint or misses a caller: " + line);
            }
        }
        for (int column = 1; column < columns.size(); column++) {
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = cells(line);
                rows.add(Arguments.of(cells.get(0), columns.get(column), Integer.parseInt(cells.get(column))));
            }
        }
        if (lines.size() - 1 != ENDPOINTS.size()) {
            throw new IllegalStateException("the table has " + (lines.size() - 1) + " rows for " + ENDPOINTS.size()
                    + " endpoints");
        }
        return rows.stream();
    }

    /** The table again with the statuses the server answered: "!" marks a wrong status, "*" a change. */
    @AfterAll
    void printTheTable() {
        List<String> columns = cells(TABLE.lines().findFirst().orElseThrow());
        StringBuilder table = new StringBuilder(System.lineSeparator())
                .append(String.format("%-22s", "endpoint"));
        columns.subList(1, columns.size()).forEach(caller -> table.append(String.format(" %-17s", caller)));
        long wrong = 0;
        for (String endpoint : ENDPOINTS.keySet()) {
            table.append(System.lineSeparator()).append(String.format("%-22s", endpoint));
            for (String caller : columns.subList(1, columns.size())) {
                Result result = results.stream().filter(r -> r.endpoint().equals(endpoint)
                        && r.caller().equals(caller)).findFirst().orElse(null);
                String cell = result == null ? "-" : result.actual() + (result.ok() ? ""
                        : (result.actual() != result.expected() ? "!" + result.expected() : "") + (result.changed()
                                ? "*" : ""));
                wrong += result != null && !result.ok() ? 1 : 0;
                table.append(String.format(" %-17s", cell));
            }
        }
        Log.info("AttackSuiteIT: " + results.size() + " cases, " + wrong + " wrong (a!b: answered a, table says b;"
                + " *: the tenancy changed)" + table);
    }

    private record Result(String endpoint, String caller, int expected, int actual, boolean changed) {

        boolean ok() {
            return actual == expected && !changed;
        }
    }

    /** One request of a row. */
    private record Call(String method, String path, String body, String contentType) {

        static Call get(String path) {
            return new Call("GET", path, null, null);
        }

        static Call json(String method, String path, String body) {
            return new Call(method, path, body, "application/json");
        }
    }

    private String ws1() {
        return "scopes/" + world.ws1;
    }

    private String member(String user) {
        return ws1() + "/members/" + world.id(user);
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toList();
    }

    /** The whole suite runs on the tokens of its start: they must outlive it. */
    private static void longLivedTokens(TestRealm realm) {
        var representation = realm.admin().toRepresentation();
        representation.setAccessTokenLifespan(3600);
        realm.admin().update(representation);
    }

    /** The client keeps no tenancy client scope, default or optional (new clients get it by default). */
    private static void withoutTenancyClaim(TestRealm realm, String clientId) {
        var client = realm.admin().clients().get(realm.admin().clients().findByClientId(clientId).get(0).getId());
        client.getDefaultClientScopes().stream().filter(scope -> scope.getName().equals("tenancy"))
                .forEach(scope -> client.removeDefaultClientScope(scope.getId()));
        client.getOptionalClientScopes().stream().filter(scope -> scope.getName().equals("tenancy"))
                .forEach(scope -> client.removeOptionalClientScope(scope.getId()));
        assertThat(client.getDefaultClientScopes()).noneMatch(scope -> scope.getName().equals("tenancy"));
        assertThat(client.getProtocolMappers().getMappers()).isEmpty();
    }

    /** Only the roles mapped to the client's scope reach its tokens, and it has none. */
    private static void restrictScope(TestRealm realm, String clientId) {
        var representation = realm.admin().clients().findByClientId(clientId).get(0);
        representation.setFullScopeAllowed(false);
        realm.admin().clients().get(representation.getId()).update(representation);
    }

    /** The same claims without a signature: {@code alg: none}. */
    private static String unsigned(String jwt) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + jwt.split("\\.")[1] + ".";
    }

    private static com.fasterxml.jackson.databind.JsonNode claims(String jwt) {
        return dev.arbor.testing.Json.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }
}
