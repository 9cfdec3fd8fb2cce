package dev.arbor.token;

import dev.arbor.core.Policy;
import dev.arbor.core.Scope;
import dev.arbor.store.Policies;
import dev.arbor.store.TenancyStore;
import java.util.List;
import java.util.Optional;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.clientpolicy.ClientPolicyException;

/**
 * The fail-closed rule for the active scope: a token request that names a scope (or a refresh of a session that
 * acts in one) gets a token only when the user may act in exactly that scope; otherwise a standard OAuth error,
 * never a token without the claim or with another scope.
 */
final class ScopeRequestCheck {

    private static final int MAX_LENGTH = 255;

    private ScopeRequestCheck() {
    }

    /**
     * @param requested the {@code tenancy_scope} values on this token request (empty when none)
     * @param refresh whether this is a refresh of an existing client session
     */
    static void check(KeycloakSession session, AuthenticatedClientSessionModel clientSession, List<String> requested,
            boolean refresh) throws ClientPolicyException {
        if (requested.size() > 1) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_SCOPE,
                    "tenancy_scope names several scopes; a session acts in one");
        }
        String named = !requested.isEmpty() ? requested.get(0)
                : refresh ? clientSession.getNote(ActiveScope.NOTE)
                : clientSession.getNote(ActiveScope.AUTHORIZATION_REQUEST_NOTE);
        if (named == null || named.isEmpty() && requested.isEmpty()) {
            return;
        }
        if (named.isBlank() || named.length() > MAX_LENGTH || named.strip().contains(" ") || named.contains(",")) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_SCOPE,
                    "tenancy_scope must name one scope by id or key");
        }
        String realmId = clientSession.getRealm().getId();
        TenancyStore store = TenancyStore.of(session, realmId);
        Optional<Policy> policy = Policies.of(realmId, store);
        Optional<Scope> scope = store.scopeByKey(named.strip());
        String userId = clientSession.getUserSession().getUser().getId();
        if (policy.isEmpty() || scope.isEmpty()) {
            throw new ClientPolicyException(refresh ? OAuthErrorException.INVALID_GRANT
                    : OAuthErrorException.INVALID_SCOPE, "tenancy_scope names no scope of this realm");
        }
        if (!ActiveScope.mayActIn(policy.get(), store, userId, scope.get())) {
            throw new ClientPolicyException(refresh ? OAuthErrorException.INVALID_GRANT
                    : OAuthErrorException.ACCESS_DENIED,
                    refresh ? "the user no longer acts in the session's tenancy scope"
                            : "the user may not act in the requested tenancy scope");
        }
    }
}
