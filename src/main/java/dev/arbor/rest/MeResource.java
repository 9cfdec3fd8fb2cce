package dev.arbor.rest;

import dev.arbor.core.Access;
import dev.arbor.core.Membership;
import dev.arbor.core.Policy;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.rest.Representations.AccessRepresentation;
import dev.arbor.rest.Representations.InvitationRepresentation;
import dev.arbor.store.Invitation;
import dev.arbor.store.InvitationAcceptance;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** {@code /tenancy/me}: the caller's own scopes and permissions. */
public final class MeResource {

    private final TenancyRequest request;

    MeResource(TenancyRequest request) {
        this.request = request;
    }

    /**
     * The scopes the caller is a member of, with roles and effective permissions there, a page at a time (ordered
     * by scope id). Paged here: the caller's memberships are read whole anyway, and cached, for the token.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AccessRepresentation> scopes(@QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        Paging paging = Paging.of(first, max);
        Policy policy = request.policy();
        TreeSlice tree = request.store.slice();
        // drop what cannot be shown before cutting the page, so that a page is full while more follow
        return tree.membershipsOf(request.principal.userId()).stream()
                .map(Membership::scopeId)
                .sorted()
                .map(tree::scope).flatMap(Optional::stream)
                .skip(paging.first()).limit(paging.max())
                .map(scope -> AccessRepresentation.of(access(policy, tree, scope, false), scope, request.store))
                .toList();
    }

    /** The caller's effective permissions at one scope, with the explanation. */
    @GET
    @Path("permissions")
    @Produces(MediaType.APPLICATION_JSON)
    public AccessRepresentation permissions(@QueryParam("scopeId") String scopeId) {
        if (scopeId == null || scopeId.isBlank()) {
            throw ApiException.badRequest("scopeId", "scopeId is required");
        }
        Policy policy = request.policy();
        Scope scope = ScopesResource.visibleScope(policy, request, scopeId, null);
        TreeSlice tree = request.store.slice();
        return AccessRepresentation.of(access(policy, tree, scope, true), scope, request.store);
    }

    /** Open invitations to the caller's verified e-mail address. */
    @GET
    @Path("invitations")
    @Produces(MediaType.APPLICATION_JSON)
    public List<InvitationRepresentation> invitations() {
        String email = verifiedEmail();
        TreeSlice tree = request.store.slice();
        return email == null ? List.of() : request.store.openInvitations(email).stream()
                .map(invitation -> InvitationRepresentation.of(invitation, tree)).toList();
    }

    /**
     * Accepts an invitation to the caller's verified address. The inviter's right to grant each role is checked
     * again now (it may have been revoked since), and so is every role's limit of holders.
     */
    @POST
    @Path("invitations/{invitationId}/accept")
    @Produces(MediaType.APPLICATION_JSON)
    public AccessRepresentation accept(@PathParam("invitationId") String invitationId) {
        Invitation invitation = openInvitation(invitationId);
        Policy policy = request.policy();
        TreeSlice tree = request.store.slice();
        InvitationAcceptance.Outcome outcome = InvitationAcceptance.accept(request.session, request.realm,
                request.store, policy, invitation, request.principal.userId());
        if (outcome instanceof InvitationAcceptance.Refused refused) {
            throw ApiException.denied(refused.decision(), "roles");
        }
        if (outcome instanceof InvitationAcceptance.Conflict conflict) {
            throw ApiException.conflict(conflict.message(), List.of());
        }
        Scope scope = ((InvitationAcceptance.Accepted) outcome).scope();
        request.audit(OperationType.ACTION, InvitationRepresentation.of(invitation, tree),
                "tenancy", "me", "invitations", invitationId, "accept");
        return AccessRepresentation.of(access(policy, request.store.slice(), scope, false), scope, request.store);
    }

    @POST
    @Path("invitations/{invitationId}/decline")
    public Response decline(@PathParam("invitationId") String invitationId) {
        Invitation invitation = openInvitation(invitationId);
        if (!request.store.decide(invitationId, Invitation.DECLINED, request.principal.userId())) {
            throw ApiException.conflict("Invitation " + invitationId + " was decided meanwhile", List.of());
        }
        request.audit(OperationType.ACTION, InvitationRepresentation.of(invitation, request.store.slice()),
                "tenancy", "me", "invitations", invitationId, "decline");
        return Response.noContent().build();
    }

    /** An open invitation to the caller's verified address; 404 for every other one, so none is revealed. */
    private Invitation openInvitation(String invitationId) {
        String email = verifiedEmail();
        return request.store.invitation(invitationId)
                .filter(invitation -> email != null && invitation.email().equals(email.toLowerCase(Locale.ROOT)))
                .filter(invitation -> invitation.isOpen(System.currentTimeMillis()))
                .orElseThrow(() -> ApiException.notFound("No open invitation " + invitationId + " for you"));
    }

    private String verifiedEmail() {
        UserModel user = request.auth.user();
        return user.isEmailVerified() && user.getEmail() != null ? user.getEmail().strip() : null;
    }

    private Access access(Policy policy, TreeSlice tree, Scope scope, boolean explain) {
        return policy.access(request.principal, scope.id(), tree, explain).orElseThrow();
    }
}
