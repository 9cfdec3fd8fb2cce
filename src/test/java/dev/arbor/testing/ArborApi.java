package dev.arbor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls to one realm's tenancy API as one caller (a bearer token), as an app would make them: the realm users' API
 * ({@code /realms/{realm}/tenancy}) or the one beside Keycloak's admin API ({@code /admin/realms/{realm}/tenancy}).
 */
public final class ArborApi {

    private final java.util.function.Function<String, URI> base;
    private final String accessToken;

    ArborApi(TestRealm realm, String accessToken) {
        this(path -> realm.uri("tenancy/" + path), accessToken);
    }

    private ArborApi(java.util.function.Function<String, URI> base, String accessToken) {
        this.base = base;
        this.accessToken = accessToken;
    }

    /** {@code /admin/realms/{realm}/tenancy} with a token of any realm, e.g. a master-realm administrator's. */
    public static ArborApi administration(TestRealm realm, String accessToken) {
        return new ArborApi(path -> realm.adminUri("tenancy/" + path), accessToken);
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Answer put(String path, String body, String contentType) {
        return send("PUT", path, body, contentType);
    }

    public Answer put(String path) {
        return send("PUT", path, null, null);
    }

    public Answer patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, null);
    }

    /**
     * The API with {@code accessToken} sent as it is, whatever it holds, or with no {@code Authorization} header
     * when it is null: for calls that must be refused.
     */
    public static ArborApi withToken(TestRealm realm, String accessToken) {
        return new ArborApi(realm, accessToken);
    }

    public Answer send(String method, String path, String body, String contentType) {
        return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), contentType);
    }

    /** Sends {@code body} byte for byte, e.g. text that is not valid UTF-8. */
    public Answer sendBytes(String method, String path, byte[] body, String contentType) {
        return exchange(method, path, HttpRequest.BodyPublishers.ofByteArray(body), contentType);
    }

    private Answer exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.apply(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body);
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = Http.send(Http.CLIENT, request.build());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
    }

    /** A response: status, body (JSON when there is one) and Location. */
    public record Answer(int status, String text, String location) {

        public JsonNode json() {
            return Json.parse(text);
        }

        /** The body, after checking the status; fails the test with the body otherwise. */
        public JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + text);
            }
            return json();
        }

        /** The id at the end of the Location header of a 201. */
        public String createdId() {
            expect(201);
            return URI.create(location).getPath().replaceAll(".*/", "");
        }
    }
}
