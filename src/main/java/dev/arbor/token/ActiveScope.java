package dev.arbor.token;

import dev.arbor.core.Membership;
import dev.arbor.core.Policy;
import dev.arbor.core.Principal;
import dev.arbor.core.Scope;
import dev.arbor.store.TenancyStore;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;

/**
 * Which scope a client session acts in. Chosen per client session, never per user: named by the client with the
 * {@code tenancy_scope} parameter (a scope id or key) on the authorization request, or on a password-grant token
 * request; otherwise the user's only scope. Remembered as a client-session note, so refreshes keep it.
 */
final class ActiveScope {

    static final String PARAMETER = "tenancy_scope";
    static final String AUTHORIZATION_REQUEST_NOTE = "client_request_param_" + PARAMETER;
    static final String NOTE = "arbor.active_scope";

    private ActiveScope() {
    }

    /** The scope to put in the token, if one is named or implied and the user may act there. */
    static Optional<Scope> resolve(KeycloakSession session, AuthenticatedClientSessionModel clientSession,
            String userId, TenancyStore store, Policy policy) {
        String named = named(session, clientSession);
        Optional<Scope> scope;
        if (named != null) {
            scope = store.scopeByKey(named);
        } else {
            scope = onlyScope(store, userId);
        }
        Optional<Scope> eligible = scope.filter(found -> mayActIn(policy, store, userId, found));
        eligible.ifPresent(found -> clientSession.setNote(NOTE, found.id()));
        return eligible;
    }

    /** The scope named on this request, else the one named earlier in this client session. */
    private static String named(KeycloakSession session, AuthenticatedClientSessionModel clientSession) {
        String onRequest = formParameter(session);
        if (onRequest != null) {
            return onRequest;
        }
        String onAuthorization = clientSession.getNote(AUTHORIZATION_REQUEST_NOTE);
        if (onAuthorization != null && !onAuthorization.isBlank()) {
            return onAuthorization;
        }
        return clientSession.getNote(NOTE);
    }

    private static String formParameter(KeycloakSession session) {
        HttpRequest request = session.getContext().getHttpRequest();
        if (request == null || !"POST".equals(request.getHttpMethod())) {
            return null;
        }
        try {
            MultivaluedMap<String, String> form = request.getDecodedFormParameters();
            String value = form == null ? null : form.getFirst(PARAMETER);
            return value == null || value.isBlank() ? null : value.strip();
        } catch (RuntimeException notAForm) {
            return null;
        }
    }

    private static Optional<Scope> onlyScope(TenancyStore store, String userId) {
        Set<String> scopes = new LinkedHashSet<>();
        for (Membership membership : store.slice().membershipsOf(userId)) {
            scopes.add(membership.scopeId());
        }
        return scopes.size() == 1 ? store.slice().scope(scopes.iterator().next()) : Optional.empty();
    }

    static boolean mayActIn(Policy policy, TenancyStore store, String userId, Scope scope) {
        return policy.mayActIn(Principal.user(userId), scope.id(), store.slice()).allowed();
    }
}
