package dev.arbor.rest;

import dev.arbor.rest.Representations.InviteRequest;
import dev.arbor.service.Views.InvitationRepresentation;
import dev.arbor.service.Views.Saved;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * {@code /tenancy/scopes/{id}/invitations}: offering roles by e-mail. Sending one needs the right to grant every
 * role offered, as a direct grant would; accepting re-checks that right at accept time ({@link MeResource}).
 */
public final class InvitationsResource {

    private final TenancyRequest request;
    private final String scopeId;

    InvitationsResource(TenancyRequest request, String scopeId) {
        this.request = request;
        this.scopeId = scopeId;
    }

    /** 201 for a new invitation; 200 when it renews the open one to the same address here. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(InputStream body) {
        InviteRequest input = Bodies.read(body, InviteRequest.class);
        Saved<InvitationRepresentation> saved = request.tenancy.invite(request.actor, scopeId, input.email(),
                input.roles(), input.expiresIn());
        URI location = request.session.getContext().getUri().getAbsolutePathBuilder().path(saved.id()).build();
        return saved.created() ? Response.created(location).entity(saved.value()).build()
                : Response.ok(saved.value()).contentLocation(location).build();
    }

    /**
     * All of the scope's invitations for whoever may list its members; otherwise the ones the caller sent. Paged by
     * the database either way.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<InvitationRepresentation> list(@QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        Paging paging = Paging.of(first, max);
        return request.tenancy.invitations(request.actor, scopeId, paging.first(), paging.max());
    }

    /** Withdraws a pending invitation: its sender, a realm administrator, or whoever may list the members. */
    @DELETE
    @Path("{invitationId}")
    public Response revoke(@PathParam("invitationId") String invitationId) {
        request.tenancy.withdrawInvitation(request.actor, scopeId, invitationId);
        return Response.noContent().build();
    }
}
