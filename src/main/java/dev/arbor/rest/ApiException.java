package dev.arbor.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.representations.idm.ErrorRepresentation;

/** An API error answered as Keycloak answers its own: a status and an {@link ErrorRepresentation} body. */
final class ApiException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private ApiException(Response response) {
        super(response);
    }

    /** 401: the caller is not known; tells the client to authenticate with a bearer token of {@code realm}. */
    static ApiException unauthorized(String realm) {
        return new ApiException(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error(null, "A valid bearer token of realm " + realm + " is required"))
                .build());
    }

    private static ErrorRepresentation error(String field, String message) {
        ErrorRepresentation error = new ErrorRepresentation();
        error.setField(field);
        error.setErrorMessage(message);
        return error;
    }
}
