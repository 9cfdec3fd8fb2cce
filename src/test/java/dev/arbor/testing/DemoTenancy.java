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
 * POST /import; then sets up the realm's tokens and login for it ({@link RealmSetup}). All of it is idempotent,
 * so the demo does it at every start.
 */
public final class DemoTenancy {

    public static final String CLIENT = "arbor-demo-cli";
    public static final String ADMIN = "admin";
    /** The tenant admin web app's client in every demo realm. */
    static final String TENANT_ADMIN_APP = "arbor-tenancy-ui";

    private DemoTenancy() {
    }

    /**
     * @param keycloakAdminToken a token for Keycloak's admin API (the master realm's administrator), for the
     *     client scope and the login flow; the tenancy itself is loaded as the realm's own administrator
     * @return the import's answer, or empty when the seed has no schema or tenancy file
     * @throws IllegalStateException when Keycloak or Arbor refuses
     */
    public static Optional<JsonNode> apply(URI baseUri, String realm, Path exportDir, String seed,
            String keycloakAdminToken) {
        Path schema = exportDir.resolve("schemas").resolve(seed + ".yaml");
        Path tenancy = exportDir.resolve("tenancy").resolve(seed + ".yaml");
        if (!Files.isRegularFile(schema) || !Files.isRegularFile(tenancy)) {
            return Optional.empty();
        }
        RealmSetup setup = new RealmSetup(baseUri, realm, keycloakAdminToken);
        setup.addTenancyClaim(CLIENT); // before signing in: only clients that use tenancy may call its API
        setup.allowTenancyApi(TENANT_ADMIN_APP);
        setup.installScopePicker();
        String token = adminToken(baseUri, realm);
        send(baseUri, realm, "PUT", "schema", read(schema), token);
        JsonNode imported = Json.parse(send(baseUri, realm, "POST", "import", read(tenancy), token));
        return Optional.of(imported);
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
