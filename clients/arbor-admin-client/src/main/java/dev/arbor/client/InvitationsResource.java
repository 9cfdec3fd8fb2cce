package dev.arbor.client;

import dev.arbor.client.representations.InvitationRepresentation;
import dev.arbor.client.representations.NewInvitation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code tenancy/scopes/{id}/invitations}, on the realm users' API only: offering roles by e-mail. Sending needs
 * the right to grant every role offered, as a direct grant would.
 */
public interface InvitationsResource {

    /**
     * Sends an invitation (201), or renews the open one to the same address here (200); 409 over the limits of
     * open invitations.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    InvitationRepresentation invite(NewInvitation invitation);

    /** All of the scope's invitations for whoever may list its members, otherwise those the caller sent; paged. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<InvitationRepresentation> list(@QueryParam("first") Integer first, @QueryParam("max") Integer max);

    /** Withdraws a pending invitation: its sender, a realm administrator, or whoever may list the members. */
    @DELETE
    @Path("{invitationId}")
    void withdraw(@PathParam("invitationId") String invitationId);
}
