package dev.arbor.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.keycloak.representations.idm.ErrorRepresentation;

/**
 * The body of an error answer. As with Keycloak's own client, a call that the server answers with an error throws
 * a {@link WebApplicationException}: a {@code BadRequestException} (400), {@code NotAuthorizedException} (401),
 * {@code ForbiddenException} (403), {@code NotFoundException} (404) or a {@code ClientErrorException} with the
 * status (409, 413). Arbor's body is Keycloak's {@link ErrorRepresentation}: {@code field} names what is wrong (a
 * JSON path for schemas and documents), {@code errorMessage} says why, {@code params} carries the explanation of
 * a denial.
 *
 * <pre>{@code
 * try {
 *     tenancy.scope(id).member(userId).role("owner").grant();
 * } catch (ClientErrorException e) {
 *     ErrorRepresentation error = ArborErrors.of(e); // e.getResponse().getStatus() == 409, error.getField() ...
 * }
 * }</pre>
 */
public final class ArborErrors {

    private ArborErrors() {
    }

    /**
     * The error answer carried by {@code e}; never null. An answer that is not an error representation (a proxy's
     * or gateway's page, Keycloak's own 401 before Arbor is reached) gives one whose {@code errorMessage} is the
     * HTTP reason phrase and whose {@code field} is null. May be called more than once: the client keeps the body.
     */
    public static ErrorRepresentation of(WebApplicationException e) {
        Response response = Objects.requireNonNull(e, "e").getResponse();
        try {
            ErrorRepresentation error = response.hasEntity() ? response.readEntity(ErrorRepresentation.class) : null;
            if (error != null && (error.getErrorMessage() != null || error.getField() != null)) {
                return error;
            }
        } catch (ProcessingException | IllegalStateException notAnErrorRepresentation) {
            // a body of another kind: the status says all there is
        }
        return new ErrorRepresentation(null, response.getStatusInfo().getReasonPhrase(), null);
    }

    /** The HTTP status of {@code e}'s answer. */
    public static int status(WebApplicationException e) {
        return Objects.requireNonNull(e, "e").getResponse().getStatus();
    }
}
