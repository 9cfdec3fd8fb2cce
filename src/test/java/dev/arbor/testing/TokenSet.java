package dev.arbor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Tokens from one successful token response. Claims are decoded without verification; Keycloak verifies. */
public record TokenSet(JsonNode response) {

    public String accessToken() {
        return response.path("access_token").asText(null);
    }

    public String refreshToken() {
        return response.path("refresh_token").asText(null);
    }

    public String idToken() {
        return response.path("id_token").asText(null);
    }

    public JsonNode accessTokenClaims() {
        return claimsOf(accessToken());
    }

    public JsonNode idTokenClaims() {
        return claimsOf(idToken());
    }

    static JsonNode claimsOf(String jwt) {
        if (jwt == null) {
            throw new AssertionError("no such token in the response");
        }
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a signed JWT: " + jwt);
        }
        return Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
