package dev.arbor.rest;

import dev.arbor.core.Access;
import dev.arbor.core.Affordances;
import dev.arbor.core.Decision;
import dev.arbor.core.Membership;
import dev.arbor.core.Policy;
import dev.arbor.core.Revocation;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.rest.Representations.AccessRepresentation;
import dev.arbor.rest.Representations.MemberPage;
import dev.arbor.rest.Representations.MemberRepresentation;
import dev.arbor.rest.Representations.OptionsChange;
import dev.arbor.rest.Representations.RoleMatrix;
import dev.arbor.rest.Representations.RoleChange;
import dev.arbor.rest.Representations.ScopeRepresentation;
import dev.arbor.rest.Representations.UpdateScope;
import dev.arbor.store.ConflictException;
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
import java.io.InputStream;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;

/** {@code /tenancy/scopes/{id}}: one scope the caller may see, its members and their roles. */
public final class ScopeResource {

    /** Stands for someone invited by e-mail when asking which roles the caller may give a newcomer. */
    private static final String NEWCOMER = "invitee:";

    private final TenancyRequest request;
    private final Policy policy;
    private final Scope scope;

    ScopeResource(TenancyRequest request, Policy policy, Scope scope) {
        this.request = request;
        this.policy = policy;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ScopeRepresentation get() {
        return ScopeRepresentation.of(scope, request.store);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ScopeRepresentation update(InputStream body) {
        UpdateScope input = Bodies.read(body, UpdateScope.class);
        String name = input.name() == null ? null : ScopesResource.requireName(input.name());
        Map<String, Object> attributes = input.attributes() == null ? null
                : Attributes.checked(policy.schema(), scope.type(), input.attributes());
        TenancyRequest.require(policy.mayUpdateScope(request.principal, scope.id(), tree()));
        Scope updated = request.store.updateScope(scope.id(), name, attributes);
        ScopeRepresentation representation = ScopeRepresentation.of(updated, request.store);
        request.audit(OperationType.UPDATE, representation, "tenancy", "scopes", scope.id());
        return representation;
    }

    /**
     * Deletes the scope; one with children only when {@code cascade=true}, and then all below it too, which the
     * caller must be allowed to delete each of.
     */
    @DELETE
    public Response delete(@QueryParam("cascade") boolean cascade) {
        TenancyRequest.require(policy.mayDeleteScope(request.principal, scope.id(), cascade, tree()));
        long children = request.store.countChildren(scope.id());
        if (children > 0 && !cascade) {
            throw ApiException.conflict("Scope " + scope.id() + " has " + children + " child scope(s); delete them"
                    + " first or ask for cascade=true", List.of());
        }
        int deleted = request.store.deleteSubtree(scope.id());
        request.audit(OperationType.DELETE, Map.of("id", scope.id(), "deletedScopes", deleted),
                "tenancy", "scopes", scope.id());
        return Response.noContent().build();
    }

    @Path("invitations")
    public InvitationsResource invitations() {
        return new InvitationsResource(request, policy, scope);
    }

    /** Members, paged by the database; a caller who may not list them sees only their own membership. */
    @GET
    @Path("members")
    @Produces(MediaType.APPLICATION_JSON)
    public MemberPage members(@QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        Paging paging = Paging.of(first, max);
        if (!policy.mayListMembers(request.principal, scope.id(), tree()).allowed()) {
            List<MemberRepresentation> own = tree().membership(request.principal.userId(), scope.id())
                    .map(membership -> List.of(member(membership))).orElse(List.of());
            return new MemberPage(own, own.size(), 0, paging.max(), false);
        }
        List<Membership> memberships = request.store.members(scope.id(), paging.first(), paging.max());
        Map<String, String> usernames = request.usernames(memberships.stream().map(Membership::userId).toList());
        List<MemberRepresentation> page = memberships.stream()
                .map(membership -> MemberRepresentation.of(membership, usernames.get(membership.userId()))).toList();
        return new MemberPage(page, request.store.countMembers(scope.id()), paging.first(), paging.max(), true);
    }

    /**
     * Gives {@code userId} {@code role} here. A role that is full answers 409 unless {@code transfer=true}, which
     * takes it from its holder(s) in the same transaction.
     */
    @PUT
    @Path("members/{userId}/roles/{role}")
    @Produces(MediaType.APPLICATION_JSON)
    public MemberRepresentation grant(@PathParam("userId") String userId, @PathParam("role") String role,
            @QueryParam("transfer") boolean transfer) {
        request.user(userId);
        TenancyRequest.require(policy.mayGrant(request.principal, userId, scope.id(), role, transfer, tree()),
                "role");
        int max = policy.schema().maxHolders(scope.type(), role).orElse(Integer.MAX_VALUE);
        Set<String> holders = tree().holders(scope.id(), role);
        List<String> replaced = new ArrayList<>();
        if (transfer && !holders.contains(userId) && holders.size() >= max) {
            for (String holder : holders) {
                request.store.revoke(holder, scope.id(), role);
                replaced.add(holder);
            }
        }
        try {
            request.store.grant(userId, scope.id(), role, max);
        } catch (ConflictException e) {
            throw ApiException.conflict(e.getMessage() + "; ask for a transfer to replace the holder", List.of());
        }
        request.audit(OperationType.UPDATE, new RoleChange(userId, scope.id(), role, transfer, replaced),
                "tenancy", "scopes", scope.id(), "members", userId, "roles", role);
        return member(tree().membership(userId, scope.id()).orElseThrow());
    }

    /** Takes {@code role} here from {@code userId}, and removes what the schema cascades with it. */
    @DELETE
    @Path("members/{userId}/roles/{role}")
    @Produces(MediaType.APPLICATION_JSON)
    public RoleChange revoke(@PathParam("userId") String userId, @PathParam("role") String role) {
        Revocation revocation = policy.mayRevoke(request.principal, userId, scope.id(), role, false, tree());
        TenancyRequest.require(revocation.decision(), "role");
        request.store.removeMemberships(revocation.cascade());
        request.store.revoke(userId, scope.id(), role);
        RoleChange change = new RoleChange(userId, scope.id(), role, false,
                revocation.cascade().stream().map(Membership::userId).toList());
        request.audit(OperationType.DELETE, change, "tenancy", "scopes", scope.id(), "members", userId, "roles", role);
        return change;
    }

    /** Removes {@code userId} from this scope: every role they hold here, each revocable by the caller. */
    @DELETE
    @Path("members/{userId}")
    public Response remove(@PathParam("userId") String userId) {
        Membership membership = tree().membership(userId, scope.id())
                .orElseThrow(() -> ApiException.notFound("User " + userId + " is not a member of " + scope.id()));
        List<Revocation> revocations = new ArrayList<>();
        for (String role : new LinkedHashSet<>(membership.roles())) {
            Revocation revocation = policy.mayRevoke(request.principal, userId, scope.id(), role, false, tree());
            TenancyRequest.require(revocation.decision(), "role");
            revocations.add(revocation);
        }
        List<Membership> removed = new ArrayList<>(List.of(membership));
        revocations.forEach(revocation -> removed.addAll(revocation.cascade()));
        request.store.removeMemberships(removed);
        request.audit(OperationType.DELETE, Map.of("userId", userId, "scopeId", scope.id(),
                "removedWith", removed.stream().map(Membership::userId).filter(id -> !id.equals(userId)).toList()),
                "tenancy", "scopes", scope.id(), "members", userId);
        return Response.noContent().build();
    }

    /** Replaces {@code userId}'s optional permissions here. */
    @PUT
    @Path("members/{userId}/options")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public MemberRepresentation options(@PathParam("userId") String userId, InputStream body) {
        OptionsChange input = Bodies.read(body, OptionsChange.class);
        if (input.options() == null) {
            throw ApiException.badRequest("options", "options is required (an empty list clears them)");
        }
        Set<String> options = new LinkedHashSet<>(input.options());
        TenancyRequest.require(policy.maySetOptions(request.principal, userId, scope.id(), options, tree()),
                "options");
        request.store.setOptions(userId, scope.id(), options);
        request.audit(OperationType.UPDATE, Map.of("userId", userId, "options", options.stream().sorted().toList()),
                "tenancy", "scopes", scope.id(), "members", userId, "options");
        return member(tree().membership(userId, scope.id()).orElseThrow());
    }

    /**
     * What {@code userId} may do here, explained: for the user themselves, realm admins, and whoever may list
     * the scope's members.
     */
    @GET
    @Path("members/{userId}/access")
    @Produces(MediaType.APPLICATION_JSON)
    public AccessRepresentation access(@PathParam("userId") String userId) {
        if (!userId.equals(request.principal.userId())) {
            Decision listing = policy.mayListMembers(request.principal, scope.id(), tree());
            if (!listing.allowed()) {
                throw ApiException.notFound("No member " + userId + " visible at " + scope.id());
            }
            request.user(userId);
        }
        Access access = policy.access(new dev.arbor.core.Principal(userId, false), scope.id(), tree(), true)
                .orElseThrow();
        return AccessRepresentation.of(access, scope, request.store);
    }

    /**
     * What the caller may do here and to the members on one page of {@link #members}: the decisions the API makes
     * when each action is tried, so a user interface offers exactly those.
     */
    @GET
    @Path("actions")
    @Produces(MediaType.APPLICATION_JSON)
    public Affordances actions(@QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        List<String> memberIds = members(first, max).members().stream().map(MemberRepresentation::userId).toList();
        return policy.affordances(request.principal, scope.id(), memberIds, NEWCOMER, tree()).orElseThrow();
    }

    /**
     * The roles of this scope's type with the permissions a holder of each would have here, as the tree stands:
     * the permission matrix, generated from the schema and the tree.
     */
    @GET
    @Path("roles")
    @Produces(MediaType.APPLICATION_JSON)
    public RoleMatrix roles() {
        List<RoleMatrix.Column> columns = new ArrayList<>();
        for (String role : policy.schema().roles(scope.type())) {
            columns.add(new RoleMatrix.Column(role,
                    policy.permissionsOfRole(scope.id(), role, tree()).orElseThrow(),
                    policy.schema().optionalPermissions(scope.type(), role),
                    policy.schema().maxHolders(scope.type(), role).stream().boxed().findFirst().orElse(null)));
        }
        return new RoleMatrix(scope.id(), scope.type(), policy.schema().permissions(), columns);
    }

    private MemberRepresentation member(Membership membership) {
        UserModel user = request.session.users().getUserById(request.realm, membership.userId());
        return MemberRepresentation.of(membership, user == null ? null : user.getUsername());
    }

    private TreeSlice tree() {
        return request.store.slice();
    }
}
