package dev.arbor.rest;

import dev.arbor.core.Decision;
import dev.arbor.service.TenancyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * An API error answered as Keycloak answers its own: a status and an {@link ErrorRepresentation} body naming the
 * field when one is at fault. The only place that turns Arbor's answers into HTTP statuses, and the one rule that
 * an error answer changes nothing: making one marks the request's transaction rollback-only.
 */
final class ApiException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private ApiException(Response response) {
        super(response);
        rollBackTheRequest();
    }

    /**
     * RESTEasy answers an exception that carries its response without passing Keycloak's error handler, which is
     * what rolls a failed request back; without this the session would commit whatever the request wrote before it
     * was refused.
     */
    private static void rollBackTheRequest() {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (session != null && session.getTransactionManager().isActive()) {
            session.getTransactionManager().setRollbackOnly();
        }
    }

    /** 401: the caller is not known; tells the client to authenticate with a bearer token of {@code realm}. */
    static ApiException unauthorized(String realm) {
        return new ApiException(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error(null, "A valid bearer token of realm " + realm + " is required", null))
                .build());
    }

    static ApiException badRequest(String field, String message) {
        return status(Response.Status.BAD_REQUEST, error(field, message, null));
    }

    /** 400 with one entry per problem, each naming its field (a path in the document). */
    static ApiException badRequest(String message, List<ErrorRepresentation> problems) {
        ErrorRepresentation error = error(null, message, null);
        error.setErrors(problems);
        return status(Response.Status.BAD_REQUEST, error);
    }

    static ApiException forbidden(String message) {
        return status(Response.Status.FORBIDDEN, error(null, message, null));
    }

    static ApiException notFound(String message) {
        return status(Response.Status.NOT_FOUND, error(null, message, null));
    }

    static ApiException conflict(String message, List<String> details) {
        return status(Response.Status.CONFLICT, error(null, message, details));
    }

    static ApiException tooLarge(int limit) {
        return status(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                error(null, "The request body is larger than " + limit + " bytes", null));
    }

    /**
     * The status a denial maps to: 403 for what the rules forbid, 409 for what the user holds already (holders per
     * role, an exclusive role, scopes per user), 400 for options that are not allowed, 404 for what does not exist.
     * The explanation travels in {@code params}.
     */
    static ApiException denied(Decision decision, String field) {
        List<String> why = decision.explanation();
        String last = why.isEmpty() ? decision.reason().name() : why.get(why.size() - 1);
        return switch (decision.reason()) {
            case TOO_MANY_HOLDERS, TOO_FEW_HOLDERS, EXCLUSIVE_ROLE_HELD, TOO_MANY_SCOPES -> conflict(last, why);
            case OPTION_NOT_ALLOWED, NO_COMMON_ANCESTOR -> status(Response.Status.BAD_REQUEST, error(field, last, why));
            case UNKNOWN -> status(Response.Status.NOT_FOUND, error(field, last, why));
            default -> status(Response.Status.FORBIDDEN, error(null, "Not allowed: " + last, why));
        };
    }

    /**
     * The answer to a refusal of the tenancy service, the one place its kinds become statuses: INVALID 400,
     * FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409, DENIED as {@link #denied}.
     */
    static ApiException of(TenancyException e) {
        return switch (e.kind()) {
            case INVALID -> e.problems().isEmpty() ? badRequest(e.field(), e.getMessage())
                    : badRequest(e.getMessage(), e.problems().stream()
                            .map(problem -> error(problem.field(), problem.message(), null)).toList());
            case FORBIDDEN -> refused(Response.Status.FORBIDDEN, e.field(), e.getMessage());
            case NOT_FOUND -> refused(Response.Status.NOT_FOUND, e.field(), e.getMessage());
            case CONFLICT -> status(Response.Status.CONFLICT, error(e.field(), e.getMessage(), e.details()));
            case DENIED -> denied(e.decision(), e.field());
        };
    }

    private static ApiException status(Response.Status status, ErrorRepresentation error) {
        return new ApiException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build());
    }

    private static ErrorRepresentation error(String field, String message, List<String> params) {
        ErrorRepresentation error = new ErrorRepresentation();
        error.setField(field);
        error.setErrorMessage(message);
        if (params != null) {
            error.setParams(params.toArray());
        }
        return error;
    }

    /** A refusal with any status, naming the field at fault (e.g. 403 for {@code key}, 409 for {@code email}). */
    static ApiException refused(Response.Status status, String field, String message) {
        return status(status, error(field, message, null));
    }
}
