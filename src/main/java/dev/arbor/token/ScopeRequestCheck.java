package dev.arbor.token;

import dev.arbor.service.ScopeNotes;
import dev.arbor.service.TenancyProvider;
import dev.arbor.service.Views.Eligibility;
import dev.arbor.store.ArborMetrics;
import java.util.List;
import java.util.Optional;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.clientpolicy.ClientPolicyException;

/**
 * The fail-closed rule for the active scope: a token request that names a scope (or a refresh of a session that
 * acts in one, or an exchange of a token that carries one) gets a token only when the user may act in exactly
 * that scope; otherwise a standard OAuth error, never a token without the claim or with another scope.
 */
final class ScopeRequestCheck {

    private static final int MAX_LENGTH = 255;

    /** What kind of token request is checked; decides which note names the scope and which error refuses. */
    enum Request { CODE, PASSWORD, REFRESH, EXCHANGE }

    private ScopeRequestCheck() {
    }

    /**
     * @param requested the {@code tenancy_scope} values on this token request (empty when none)
     */
    static void check(KeycloakSession session, AuthenticatedClientSessionModel clientSession, List<String> requested,
            Request request) throws ClientPolicyException {
        String userId = clientSession.getUserSession().getUser().getId();
        String implied = switch (request) {
            case CODE -> clientSession.getNote(ScopeNotes.REQUESTED);
            case REFRESH -> clientSession.getNote(ScopeNotes.ACTIVE);
            case PASSWORD, EXCHANGE -> null;
        };
        check(session, userId, requested, implied, request);
    }

    /** A token exchange: the requested scope, else the one the subject token's session acts in. */
    static void checkExchange(KeycloakSession session, RealmModel realm, List<String> requested)
            throws ClientPolicyException {
        Optional<ActiveScope.Subject> subject = ActiveScope.exchangeSubject(session, realm);
        if (subject.isEmpty()) {
            return; // Keycloak refuses a subject token it cannot read
        }
        check(session, subject.get().userId(), requested, subject.get().scopeId(), Request.EXCHANGE);
    }

    /** Decided by the tenancy service of the session's realm: the realm whose token endpoint is asked. */
    private static void check(KeycloakSession session, String userId, List<String> requested, String implied,
            Request request) throws ClientPolicyException {
        if (requested.size() > 1) {
            throw refused(OAuthErrorException.INVALID_SCOPE,
                    "tenancy_scope names several scopes; a session acts in one");
        }
        String named = !requested.isEmpty() ? requested.get(0) : implied;
        if (named == null || named.isEmpty() && requested.isEmpty()) {
            return;
        }
        if (named.isBlank() || named.length() > MAX_LENGTH || named.strip().contains(" ") || named.contains(",")) {
            throw refused(OAuthErrorException.INVALID_SCOPE,
                    "tenancy_scope must name one scope by id or key");
        }
        boolean refresh = request == Request.REFRESH;
        Optional<Eligibility> scope = session.getProvider(TenancyProvider.class).eligibility(userId, named.strip());
        if (scope.isEmpty()) {
            throw refused(refresh ? OAuthErrorException.INVALID_GRANT
                    : OAuthErrorException.INVALID_SCOPE, "tenancy_scope names no scope of this realm");
        }
        if (!scope.get().allowed()) {
            throw refused(refresh ? OAuthErrorException.INVALID_GRANT
                    : OAuthErrorException.ACCESS_DENIED,
                    refresh ? "the user no longer acts in the session's tenancy scope"
                            : request == Request.EXCHANGE && requested.isEmpty()
                                    ? "the user no longer acts in the subject token's tenancy scope"
                                    : "the user may not act in the requested tenancy scope");
        }
    }

    private static ClientPolicyException refused(String error, String description) {
        ArborMetrics.denied("token", error);
        return new ClientPolicyException(error, description);
    }
}
