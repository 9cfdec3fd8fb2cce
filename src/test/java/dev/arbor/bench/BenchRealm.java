package dev.arbor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.testing.Json;
import dev.arbor.testing.RealmSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The benchmark's realm and how to talk to it: two public clients that differ only in the {@code tenancy} client
 * scope ({@value #PLAIN} without it, {@value #ARBOR} with it), Arbor's fail-closed executor for every client (as
 * the README advises), a realm administrator {@value #ADMIN}, tokens that last for the whole run.
 */
final class BenchRealm {

    static final String PLAIN = "bench-plain";
    static final String ARBOR = "bench-arbor";
    static final String ADMIN = "admin";
    static final String PASSWORD = "bench-password";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final URI base;
    final String name;
    final HttpClient http;
    private final Supplier<String> masterToken;
    private String adminToken;
    private long adminTokenAt;

    BenchRealm(URI base, String name, Supplier<String> masterToken) {
        this.base = base;
        this.name = name;
        this.masterToken = masterToken;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Creates the realm with its clients, client policy and administrator; adds the claim to {@value #ARBOR}. */
    void create() {
        String client = """
                {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true,
                 "standardFlowEnabled": false}""";
        String realm = """
                {"realm": "%s", "enabled": true, "accessTokenLifespan": 7200, "ssoSessionIdleTimeout": 36000,
                 "ssoSessionMaxLifespan": 36000,
                 "clients": [%s, %s],
                 "users": [{"username": "%s", "enabled": true, "email": "admin@bench.test", "emailVerified": true,
                            "firstName": "Realm", "lastName": "Admin",
                            "credentials": [{"type": "password", "value": "%s", "temporary": false}],
                            "clientRoles": {"realm-management": ["realm-admin"]}}],
                 "clientProfiles": {"profiles": [{"name": "arbor",
                    "executors": [{"executor": "arbor-tenancy-scope", "configuration": {}}]}]},
                 "clientPolicies": {"policies": [{"name": "arbor", "enabled": true, "profiles": ["arbor"],
                    "conditions": [{"condition": "any-client", "configuration": {}}]}]}}
                """.formatted(name, client.formatted(PLAIN), client.formatted(ARBOR), ADMIN, PASSWORD);
        expect(send("POST", base + "/admin/realms", realm, masterToken.get(), "application/json"), 201);
        new RealmSetup(base, name, masterToken.get()).addTenancyClaim(ARBOR);
    }

    /** Keycloak's partial import: users as they are, skipped when they exist (so a retried batch is harmless). */
    void importUsers(String usersJson) {
        expect(send("POST", base + "/admin/realms/" + name + "/partialImport",
                "{\"ifResourceExists\": \"SKIP\", \"users\": " + usersJson + "}", masterToken.get(),
                "application/json"), 200);
    }

    static String user(String username, boolean withPassword) {
        String credentials = withPassword ? ", \"credentials\": [{\"type\": \"password\", \"value\": \"" + PASSWORD
                + "\", \"temporary\": false}]" : "";
        return "{\"username\": \"" + username + "\", \"enabled\": true, \"email\": \"" + username
                + "@bench.test\", \"emailVerified\": true, \"firstName\": \"User\", \"lastName\": \"" + username
                + "\"" + credentials + "}";
    }

    /** A call to the tenancy API as the realm administrator; the answer's body when it is {@code expected}. */
    String tenancy(String method, String path, String body, int expected) {
        return expect(sendTenancy(method, path, body), expected).body();
    }

    /** The same call, its answer whatever the status (for a load that counts its own errors). */
    HttpResponse<String> sendTenancy(String method, String path, String body) {
        return send(method, base + "/realms/" + name + "/tenancy/" + path, body, adminToken(), "application/json");
    }

    /** The id Keycloak gave the user {@code username}. */
    String userId(String username) {
        JsonNode found = Json.parse(expect(send("GET", base + "/admin/realms/" + name + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null, masterToken.get(), null), 200).body());
        if (found.isEmpty()) {
            throw new IllegalStateException("no user " + username);
        }
        return found.get(0).path("id").asText();
    }

    /** A password grant of {@code username} through {@code client}, naming the scope to act in. */
    JsonNode signIn(String client, String username, String scopeKey) {
        String form = "grant_type=password&scope=openid&client_id=" + client + "&username=" + username
                + "&password=" + PASSWORD
                + (scopeKey == null ? "" : "&tenancy_scope=" + URLEncoder.encode(scopeKey, StandardCharsets.UTF_8));
        return Json.parse(expect(send("POST", tokenEndpoint().toString(), form, null,
                "application/x-www-form-urlencoded"), 200).body());
    }

    URI tokenEndpoint() {
        return URI.create(base + "/realms/" + name + "/protocol/openid-connect/token");
    }

    /** The claims of a JWT, unverified (the benchmark only checks what a token carries). */
    static JsonNode claims(String jwt) {
        return Json.parse(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }

    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > Duration.ofMinutes(30).toNanos()) {
            adminToken = signIn(ARBOR, ADMIN, null).path("access_token").asText(); // the API takes only its tokens
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    HttpResponse<String> send(String method, String uri, String body, String token, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofMinutes(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            String body = response.body();
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
        }
        return response;
    }
}
