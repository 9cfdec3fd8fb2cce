package dev.arbor.service;

import dev.arbor.core.Decision;
import dev.arbor.core.Membership;
import dev.arbor.core.Policy;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.store.ArborMetrics;
import dev.arbor.store.Policies;
import dev.arbor.store.RealmAdministrators;
import dev.arbor.store.TenancyStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** What every use case needs of the session's realm: its store and policy, its users, the checks and the audit. */
final class RealmTenancy {

    final KeycloakSession session;
    final RealmModel realm;
    final TenancyStore store;
    /** Read once per request, as the adapters did before the service: a use case and its locator share it. */
    private Policy policy;

    RealmTenancy(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.store = TenancyStore.of(session, realm.getId());
    }

    TreeSlice tree() {
        return store.slice();
    }

    /** The realm's policy; CONFLICT when it has no schema yet. */
    Policy policy() {
        if (policy == null) {
            policy = loadPolicy();
        }
        return policy;
    }

    private Policy loadPolicy() {
        return Policies.of(realm.getId(), store).orElseThrow(() -> TenancyException.conflict(
                "Realm " + realm.getName() + " has no tenancy schema yet; a realm administrator PUTs one at"
                        + " /realms/" + realm.getName() + "/tenancy/schema", List.of()));
    }

    Optional<Policy> policyIfAny() {
        return activeIfAny().map(Policies.Active::policy);
    }

    /** The schema in force with its policy; empty when the realm has none. */
    Optional<Policies.Active> activeIfAny() {
        return Policies.active(realm.getId(), store);
    }

    /** The scope's ancestors and itself, root first; empty when there is no such scope. */
    List<Scope> path(String scopeId) {
        return tree().path(scopeId);
    }

    void requireRealmAdmin(Actor actor) {
        if (!actor.realmAdmin()) {
            throw TenancyException.forbidden(null, "Only realm administrators (" + RealmAdministrators.CLIENT + " "
                    + RealmAdministrators.ROLE + ", in the token) may");
        }
    }

    /** Goes on only when {@code decision} allows; otherwise DENIED, counted. */
    static void require(Decision decision) {
        require(decision, null);
    }

    static void require(Decision decision, String field) {
        if (!decision.allowed()) {
            ArborMetrics.denied("api", decision.reason().name());
            throw TenancyException.denied(decision, field);
        }
    }

    /**
     * The scope, or NOT_FOUND both when it does not exist and when the actor may not see it (INVALID naming
     * {@code field} when the id came in a body or query).
     */
    Scope visibleScope(Policy policy, Actor actor, String scopeId, String field) {
        TreeSlice tree = tree();
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty() || !policy.maySee(actor.principal(), scopeId, tree).allowed()) {
            throw field == null ? TenancyException.notFound("No scope " + scopeId)
                    : TenancyException.invalid(field, "No scope " + scopeId);
        }
        return scope.get();
    }

    /**
     * The scope a write changes, as {@link #visibleScope}, after locking it and its ancestors: every decision at a
     * scope rests on memberships along its path, so writes whose paths meet run one after the other, and this one
     * decides on what the database holds now (see {@link TenancyStore#lockPath}).
     */
    Scope scopeToChange(Policy policy, Actor actor, String scopeId, String field) {
        lockPath(scopeId);
        return visibleScope(policy, actor, scopeId, field);
    }

    /** Locks the path of {@code scopeId} for a write; the store's conflict when the database gave up waiting. */
    void lockPath(String scopeId) {
        store.lockPath(scopeId);
    }

    /**
     * Gives {@code role} at {@code scope} to {@code userId} within the role's holder limit, with the optional
     * permissions the core says the role turns on when granted ({@link Policy#defaultOptions}); the decision to grant
     * was taken before. Nothing changes when the user holds the role already.
     *
     * @throws dev.arbor.store.ConflictException when the role is full (a request racing this one took the seat)
     */
    void grant(Policy policy, String userId, Scope scope, String role) {
        Set<String> defaults = policy.defaultOptions(userId, scope.id(), role, tree());
        store.grant(userId, scope.id(), role, policy.schema().holderLimit(scope.type(), role));
        if (!defaults.isEmpty()) {
            Set<String> options = new TreeSet<>(tree().membership(userId, scope.id()).map(Membership::options)
                    .orElse(Set.of()));
            options.addAll(defaults);
            store.setOptions(userId, scope.id(), options);
        }
    }

    /** The user named in a path or body; NOT_FOUND when the realm has no such user. */
    UserModel user(String userId) {
        UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            throw TenancyException.notFound("Realm " + realm.getName() + " has no user " + userId);
        }
        return user;
    }

    String username(String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        return user == null ? null : user.getUsername();
    }

    /**
     * Usernames by user id, for many users at once: those Keycloak stores itself in a few queries, the others
     * (federated) through Keycloak's user provider; users that do not exist are left out.
     */
    Map<String, String> usernames(Collection<String> userIds) {
        Map<String, String> usernames = new HashMap<>(store.localUsernames(userIds));
        for (String userId : userIds) {
            if (!usernames.containsKey(userId)) {
                UserModel user = session.users().getUserById(realm, userId);
                if (user != null) {
                    usernames.put(userId, user.getUsername());
                }
            }
        }
        return usernames;
    }

    /** User ids by username, for many users at once, as {@link #usernames} the other way round. */
    Map<String, String> userIds(Collection<String> usernames) {
        Map<String, String> ids = new HashMap<>(store.localUserIds(usernames));
        for (String username : usernames) {
            if (!ids.containsKey(username)) {
                UserModel user = session.users().getUserByUsername(realm, username);
                if (user != null) {
                    ids.put(username, user.getId());
                }
            }
        }
        return ids;
    }

    /** Records a change as a Keycloak admin event naming the actor (shown when the realm stores admin events). */
    void audit(Actor actor, OperationType operation, Object representation, String... path) {
        TenancyAudit.record(session, realm, actor.authRealm(), actor.token(), actor.user(), actor.client(), operation,
                representation, path);
    }
}
