package dev.arbor.rest;

import dev.arbor.core.Decision;
import dev.arbor.core.Policy;
import dev.arbor.core.Principal;
import dev.arbor.store.ArborMetrics;
import dev.arbor.store.Policies;
import dev.arbor.store.RealmAdministrators;
import dev.arbor.store.TenancyAudit;
import dev.arbor.store.TenancyStore;
import java.util.List;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * One authenticated API call: who calls (resolved once), in which realm, against which store and schema.
 * Realm administrators are users of the realm holding {@code realm-management}'s {@code manage-realm}, calling with a
 * token that carries it ({@link RealmAdministrators#actingThrough}).
 */
final class TenancyRequest {

    static final String ADMIN_CLIENT = RealmAdministrators.CLIENT;
    static final String ADMIN_ROLE = RealmAdministrators.ROLE;

    final KeycloakSession session;
    final RealmModel realm;
    final AuthResult auth;
    final Principal principal;
    final TenancyStore store;
    /** Whether the request may change the tenancy; it then reads the database only and locks what it decides on. */
    final boolean writes;

    private TenancyRequest(KeycloakSession session, AuthResult auth) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.auth = auth;
        this.principal = new Principal(auth.user().getId(),
                RealmAdministrators.actingThrough(auth.token(), realm, auth.user()));
        this.store = TenancyStore.of(session, realm.getId());
        this.writes = writes(session);
        if (writes) {
            store.forWriting();
        }
    }

    /**
     * Whether the request may change the tenancy: every method but GET and HEAD, except the two POSTs that only
     * answer a question. A write decides on the database, never on the node's cache, whose entries may predate a
     * change another request just committed.
     */
    private static boolean writes(KeycloakSession session) {
        String method = session.getContext().getHttpRequest().getHttpMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return false;
        }
        String path = session.getContext().getUri().getPath();
        return !("POST".equals(method) && (path.endsWith("/tenancy/check") || path.endsWith("/schema/validate")));
    }

    static TenancyRequest authenticate(KeycloakSession session) {
        return new TenancyRequest(session, Caller.authenticate(session));
    }

    /** Locks the path of the scope this write decides on (see {@link TenancyStore#lockPath}); 409 on a time-out. */
    void lockPath(String scopeId) {
        try {
            store.lockPath(scopeId);
        } catch (dev.arbor.store.ConflictException e) {
            throw ApiException.conflict(e.getMessage(), List.of());
        }
    }

    /** The realm's policy; 409 when it has no schema yet. */
    Policy policy() {
        return Policies.of(realm.getId(), store).orElseThrow(() -> ApiException.conflict(
                "Realm " + realm.getName() + " has no tenancy schema yet; a realm administrator PUTs one at"
                        + " /realms/" + realm.getName() + "/tenancy/schema", List.of()));
    }

    void requireRealmAdmin() {
        if (!principal.realmAdmin()) {
            throw ApiException.forbidden("Only realm administrators (" + ADMIN_CLIENT + " " + ADMIN_ROLE
                    + ", in the token) may");
        }
    }

    /** Goes on only when {@code decision} allows; otherwise the matching 4xx with its explanation. */
    static void require(Decision decision) {
        require(decision, null);
    }

    static void require(Decision decision, String field) {
        if (!decision.allowed()) {
            ArborMetrics.denied("api", decision.reason().name());
            throw ApiException.denied(decision, field);
        }
    }

    /** The user named in a path or body; 404 when the realm has no such user. */
    UserModel user(String userId) {
        UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            throw ApiException.notFound("Realm " + realm.getName() + " has no user " + userId);
        }
        return user;
    }

    /**
     * Usernames by user id, for many users at once: those Keycloak stores itself in a few queries, the others
     * (federated) through Keycloak's user provider; users that do not exist are left out.
     */
    java.util.Map<String, String> usernames(java.util.Collection<String> userIds) {
        java.util.Map<String, String> usernames = new java.util.HashMap<>(store.localUsernames(userIds));
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
    java.util.Map<String, String> userIds(java.util.Collection<String> usernames) {
        java.util.Map<String, String> ids = new java.util.HashMap<>(store.localUserIds(usernames));
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
    void audit(OperationType operation, Object representation, String... path) {
        TenancyAudit.record(session, realm, auth.token(), auth.user(), auth.client(), operation, representation, path);
    }
}
