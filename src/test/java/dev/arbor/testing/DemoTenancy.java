package dev.arbor.testing;

import com.fasterxml.jackson.databind.JsonNode;
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
     * Makes the realm's browser flow a copy of the built-in one with Arbor's "choose a workspace" step, through
     * Keycloak's admin API as the realm's administrator; does nothing when the realm has it already.
     */
    static void installScopePicker(URI baseUri, String realm, String token) {
        String admin = baseUri + "/admin/realms/" + realm;
        JsonNode realmRepresentation = Json.parse(call("GET", admin, null, token, 200));
        if ("arbor-browser".equals(realmRepresentation.path("browserFlow").asText())) {
            return;
        }
        call("POST", admin + "/authentication/flows/browser/copy", "{\"newName\":\"arbor-browser\"}", token, 201);
        String forms = admin + "/authentication/flows/arbor-browser%20forms/executions";
        call("POST", forms + "/execution", "{\"provider\":\"arbor-scope-picker\"}", token, 201);
        for (JsonNode execution : Json.parse(call("GET", forms, null, token, 200))) {
            if ("arbor-scope-picker".equals(execution.path("providerId").asText())) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) execution).put("requirement", "REQUIRED");
                call("PUT", forms, execution.toString(), token, 202);
            }
        }
        call("PUT", admin, "{\"browserFlow\":\"arbor-browser\"}", token, 204);
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
