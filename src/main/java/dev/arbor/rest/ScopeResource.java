package dev.arbor.rest;

import dev.arbor.core.Affordances;
import dev.arbor.rest.Representations.OptionsChange;
import dev.arbor.rest.Representations.UpdateScope;
import dev.arbor.service.Views.AccessRepresentation;
import dev.arbor.service.Views.MemberPage;
import dev.arbor.service.Views.MemberRepresentation;
import dev.arbor.service.Views.RoleChange;
import dev.arbor.service.Views.RoleMatrix;
import dev.arbor.service.Views.ScopeRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** {@code /tenancy/scopes/{id}}: one scope the caller may see, its members and their roles. */
public final class ScopeResource {

    private final TenancyRequest request;
    private final String scopeId;

    ScopeResource(TenancyRequest request, String scopeId) {
        this.request = request;
        this.scopeId = scopeId;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ScopeRepresentation get() {
        return request.tenancy.scope(request.actor, scopeId);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ScopeRepresentation update(InputStream body) {
        UpdateScope input = Bodies.read(body, UpdateScope.class);
        return request.tenancy.updateScope(request.actor, scopeId, input.name(), input.attributes());
    }

    /**
     * Deletes the scope; one with children only when {@code cascade=true}, and then all below it too, which the
     * caller must be allowed to delete each of.
     */
    @DELETE
    public Response delete(@QueryParam("cascade") boolean cascade) {
        request.tenancy.deleteScope(request.actor, scopeId, cascade);
        return Response.noContent().build();
    }

    /** Not on the admin API: its callers are no users of the realm, so no invitation of theirs could be accepted. */
    @Path("invitations")
    public InvitationsResource invitations() {
        if (request.administration) {
            throw ApiException.refused(Response.Status.NOT_FOUND, null, "Invitations are sent through"
                    + " /realms/{realm}/tenancy by users of the realm; the admin API grants roles directly");
        }
        return new InvitationsResource(request, scopeId);
    }

    /**
     * Members, paged by the database in user id order; a caller who may not list them sees only their own
     * membership. A page names the next one ({@code next}, given back as {@code after}); {@code first} is the older
     * way to page, and a request pages one way or the other.
     */
    @GET
    @Path("members")
    @Produces(MediaType.APPLICATION_JSON)
    public MemberPage members(@QueryParam("first") Integer first, @QueryParam("max") Integer max,
            @QueryParam("after") String after) {
        Paging paging = Paging.of(first, max);
        if (after != null && first != null) {
            throw ApiException.badRequest("first", "a page follows the after cursor or starts at first: ask for one");
        }
        return request.tenancy.members(request.actor, scopeId, after, paging.first(), paging.max());
    }

    /**
     * Gives {@code userId} {@code role} here. A role that is full answers 409 unless {@code transfer=true}, which
     * takes it from its holder(s) in the same transaction.
     */
    @PUT
    @Path("members/{userId}/roles/{role}")
    @Produces(MediaType.APPLICATION_JSON)
    public MemberRepresentation grant(@PathParam("userId") String userId, @PathParam("role") String role,
            @QueryParam("transfer") boolean transfer, @QueryParam("replace") boolean replace) {
        if (transfer && replace) {
            throw ApiException.badRequest("replace", "a transfer takes the role from its holders, a replacement"
                    + " changes this user's role of the same exclusive group: ask for one");
        }
        return replace ? request.tenancy.replaceRole(request.actor, scopeId, userId, role)
                : request.tenancy.grant(request.actor, scopeId, userId, role, transfer);
    }

    /** Takes {@code role} here from {@code userId}, and removes what the schema cascades with it. */
    @DELETE
    @Path("members/{userId}/roles/{role}")
    @Produces(MediaType.APPLICATION_JSON)
    public RoleChange revoke(@PathParam("userId") String userId, @PathParam("role") String role) {
        return request.tenancy.revoke(request.actor, scopeId, userId, role);
    }

    /** Removes {@code userId} from this scope: every role they hold here, each revocable by the caller. */
    @DELETE
    @Path("members/{userId}")
    public Response remove(@PathParam("userId") String userId) {
        request.tenancy.removeMember(request.actor, scopeId, userId);
        return Response.noContent().build();
    }

    /** Replaces {@code userId}'s optional permissions here. */
    @PUT
    @Path("members/{userId}/options")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public MemberRepresentation options(@PathParam("userId") String userId, InputStream body) {
        OptionsChange input = Bodies.read(body, OptionsChange.class);
        return request.tenancy.setOptions(request.actor, scopeId, userId, input.options());
    }

    /**
     * What {@code userId} may do here, explained: for the user themselves, realm admins, and whoever may list
     * the scope's members.
     */
    @GET
    @Path("members/{userId}/access")
    @Produces(MediaType.APPLICATION_JSON)
    public AccessRepresentation access(@PathParam("userId") String userId) {
        return request.tenancy.access(request.actor, scopeId, userId);
    }

    /**
     * What the caller may do here and to the members on one page of {@link #members}: the decisions the API makes
     * when each action is tried, so a user interface offers exactly those.
     */
    @GET
    @Path("actions")
    @Produces(MediaType.APPLICATION_JSON)
    public Affordances actions(@QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        Paging paging = Paging.of(first, max);
        return request.tenancy.actions(request.actor, scopeId, paging.first(), paging.max());
    }

    /**
     * The roles of this scope's type with the permissions a holder of each would have here, as the tree stands:
     * the permission matrix, generated from the schema and the tree.
     */
    @GET
    @Path("roles")
    @Produces(MediaType.APPLICATION_JSON)
    public RoleMatrix roles() {
        return request.tenancy.roles(request.actor, scopeId);
    }
}
