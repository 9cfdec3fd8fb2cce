package dev.arbor.rest;

import dev.arbor.store.TenancyClients;
import jakarta.ws.rs.NotAuthorizedException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Who is calling: the holder of a valid bearer token issued by the realm in the URL to a client that uses tenancy
 * (it carries Arbor's mapper, itself or in a client scope). A token some other client of the realm was given, say
 * one that a resource server received, does not drive the API, as Keycloak's account API wants tokens meant for it.
 */
final class Caller {

    private Caller() {
    }

    /**
     * Verifies the request's bearer token against the URL's realm (signature, expiry, active session); a token of
     * another realm fails here, and so does one issued to a client that does not use tenancy.
     *
     * @return never null
     * @throws ApiException 401 when there is no valid token of this realm, 403 when its client does not use tenancy
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
        if (!TenancyClients.mayCallApi(result.client())) {
            String client = result.client() == null ? "(unknown)" : result.client().getClientId();
            throw ApiException.forbidden("Tokens of client " + client + " may not call the tenancy API: they do not"
                    + " carry Arbor's tenancy mapper (give the client the tenancy client scope)");
        }
        return result;
    }
}
