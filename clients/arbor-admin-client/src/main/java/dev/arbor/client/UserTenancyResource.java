package dev.arbor.client;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * {@code /realms/{realm}/tenancy}, the realm users' API: everything of {@link TenancyResource}, decided by the
 * realm's tenancy schema for the calling user, and what only a user of the realm has, their own memberships and
 * invitations.
 */
public interface UserTenancyResource extends TenancyResource {

    @Path("me")
    MeResource me();

    /** The invitations of one scope. */
    @Path("scopes/{scopeId}/invitations")
    InvitationsResource invitations(@PathParam("scopeId") String scopeId);
}
