package dev.arbor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The anchor of the comparison, in the same run on the same server: Keycloak's own organizations. A realm of its
 * own with organizations on, a user who is a member of as many organizations as Arbor's heavy user holds
 * memberships, and a user in none. Its refreshes, acting in one organization ({@code organization:<alias>}, as an
 * Arbor token acts in one scope), are compared with the refreshes of the user in none, and Arbor's heavy user is
 * compared the same way with a user of the benchmark's realm who holds nothing: two ratios that mean the same.
 */
final class OrganizationsAnchor {

    static final String REALM = "kc-organizations-bench";
    static final String CLIENT = "orgs-app";
    static final String MEMBER = "member-of-many";
    static final String NOBODY = "nobody";

    /** Organizations made in parallel per batch, so the batch rates show whether making them slows down. */
    private static final int BATCH = 20;

    private final BenchRealm realm;
    private final Supplier<String> masterToken;

    OrganizationsAnchor(URI base, Supplier<String> masterToken) {
        this.realm = new BenchRealm(base, REALM, masterToken);
        this.masterToken = masterToken;
    }

    /** The realm, its client with the {@code organization} scope as an optional scope, both users, the memberships. */
    DatasetLoader.Step create(int organizations) {
        String realmJson = """
                {"realm": "%s", "enabled": true, "organizationsEnabled": true, "accessTokenLifespan": 7200,
                 "ssoSessionIdleTimeout": 36000, "ssoSessionMaxLifespan": 36000,
                 "clients": [{"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true,
                              "standardFlowEnabled": false}],
                 "users": [%s, %s]}
                """.formatted(REALM, CLIENT, BenchRealm.user(MEMBER, true), BenchRealm.user(NOBODY, true));
        admin("POST", "", realmJson, 201);
        String clientId = Json.parse(admin("GET", "/" + REALM + "/clients?clientId=" + CLIENT, null, 200)).get(0)
                .path("id").asText();
        String scopeId = null;
        for (JsonNode scope : Json.parse(admin("GET", "/" + REALM + "/client-scopes", null, 200))) {
            if (scope.path("name").asText().equals("organization")) {
                scopeId = scope.path("id").asText();
            }
        }
        if (scopeId == null) {
            throw new IllegalStateException("Keycloak made no 'organization' client scope in " + REALM);
        }
        admin("PUT", "/" + REALM + "/clients/" + clientId + "/optional-client-scopes/" + scopeId, null, 204);
        String memberId = realm.userId(MEMBER);

        long started = System.nanoTime();
        List<Double> batchRates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int first = 0; first < organizations; first += BATCH) {
                long batchStarted = System.nanoTime();
                List<Future<?>> made = new ArrayList<>();
                for (int i = first; i < Math.min(first + BATCH, organizations); i++) {
                    String alias = alias(i);
                    made.add(pool.submit(() -> makeOrganization(alias, memberId)));
                }
                for (Future<?> future : made) {
                    future.get();
                }
                batchRates.add(made.size() / ((System.nanoTime() - batchStarted) / 1e9));
                if ((first / BATCH) % 10 == 9) {
                    System.out.printf("[organizations] %,d of %,d%n", first + made.size(), organizations);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("making the organizations failed", e);
        } finally {
            pool.shutdownNow();
        }
        DatasetLoader.Step step = new DatasetLoader.Step("Keycloak organizations (one member each)", organizations,
                (System.nanoTime() - started) / 1e9, List.copyOf(batchRates));
        System.out.printf("[organizations] %,d in %.0f s%n", organizations, step.seconds());
        return step;
    }

    private Void makeOrganization(String alias, String memberId) {
        String organization = """
                {"name": "%s", "alias": "%s", "enabled": true, "domains": [{"name": "%s.bench.test"}]}
                """.formatted(alias, alias, alias);
        String location = response("POST", "/" + REALM + "/organizations", organization, 201).headers()
                .firstValue("Location").orElseThrow();
        admin("POST", "/" + REALM + "/organizations/" + location.substring(location.lastIndexOf('/') + 1)
                + "/members", "\"" + memberId + "\"", 201);
        return null;
    }

    /** Refreshes of the user in no organization against refreshes of the member of many, acting in one. */
    LoadComparison.Result compare(LoadComparison load, int organizations) {
        JsonNode nobody = signIn(NOBODY, "openid");
        JsonNode member = signIn(MEMBER, "openid organization:" + alias(organizations / 2));
        JsonNode claim = BenchRealm.claims(member.path("access_token").asText()).path("organization");
        if (claim.isMissingNode() || !claim.toString().contains(alias(organizations / 2))) {
            throw new IllegalStateException("the member's token lacks its organization: " + claim);
        }
        return load.run("Keycloak organizations: refresh grant, user in " + organizations + " organizations acting in"
                        + " one vs user in none",
                "user in no organization", ScaleBenchmark.refresh(realm, CLIENT, nobody),
                "user in " + organizations + " organizations", ScaleBenchmark.refresh(realm, CLIENT, member));
    }

    void remove() {
        admin("DELETE", "/" + REALM, null, 204);
    }

    static String alias(int index) {
        return String.format("org%05d", index);
    }

    private JsonNode signIn(String username, String scope) {
        String form = "grant_type=password&client_id=" + CLIENT + "&username=" + username + "&password="
                + BenchRealm.PASSWORD + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        HttpResponse<String> answer = realm.send("POST", realm.tokenEndpoint().toString(), form, null,
                "application/x-www-form-urlencoded");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(username + " could not sign in: " + answer.body());
        }
        return Json.parse(answer.body());
    }

    private String admin(String method, String path, String body, int expected) {
        return response(method, path, body, expected).body();
    }

    private HttpResponse<String> response(String method, String path, String body, int expected) {
        return BenchRealm.expect(realm.send(method, realm.base + "/admin/realms" + path, body, masterToken.get(),
                "application/json"), expected);
    }
}
