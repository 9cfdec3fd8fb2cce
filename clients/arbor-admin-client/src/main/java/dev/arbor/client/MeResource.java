package dev.arbor.client;

import dev.arbor.client.representations.AccessRepresentation;
import dev.arbor.client.representations.InvitationRepresentation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code tenancy/me}: the calling user's own scopes, permissions and invitations. */
public interface MeResource {

    /** The scopes the caller is a member of, with roles and permissions there, ordered by scope id; paged. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<AccessRepresentation> scopes(@QueryParam("first") Integer first, @QueryParam("max") Integer max);

    /** The caller's effective permissions at one scope, explained. */
    @GET
    @Path("permissions")
    @Produces(MediaType.APPLICATION_JSON)
    AccessRepresentation permissions(@QueryParam("scopeId") String scopeId);

    /** Open invitations to the caller's verified e-mail address. */
    @GET
    @Path("invitations")
    @Produces(MediaType.APPLICATION_JSON)
    List<InvitationRepresentation> invitations();

    /**
     * Accepts an invitation to the caller's verified address; the inviter's right to grant each role and every
     * role's limit are checked again now (409 or 403 when they no longer allow it).
     */
    @POST
    @Path("invitations/{invitationId}/accept")
    @Produces(MediaType.APPLICATION_JSON)
    AccessRepresentation accept(@PathParam("invitationId") String invitationId);

    @POST
    @Path("invitations/{invitationId}/decline")
    void decline(@PathParam("invitationId") String invitationId);
}
