package dev.arbor.rest;

import dev.arbor.service.Views.AccessRepresentation;
import dev.arbor.service.Views.InvitationRepresentation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /tenancy/me}: the caller's own scopes, permissions and invitations. */
public final class MeResource {

    private final TenancyRequest request;

    MeResource(TenancyRequest request) {
        this.request = request;
    }

    /** The scopes the caller is a member of, with roles and effective permissions there, ordered by scope id. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AccessRepresentation> scopes(@QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        Paging paging = Paging.of(first, max);
        return request.tenancy.myScopes(request.actor, paging.first(), paging.max());
    }

    /** The caller's effective permissions at one scope, with the explanation. */
    @GET
    @Path("permissions")
    @Produces(MediaType.APPLICATION_JSON)
    public AccessRepresentation permissions(@QueryParam("scopeId") String scopeId) {
        return request.tenancy.myPermissions(request.actor, scopeId);
    }

    /** Open invitations to the caller's verified e-mail address. */
    @GET
    @Path("invitations")
    @Produces(MediaType.APPLICATION_JSON)
    public List<InvitationRepresentation> invitations() {
        return request.tenancy.myInvitations(request.actor);
    }

    /**
     * Accepts an invitation to the caller's verified address. The inviter's right to grant each role is checked
     * again now (it may have been revoked since), and so is every role's limit of holders.
     */
    @POST
    @Path("invitations/{invitationId}/accept")
    @Produces(MediaType.APPLICATION_JSON)
    public AccessRepresentation accept(@PathParam("invitationId") String invitationId) {
        return request.tenancy.acceptInvitation(request.actor, invitationId);
    }

    @POST
    @Path("invitations/{invitationId}/decline")
    public Response decline(@PathParam("invitationId") String invitationId) {
        request.tenancy.declineInvitation(request.actor, invitationId);
        return Response.noContent().build();
    }
}
