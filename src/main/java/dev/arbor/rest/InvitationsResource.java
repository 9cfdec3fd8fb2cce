package dev.arbor.rest;

import dev.arbor.core.Policy;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.rest.Representations.InvitationRepresentation;
import dev.arbor.rest.Representations.InviteRequest;
import dev.arbor.store.Invitation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;

/**
 * {@code /tenancy/scopes/{id}/invitations}: offering roles by e-mail. Sending one needs the right to grant every
 * role offered, as a direct grant would; accepting re-checks that right at accept time ({@link MeResource}).
 */
public final class InvitationsResource {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    private static final Duration MAX_LIFETIME = Duration.ofDays(30);
    private static final int MAX_ROLES = 20;

    private final TenancyRequest request;
    private final Policy policy;
    private final Scope scope;

    InvitationsResource(TenancyRequest request, Policy policy, Scope scope) {
        this.request = request;
        this.policy = policy;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(InputStream body) {
        InviteRequest input = Bodies.read(body, InviteRequest.class);
        if (input.email() == null || input.email().length() > 320 || !EMAIL.matcher(input.email().strip()).matches()) {
            throw ApiException.badRequest("email", "email must be an e-mail address");
        }
        if (input.roles() == null || input.roles().isEmpty() || input.roles().size() > MAX_ROLES) {
            throw ApiException.badRequest("roles", "roles must list 1 to " + MAX_ROLES + " roles");
        }
        Duration lifetime = input.expiresIn() == null ? DEFAULT_LIFETIME : Duration.ofSeconds(input.expiresIn());
        if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw ApiException.badRequest("expiresIn", "expiresIn must be between 60 and " + MAX_LIFETIME.toSeconds()
                    + " seconds");
        }
        List<String> roles = List.copyOf(new LinkedHashSet<>(input.roles()));
        String invitee = inviteeId(input.email());
        for (String role : roles) {
            TenancyRequest.require(policy.mayGrant(request.principal, invitee, scope.id(), role, false, tree()),
                    "roles");
        }
        long expiresAt = System.currentTimeMillis() + lifetime.toMillis();
        String sender = request.principal.userId();
        Optional<Invitation> open = request.store.openInvitation(scope.id(), input.email());
        InvitationLimits.of(request.session).refusal(request.store.countOpenInvitationsFrom(sender),
                        request.store.countOpenInvitationsTo(input.email()), open.isPresent(),
                        open.map(Invitation::inviterId).filter(sender::equals).isPresent())
                .ifPresent(why -> {
                    throw ApiException.refused(Response.Status.CONFLICT, "email", why);
                });
        if (open.isPresent()) {
            // the address sees one invitation per scope, however often it is sent: the newest offer replaces it
            Invitation renewed = request.store.renew(open.get().id(), roles, sender, expiresAt);
            InvitationRepresentation representation = InvitationRepresentation.of(renewed, tree());
            request.audit(OperationType.UPDATE, representation, "tenancy", "scopes", scope.id(), "invitations",
                    renewed.id());
            URI location = request.session.getContext().getUri().getAbsolutePathBuilder().path(renewed.id()).build();
            return Response.ok(representation).contentLocation(location).build();
        }
        Invitation invitation = request.store.invite(scope.id(), input.email(), roles, sender, expiresAt);
        InvitationRepresentation created = InvitationRepresentation.of(invitation, tree());
        request.audit(OperationType.CREATE, created, "tenancy", "scopes", scope.id(), "invitations", invitation.id());
        URI location = request.session.getContext().getUri().getAbsolutePathBuilder().path(invitation.id()).build();
        return Response.created(location).entity(created).build();
    }

    /**
     * All of the scope's invitations for whoever may list its members; otherwise the ones the caller sent. Paged by
     * the database either way.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<InvitationRepresentation> list(@QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        Paging paging = Paging.of(first, max);
        boolean all = policy.mayListMembers(request.principal, scope.id(), tree()).allowed();
        List<Invitation> page = all ? request.store.invitations(scope.id(), paging.first(), paging.max())
                : request.store.invitationsSentBy(scope.id(), request.principal.userId(), paging.first(), paging.max());
        return page.stream()
                .map(invitation -> InvitationRepresentation.of(invitation, tree()))
                .toList();
    }

    /** Withdraws a pending invitation: its sender, a realm administrator, or whoever may list the members. */
    @DELETE
    @Path("{invitationId}")
    public Response revoke(@PathParam("invitationId") String invitationId) {
        Invitation invitation = request.store.invitation(invitationId)
                .filter(found -> found.scopeId().equals(scope.id()))
                .orElseThrow(() -> ApiException.notFound("No invitation " + invitationId + " at " + scope.id()));
        TenancyRequest.require(policy.mayWithdrawInvitation(request.principal, scope.id(), invitation.inviterId(),
                tree()));
        if (!request.store.decide(invitationId, Invitation.REVOKED, request.principal.userId())) {
            throw ApiException.conflict("Invitation " + invitationId + " was already " + invitation.status()
                    .toLowerCase(java.util.Locale.ROOT), List.of());
        }
        request.audit(OperationType.DELETE, InvitationRepresentation.of(invitation, tree()),
                "tenancy", "scopes", scope.id(), "invitations", invitationId);
        return Response.noContent().build();
    }

    /** The invitee's user id when the address belongs to a user of the realm; a stand-in otherwise. */
    private String inviteeId(String email) {
        UserModel user = request.session.users().getUserByEmail(request.realm, email.strip());
        return user == null ? "invitee:" + email.strip().toLowerCase(java.util.Locale.ROOT) : user.getId();
    }

    private TreeSlice tree() {
        return request.store.slice();
    }
}
