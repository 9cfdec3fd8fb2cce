package dev.arbor.rest;

import dev.arbor.core.Access;
import dev.arbor.core.Membership;
import dev.arbor.core.Policy;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.rest.Representations.AccessRepresentation;
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

    /** Every scope the caller is a member of, with roles and effective permissions there. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AccessRepresentation> scopes() {
        Policy policy = request.policy();
        TreeSlice tree = request.store.slice();
        return tree.membershipsOf(request.principal.userId()).stream()
                .map(Membership::scopeId)
                .map(tree::scope).flatMap(Optional::stream)
                .map(scope -> AccessRepresentation.of(access(policy, tree, scope, false), scope, tree))
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
        return AccessRepresentation.of(access(policy, tree, scope, true), scope, tree);
    }

    private Access access(Policy policy, TreeSlice tree, Scope scope, boolean explain) {
        return policy.access(request.principal, scope.id(), tree, explain).orElseThrow();
    }
}
