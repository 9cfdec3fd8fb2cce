package dev.arbor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads a demo realm's tenancy through Arbor's own API, as its realm administrator ({@code admin}/{@code admin}):
 * {@code realm-export/schemas/<seed>.yaml} with PUT /schema, then {@code realm-export/tenancy/<seed>.yaml} with
 * POST /import. Both are idempotent, so the demo does it at every start.
 */
public final class DemoTenancy {

    public static final String CLIENT = "arbor-demo-cli";
    public static final String ADMIN = "admin";

    private DemoTenancy() {
    }

    /**
     * @return the import's answer, or empty when the seed has no schema or tenancy file
     * @throws IllegalStateException when Keycloak or Arbor refuses
     */
    public static Optional<JsonNode> apply(URI baseUri, String realm, Path exportDir, String seed) {
        Path schema = exportDir.resolve("schemas").resolve(seed + ".yaml");
        Path tenancy = exportDir.resolve("tenancy").resolve(seed + ".yaml");
        if (!Files.isRegularFile(schema) || !Files.isRegularFile(tenancy)) {
            return Optional.empty();
        }
        String token = adminToken(baseUri, realm);
        send(baseUri, realm, "PUT", "schema", read(schema), token);
        JsonNode imported = Json.parse(send(baseUri, realm, "POST", "import", read(tenancy), token));
        installScopePicker(baseUri, realm, token);
        return Optional.of(imported);
    }

    /**
     * Makes the realm's browser flow {@code arbor-browser}: Keycloak's usual sign-in (SSO cookie, identity-provider
     * redirect, or username and password with conditional OTP) as one required step, then Arbor's "choose a
     * workspace" step, so it runs after a password and after SSO alike. Built through Keycloak's admin API with
     * {@code token} (a realm or master administrator's); does nothing when the realm uses it already.
     */
    public static void installScopePicker(URI baseUri, String realm, String token) {
        String admin = baseUri + "/admin/realms/" + realm;
        JsonNode realmRepresentation = Json.parse(call("GET", admin, null, token, 200));
        if ("arbor-browser".equals(realmRepresentation.path("browserFlow").asText())) {
            return;
        }
        call("POST", admin + "/authentication/flows", "{\"alias\":\"arbor-browser\",\"providerId\":\"basic-flow\","
                + "\"topLevel\":true,\"builtIn\":false,\"description\":\"Sign in, then choose a tenancy scope\"}",
                token, 201);
        Flows flows = new Flows(admin + "/authentication/flows/", token);
        flows.subflow("arbor-browser", "arbor-browser sign-in", "REQUIRED");
        flows.execution("arbor-browser sign-in", "auth-cookie", "ALTERNATIVE");
        flows.execution("arbor-browser sign-in", "identity-provider-redirector", "ALTERNATIVE");
        flows.subflow("arbor-browser sign-in", "arbor-browser forms", "ALTERNATIVE");
        flows.execution("arbor-browser forms", "auth-username-password-form", "REQUIRED");
        flows.subflow("arbor-browser forms", "arbor-browser otp", "CONDITIONAL");
        flows.execution("arbor-browser otp", "conditional-user-configured", "REQUIRED");
        flows.execution("arbor-browser otp", "auth-otp-form", "REQUIRED");
        flows.execution("arbor-browser", "arbor-scope-picker", "REQUIRED");
        call("PUT", admin, "{\"browserFlow\":\"arbor-browser\"}", token, 204);
    }

    /** Adds executions and subflows to a flow and sets their requirement, as the admin console does. */
    private record Flows(String base, String token) {

        void execution(String flow, String provider, String requirement) {
            call("POST", executions(flow) + "/execution", "{\"provider\":\"" + provider + "\"}", token, 201);
            require(flow, "providerId", provider, requirement);
        }

        void subflow(String flow, String alias, String requirement) {
            call("POST", executions(flow) + "/flow", "{\"alias\":\"" + alias + "\",\"type\":\"basic-flow\","
                    + "\"provider\":\"registration-page-form\",\"description\":\"\"}", token, 201);
            require(flow, "displayName", alias, requirement);
        }

        private void require(String flow, String field, String value, String requirement) {
            for (JsonNode execution : Json.parse(call("GET", executions(flow), null, token, 200))) {
                if (value.equals(execution.path(field).asText()) && execution.path("level").asInt() == 0) {
                    ((ObjectNode) execution).put("requirement", requirement);
                    call("PUT", executions(flow), execution.toString(), token, 202);
                    return;
                }
            }
            throw new IllegalStateException("no " + value + " in flow " + flow);
        }

        private String executions(String flow) {
            return base + URLEncoder.encode(flow, StandardCharsets.UTF_8).replace("+", "%20") + "/executions";
        }
    }

    private static String call(String method, String uri, String json, String token, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = Http.send(Http.CLIENT, request.build());
        if (response.statusCode() != expected && !(response.statusCode() / 100 == 2 && expected / 100 == 2)) {
            throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String adminToken(URI baseUri, String realm) {
        String form = "grant_type=password&client_id=" + CLIENT + "&username=" + ADMIN + "&password=" + ADMIN;
        HttpResponse<String> response = Http.send(Http.CLIENT, HttpRequest.newBuilder(
                        URI.create(baseUri + "/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8)
                                + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("cannot log in as " + ADMIN + " to realm " + realm + ": " + response.body());
        }
        return Json.parse(response.body()).path("access_token").asText();
    }

    private static String send(URI baseUri, String realm, String method, String path, String yaml, String token) {
        HttpResponse<String> response = Http.send(Http.CLIENT, HttpRequest.newBuilder(
                        URI.create(baseUri + "/realms/" + realm + "/tenancy/" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/yaml")
                .method(method, HttpRequest.BodyPublishers.ofString(yaml))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " in realm " + realm + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
