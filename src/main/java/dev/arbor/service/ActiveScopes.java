package dev.arbor.service;

import dev.arbor.core.Policy;
import dev.arbor.core.Principal;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.service.Views.ActiveAccess;
import dev.arbor.service.Views.Eligibility;
import dev.arbor.store.Policies;
import java.util.List;
import java.util.Optional;

/**
 * The scope a user's client session acts in, as the login steps and the token adapter ask for it: which scopes the
 * user may make active, whether a named one is such a scope, and what a token says of it. Read-only; no actor,
 * because here the user signs in or holds a token rather than calls the API.
 */
final class ActiveScopes {

    private final RealmTenancy tenancy;

    ActiveScopes(RealmTenancy tenancy) {
        this.tenancy = tenancy;
    }

    /**
     * The tree, told that the user exists: Keycloak has them signing in or holding a token. Not for
     * {@link #eligibility}, which also answers for the unverified subject token of an exchange.
     */
    private TreeSlice tree(String userId) {
        tenancy.store.existingUser(userId);
        return tenancy.tree();
    }

    Optional<List<List<Scope>>> actable(String userId) {
        return tenancy.policyIfAny().map(policy -> policy.actableScopes(Principal.user(userId), tree(userId))
                .stream().map(scope -> tenancy.path(scope.id())).toList());
    }

    Optional<Eligibility> eligibility(String userId, String scopeIdOrKey) {
        Optional<Policy> policy = tenancy.policyIfAny();
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        return tenancy.store.scopeByKey(scopeIdOrKey).map(scope -> new Eligibility(scope,
                policy.get().mayActIn(Principal.user(userId), scope.id(), tenancy.tree()).allowed()));
    }

    Optional<ActiveAccess> access(String userId, String scopeId) {
        Optional<Policies.Active> active = tenancy.activeIfAny();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        return active.get().policy().access(Principal.user(userId), scopeId, tree(userId), false)
                .map(access -> new ActiveAccess(access, tenancy.path(scopeId), active.get().schema().schemaId(),
                        active.get().schema().schemaVersion()));
    }
}
