package dev.arbor.client;

import dev.arbor.client.representations.AccessRepresentation;
import dev.arbor.client.representations.MemberRepresentation;
import dev.arbor.client.representations.OptionsChange;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code tenancy/scopes/{id}/members/{userId}}: one user's roles and options at one scope. */
public interface MemberResource {

    @Path("roles/{role}")
    MemberRoleResource role(@PathParam("role") String role);

    /**
     * Replaces the member's optional permissions here, within their roles' optional permissions (400 for one no
     * role there carries); the delegation rules decide who may.
     */
    @PUT
    @Path("options")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    MemberRepresentation options(OptionsChange options);

    /** What the user may do here, explained: for the user, realm administrators and whoever lists the members. */
    @GET
    @Path("access")
    @Produces(MediaType.APPLICATION_JSON)
    AccessRepresentation access();

    /** Removes the user from this scope: every role they hold here, each of which the caller must be able to revoke. */
    @DELETE
    void remove();
}
