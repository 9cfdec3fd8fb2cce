package dev.arbor.service;

import dev.arbor.core.Access;
import dev.arbor.core.Membership;
import dev.arbor.core.Policy;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.service.Views.AccessRepresentation;
import java.util.List;
import java.util.Optional;

/** The actor's own scopes and permissions. */
final class OwnAccess {

    private final RealmTenancy tenancy;

    OwnAccess(RealmTenancy tenancy) {
        this.tenancy = tenancy;
    }

    /**
     * Paged here: the actor's memberships are read whole anyway, and cached, for the token. What cannot be shown is
     * dropped before the page is cut, so that a page is full while more follow: scopes the core does not let the
     * actor see, such as those where they hold only roles without access.
     */
    List<AccessRepresentation> scopes(Actor actor, int first, int max) {
        Policy policy = tenancy.policy();
        TreeSlice tree = tenancy.tree();
        return tree.membershipsOf(actor.userId()).stream()
                .map(Membership::scopeId)
                .sorted()
                .map(tree::scope).flatMap(Optional::stream)
                .filter(scope -> policy.maySee(actor.principal(), scope.id(), tree).allowed())
                .skip(first).limit(max)
                .map(scope -> AccessRepresentation.of(access(policy, actor, tree, scope, false), scope, tenancy.store))
                .toList();
    }

    AccessRepresentation permissions(Actor actor, String scopeId) {
        if (scopeId == null || scopeId.isBlank()) {
            throw TenancyException.invalid("scopeId", "scopeId is required");
        }
        Policy policy = tenancy.policy();
        Scope scope = tenancy.visibleScope(policy, actor, scopeId, null);
        return AccessRepresentation.of(access(policy, actor, tenancy.tree(), scope, true), scope, tenancy.store);
    }

    private static Access access(Policy policy, Actor actor, TreeSlice tree, Scope scope, boolean explain) {
        return policy.access(actor.principal(), scope.id(), tree, explain).orElseThrow();
    }
}
