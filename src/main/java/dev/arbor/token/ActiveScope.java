package dev.arbor.token;

import dev.arbor.core.Scope;
import dev.arbor.service.ScopeNotes;
import dev.arbor.service.TenancyProvider;
import dev.arbor.service.Views.Eligibility;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import java.util.Set;
import org.keycloak.OAuth2Constants;
import org.keycloak.http.HttpRequest;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;

/**
 * Which scope a client session acts in. Chosen per client session, never per user: named by the client with the
 * {@code tenancy_scope} parameter (a scope id or key) on the authorization request, on a password-grant or
 * token-exchange request; a token exchange that names none keeps the subject token's scope; otherwise the user's
 * only scope. Remembered as a client-session note once a token carried it, so refreshes, userinfo and SSO
 * returns keep it. The parameter counts nowhere else: not on refresh, userinfo or introspection requests.
 */
final class ActiveScope {

    /**
     * The token requests on which the client itself may name the scope. Userinfo and introspection (no grant
     * type) are answered to anyone holding the access token, a resource server too, and a refresh keeps the
     * session's scope: a parameter there must not move the client session to another scope.
     */
    private static final Set<String> NAMING_GRANTS = Set.of(OAuth2Constants.PASSWORD,
            OAuth2Constants.AUTHORIZATION_CODE, OAuth2Constants.TOKEN_EXCHANGE_GRANT_TYPE);

    private ActiveScope() {
    }

    /**
     * The scope to put in the token, if one is named or implied and the user may act there.
     *
     * @param grantType the token request's grant type; null for userinfo and introspection
     */
    static Optional<Scope> resolve(KeycloakSession session, AuthenticatedClientSessionModel clientSession,
            String grantType, String userId, TenancyProvider tenancy) {
        Optional<String> named = named(session, clientSession, grantType);
        Optional<Scope> eligible = named.isPresent()
                ? tenancy.eligibility(userId, named.get()).filter(Eligibility::allowed).map(Eligibility::scope)
                : tenancy.onlyActableScope(userId);
        eligible.filter(found -> !found.id().equals(clientSession.getNote(ScopeNotes.ACTIVE)))
                .ifPresent(found -> clientSession.setNote(ScopeNotes.ACTIVE, found.id())); // unchanged: no session write
        return eligible;
    }

    /**
     * The scope this request names: on the token request itself; for a token exchange, the subject token's; for a
     * code, the authorization request's (or the login picker's); otherwise the one the session acts in already.
     * A refresh never takes the authorization request's, which a later refused request may have replaced.
     */
    static Optional<String> named(KeycloakSession session, AuthenticatedClientSessionModel clientSession,
            String grantType) {
        Optional<String> onRequest = namesOnRequest(grantType) ? formParameter(session, ScopeNotes.PARAMETER)
                : Optional.empty();
        if (onRequest.isPresent()) {
            return onRequest;
        }
        if (OAuth2Constants.TOKEN_EXCHANGE_GRANT_TYPE.equals(grantType)) {
            Optional<String> subjects = exchangeSubject(session, clientSession.getRealm()).map(Subject::scopeId);
            if (subjects.isPresent()) {
                return subjects;
            }
        }
        if (OAuth2Constants.AUTHORIZATION_CODE.equals(grantType)) {
            String onAuthorization = clientSession.getNote(ScopeNotes.REQUESTED);
            if (onAuthorization != null && !onAuthorization.isBlank()) {
                return Optional.of(onAuthorization.strip());
            }
        }
        return Optional.ofNullable(clientSession.getNote(ScopeNotes.ACTIVE));
    }

    /** Whether a token request of this grant type may name the scope with the parameter (null: not a grant). */
    static boolean namesOnRequest(String grantType) {
        return grantType != null && NAMING_GRANTS.contains(grantType);
    }

    static Optional<String> formParameter(KeycloakSession session, String name) {
        HttpRequest request = session.getContext().getHttpRequest();
        if (request == null || !"POST".equals(request.getHttpMethod())) {
            return Optional.empty();
        }
        try {
            MultivaluedMap<String, String> form = request.getDecodedFormParameters();
            String value = form == null ? null : form.getFirst(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        } catch (RuntimeException notAForm) {
            return Optional.empty();
        }
    }

    /** Who a token exchange acts for, and the scope the exchanged token's client session acts in (may be null). */
    record Subject(String userId, String scopeId) {
    }

    /**
     * The subject of the token exchange this request makes. Keycloak verifies the subject token itself; before that
     * (in the client-policy check) this is read unverified, which is safe because it only ever leads to a refusal,
     * and a forged token is refused by Keycloak anyway.
     */
    static Optional<Subject> exchangeSubject(KeycloakSession session, RealmModel realm) {
        Optional<AccessToken> subject = formParameter(session, OAuth2Constants.SUBJECT_TOKEN)
                .flatMap(ActiveScope::claims);
        if (subject.isEmpty() || subject.get().getSubject() == null) {
            return Optional.empty();
        }
        String sessionId = subject.get().getSessionId();
        UserSessionModel userSession = sessionId == null ? null : session.sessions().getUserSession(realm, sessionId);
        ClientModel subjectClient = subject.get().getIssuedFor() == null ? null
                : realm.getClientByClientId(subject.get().getIssuedFor());
        AuthenticatedClientSessionModel subjects = userSession == null || subjectClient == null ? null
                : userSession.getAuthenticatedClientSessionByClient(subjectClient.getId());
        String userId = userSession == null ? subject.get().getSubject() : userSession.getUser().getId();
        return Optional.of(new Subject(userId, subjects == null ? null : subjects.getNote(ScopeNotes.ACTIVE)));
    }

    private static Optional<AccessToken> claims(String jwt) {
        try {
            return Optional.of(new JWSInput(jwt).readJsonContent(AccessToken.class));
        } catch (JWSInputException notAJwt) {
            return Optional.empty();
        }
    }
}
