package dev.arbor.rest;

import jakarta.ws.rs.NotAuthorizedException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/** Who is calling: the holder of a valid bearer token issued by the realm in the URL. */
final class Caller {

    private Caller() {
    }

    /**
     * Verifies the request's bearer token against the URL's realm (signature, expiry, active session); a token of
     * another realm fails here.
     *
     * @return never null
     * @throws ApiException 401 when there is no valid token of this realm
     */
    static AuthResult authenticate(KeycloakSession session) {
        AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (NotAuthorizedException e) {
            // thrown for a malformed Authorization header
            result = null;
        }
        if (result == null) {
            throw ApiException.unauthorized(session.getContext().getRealm().getName());
        }
        return result;
    }
}
