package dev.arbor.client;

import dev.arbor.client.representations.MemberRepresentation;
import dev.arbor.client.representations.RoleChange;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code tenancy/scopes/{id}/members/{userId}/roles/{role}}: giving and taking back one role. */
public interface MemberRoleResource {

    /**
     * Gives the role, as the delegation rules allow; giving it again changes nothing. 409 when the role is full,
     * when the user holds another role of its exclusive group here, or holds roles at as many scopes of the type
     * as it allows.
     */
    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    MemberRepresentation grant();

    /**
     * {@link #grant()}, and with {@code transfer} a full role is taken from its holders in the same change; with
     * {@code replace} the user's role of the same exclusive group is swapped for this one. Not both (400).
     */
    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    MemberRepresentation grant(@QueryParam("transfer") boolean transfer, @QueryParam("replace") boolean replace);

    /**
     * Takes the role back and answers who was removed with it by the schema's cascade (none when users give up
     * their own role).
     */
    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    RoleChange revoke();
}
