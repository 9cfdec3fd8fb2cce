package dev.arbor.service;

import dev.arbor.core.Principal;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.service.Views.ActiveAccess;
import dev.arbor.service.Views.Eligibility;
import java.util.List;
import java.util.Optional;

/**
 * The scope a user's client session acts in, as the login steps and the token adapter ask for it: which scopes the
 * user may make active, whether a named one is such a scope, and what a token says of it. Read-only; no actor,
 * because here the user signs in or holds a token rather than calls the API. The last two are asked on every token
 * and refresh: the core's answers are kept in the node's cache ({@link dev.arbor.store.TenancyStore#answer}).
 */
final class ActiveScopes {

    /** The questions a token asks on every refresh, answered from the node's cache until the realm changes. */
    private static final String MAY_ACT_IN = "may-act-in";
    private static final String ACCESS = "access";

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

    Optional<List<List<Scope>>> actable(String userId, int atMost) {
        return tenancy.policyIfAny().map(policy -> policy.actableScopes(Principal.user(userId), tree(userId), atMost)
                .stream().map(scope -> tenancy.path(scope.id())).toList());
    }

    Optional<Scope> only(String userId) {
        return tenancy.policyIfAny().flatMap(policy -> policy.onlyActableScope(Principal.user(userId), tree(userId)));
    }

    /**
     * The scope {@code scopeIdOrKey} names and whether the user may act there. That they may is kept, under the name
     * the caller used; a refusal is decided anew each time, because it may be about a user or a scope a client made
     * up (an exchange's subject token is read before Keycloak verifies it), and made-up ids must not fill the node's
     * cache.
     */
    Optional<Eligibility> eligibility(String userId, String scopeIdOrKey) {
        Optional<Scope> allowed = tenancy.store.answer(MAY_ACT_IN, userId, scopeIdOrKey,
                () -> tenancy.policyIfAny().flatMap(policy -> tenancy.store.scopeByKey(scopeIdOrKey)
                        .filter(scope -> policy.mayActIn(Principal.user(userId), scope.id(), tenancy.tree())
                                .allowed())));
        if (allowed.isPresent()) {
            return Optional.of(new Eligibility(allowed.get(), true));
        }
        if (tenancy.policyIfAny().isEmpty()) {
            return Optional.empty();
        }
        return tenancy.store.scopeByKey(scopeIdOrKey).map(scope -> new Eligibility(scope, false));
    }

    Optional<ActiveAccess> access(String userId, String scopeId) {
        return tenancy.store.answer(ACCESS, userId, scopeId, () -> tenancy.activeIfAny().flatMap(active -> active
                .policy().access(Principal.user(userId), scopeId, tree(userId), false)
                .map(access -> new ActiveAccess(access, tenancy.path(scopeId), active.schema().schemaId(),
                        active.schema().schemaVersion()))));
    }
}
