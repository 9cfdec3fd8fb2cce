package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.rest.FuzzBodies.Body;
import dev.arbor.rest.FuzzBodies.Expect;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborApi.Answer;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Json;
import dev.arbor.testing.Log;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request body the API takes, fuzzed from a valid one (see {@link FuzzBodies} for the kinds: wrong types,
 * nulls, missing and extra fields, huge strings, deep nesting, unicode, invalid UTF-8, duplicate keys, malformed
 * text, empty bodies, YAML anchors and tags) and sent alternately by the realm admin and by a member (alice, owner
 * of acme). Never a 5xx; every error is Keycloak's {@code ErrorRepresentation} with an {@code errorMessage}; after
 * every 4xx the realm's tenancy is unchanged; and the target rules: duplicate keys 400, a null attribute value or a
 * null in a list 400, a body over 1,000,000 bytes 413.
 *
 * <p>{@code -Darbor.fuzz.seed=N} replays a run (the seed is printed), {@code -Darbor.fuzz.cases=N} sets the number
 * of bodies per endpoint.
 */
@ArborIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyFuzzIT {

    private static final long SEED = Long.getLong("arbor.fuzz.seed", 13L);
    private static final int CASES = Integer.getInteger("arbor.fuzz.cases", 48);
    private static final int REPORTED = 15;

    /** An endpoint that takes a body: where it goes, as what, from which valid body, and whether only admins may. */
    private record Endpoint(String method, Function<BodyFuzzIT, String> path, boolean yaml, boolean adminOnly,
            Function<BodyFuzzIT, String> validBody) {
    }

    private static final Map<String, Endpoint> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("schema PUT json", new Endpoint("PUT", t -> "schema", false, true, t -> t.schemaJson));
        ENDPOINTS.put("schema PUT yaml", new Endpoint("PUT", t -> "schema", true, true,
                t -> SkyportWorld.schema("skyport")));
        ENDPOINTS.put("schema validate json", new Endpoint("POST", t -> "schema/validate", false, true,
                t -> t.schemaJson));
        ENDPOINTS.put("schema validate yaml", new Endpoint("POST", t -> "schema/validate", true, true,
                t -> SkyportWorld.schema("skyport")));
        ENDPOINTS.put("scopes POST", new Endpoint("POST", t -> "scopes", false, false,
                t -> "{\"type\":\"workspace\",\"name\":\"Fuzz\",\"parentId\":\"" + t.world.acme
                        + "\",\"key\":\"fuzz-key\",\"attributes\":{}}"));
        ENDPOINTS.put("scope PATCH", new Endpoint("PATCH", t -> "scopes/" + t.world.acme, false, false,
                t -> "{\"name\":\"Acme\",\"attributes\":{\"firstPurchaseDone\":false}}"));
        ENDPOINTS.put("options PUT", new Endpoint("PUT", t -> "scopes/" + t.world.ws2 + "/members/"
                + t.world.id("bob") + "/options", false, false, t -> "{\"options\":[]}"));
        ENDPOINTS.put("invitations POST", new Endpoint("POST", t -> "scopes/" + t.world.ws2 + "/invitations", false,
                false, t -> "{\"email\":\"fuzz@example.test\",\"roles\":[\"genic-admin\",\"admin\"],"
                        + "\"expiresIn\":3600}"));
        ENDPOINTS.put("check", new Endpoint("POST", t -> "check", false, false,
                t -> "{\"scopeId\":\"" + t.world.ws1 + "\",\"permission\":\"genic:instances:connect\",\"userId\":\""
                        + t.world.id("dave") + "\",\"resourceOwner\":false}"));
        ENDPOINTS.put("import json", new Endpoint("POST", t -> "import", false, true, t -> BodyFuzzIT.IMPORT));
        ENDPOINTS.put("import yaml", new Endpoint("POST", t -> "import", true, true, t -> BodyFuzzIT.IMPORT_YAML));
    }

    private static final String IMPORT = "{\"arbor\":1,\"scopes\":[{\"key\":\"fz\",\"type\":\"account\",\"name\":\"Fz\","
            + "\"attributes\":{\"firstPurchaseDone\":false},\"children\":[{\"key\":\"fz-w\",\"type\":\"workspace\","
            + "\"name\":\"W\",\"attributes\":{}}]}],\"members\":[{\"user\":\"zed\",\"scope\":\"fz\",\"roles\":[\"owner\"],"
            + "\"options\":[]},{\"user\":\"erin\",\"scope\":\"fz-w\",\"roles\":[\"admin\",\"genic-admin\"]}]}";
    private static final String IMPORT_YAML = """
            arbor: 1
            scopes:
              - key: fz
                type: account
                name: Fz
                attributes: {firstPurchaseDone: false}
                children:
                  - {key: fz-w, type: workspace, name: W}
            members:
              - {user: zed, scope: fz, roles: [owner], options: []}
              - user: erin
                scope: fz-w
                roles: [admin, genic-admin]
            """;

    private SkyportWorld world;
    private String schemaJson;
    private ArborApi admin;
    private ArborApi member;
    private Set<String> worldScopes;
    private String snapshot;
    private final Map<String, String> tried = new LinkedHashMap<>();

    @BeforeAll
    void buildTheWorld(TestRealms realms) {
        world = new SkyportWorld(realms);
        var representation = world.realm.admin().toRepresentation();
        representation.setAccessTokenLifespan(3600);
        world.realm.admin().update(representation);
        world.realm.addTenancyClaim("app");
        admin = world.as("root");
        member = world.as("alice");
        schemaJson = admin.get("schema").expect(200).path("document").toString();
        world.as("alice").put(world.roles(world.ws2, "bob", "owner")).expect(200);
        snapshot = TenancySnapshot.of(admin);
        worldScopes = new HashSet<>(TenancySnapshot.scopeIds(admin));
        Log.info("BodyFuzzIT: seed " + SEED + " (-Darbor.fuzz.seed), " + CASES + " bodies per endpoint"
                + " (-Darbor.fuzz.cases)");
    }

    Stream<String> endpoints() {
        return ENDPOINTS.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void noBodyBreaksTheServerOrChangesAnythingWhenRefused(String name) {
        Endpoint endpoint = ENDPOINTS.get(name);
        FuzzBodies bodies = new FuzzBodies(endpoint.validBody().apply(this), endpoint.yaml(),
                new Random(SEED ^ name.hashCode()));
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int index = 0; index < CASES; index++) {
            Body body = bodies.next(index);
            // alternate senders, and swap them every round of kinds, so that each kind reaches both
            boolean byAdmin = (index + index / FuzzBodies.KINDS.size()) % 2 == 0;
            Answer answer = (byAdmin ? admin : member).sendBytes(endpoint.method(), endpoint.path().apply(this),
                    body.bytes(), endpoint.yaml() ? "application/yaml" : "application/json");
            statuses.merge(answer.status(), 1, Integer::sum);
            String problem = problem(name, endpoint, body, byAdmin, answer);
            if (problem != null) {
                problems.add("case " + index + " (" + body.kind() + ", by " + (byAdmin ? "the realm admin" : "alice")
                        + "): HTTP " + answer.status() + " " + excerpt(answer.text()) + " - " + problem + "; sent "
                        + body.excerpt());
            }
        }
        tried.put(name, CASES + " cases, statuses " + statuses + ", " + problems.size() + " wrong");
        assertThat(problems.subList(0, Math.min(REPORTED, problems.size()))).as("%s, seed %d: %d of %d bodies answered wrongly; the first ones", name, SEED,
                problems.size(), CASES).isEmpty();
    }

    /** What is wrong with the answer to one body, or null; keeps {@link #snapshot} up to date. */
    private String problem(String name, Endpoint endpoint, Body body, boolean byAdmin, Answer answer) {
        int status = answer.status();
        boolean changed = false;
        if (status / 100 == 2) {
            removeWhatTheFuzzCreated(); // an accepted body may change things: the next baseline is after it
            snapshot = TenancySnapshot.of(admin);
        } else {
            String after = TenancySnapshot.of(admin);
            changed = !after.equals(snapshot);
            snapshot = after;
        }
        if (status >= 500) {
            return "a server error";
        }
        if (status >= 400) {
            JsonNode error;
            try {
                error = Json.parse(answer.text());
            } catch (AssertionError notJson) {
                return "an error body that is not JSON";
            }
            if (error.path("errorMessage").asText().isBlank()) {
                return "an error without errorMessage";
            }
            if (changed) {
                return "refused, but the realm's tenancy changed";
            }
        }
        Set<Integer> allowed = switch (body.expect()) {
            case ANY -> null;
            case MALFORMED -> Set.of(400);
            case REFUSED_VALUE -> Set.of(400);
            case TOO_LARGE -> Set.of(413);
        };
        if (allowed == null) {
            return null;
        }
        if (!byAdmin && endpoint.adminOnly()) {
            allowed = body.expect() == Expect.TOO_LARGE ? Set.of(403, 413) : Set.of(403);
        } else if (!byAdmin) {
            allowed = new HashSet<>(allowed);
            allowed.add(403); // a member may be refused the action before the body is read
        }
        boolean invalidSchema = name.startsWith("schema validate") && body.expect() == Expect.REFUSED_VALUE
                && status == 200 && !Json.parse(answer.text()).path("valid").asBoolean(true);
        return allowed.contains(status) || invalidSchema ? null : "expected HTTP " + allowed + " for " + body.kind();
    }

    /** Deletes the scopes a successful body created, so that the tree (and each snapshot) stays small. */
    private void removeWhatTheFuzzCreated() {
        for (String id : TenancySnapshot.scopeIds(admin)) {
            if (!worldScopes.contains(id)) {
                int status = admin.delete("scopes/" + TenancySnapshot.encode(id) + "?cascade=true").status();
                assertThat(status).as("removing fuzz scope %s", id).isIn(204, 404);
            }
        }
    }

    @AfterAll
    void printTheCounts() {
        StringBuilder counts = new StringBuilder();
        tried.forEach((name, line) -> counts.append(System.lineSeparator())
                .append(String.format("  %-22s %s", name, line)));
        int total = tried.size() * CASES;
        Log.info("BodyFuzzIT: seed " + SEED + ", " + total + " bodies in all:" + counts);
    }

    private static String excerpt(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
