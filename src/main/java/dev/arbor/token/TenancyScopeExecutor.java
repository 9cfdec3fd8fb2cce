package dev.arbor.token;

import dev.arbor.service.ScopeNotes;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.TokenExchangeContext;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ResourceOwnerPasswordCredentialsResponseContext;
import org.keycloak.services.clientpolicy.context.TokenExchangeRequestContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.context.TokenResponseContext;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Client-policy executor {@value TenancyScopeExecutorFactory#PROVIDER_ID}: applies {@link ScopeRequestCheck} to
 * code, password and refresh token responses (the events at which Keycloak knows the user) and to token-exchange
 * requests (where the subject token names the user).
 */
final class TenancyScopeExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private final KeycloakSession session;

    TenancyScopeExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return TenancyScopeExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case TOKEN_RESPONSE -> {
                TokenResponseContext response = (TokenResponseContext) context;
                ScopeRequestCheck.check(session, response.getClientSession(), values(response.getParams()),
                        ScopeRequestCheck.Request.CODE);
            }
            case RESOURCE_OWNER_PASSWORD_CREDENTIALS_RESPONSE -> {
                var response = (ResourceOwnerPasswordCredentialsResponseContext) context;
                ScopeRequestCheck.check(session, response.getClientSessionContext().getClientSession(),
                        values(response.getParams()), ScopeRequestCheck.Request.PASSWORD);
            }
            case TOKEN_REFRESH_RESPONSE -> {
                // a refresh keeps the session's scope whatever it names: that scope is the one checked again
                TokenRefreshResponseContext response = (TokenRefreshResponseContext) context;
                ScopeRequestCheck.check(session, response.getClientSession(), List.of(),
                        ScopeRequestCheck.Request.REFRESH);
            }
            case TOKEN_EXCHANGE_REQUEST -> {
                TokenExchangeContext exchange = ((TokenExchangeRequestContext) context).getTokenExchangeContext();
                ScopeRequestCheck.checkExchange(session, exchange.getRealm(), values(exchange.getFormParams()));
            }
            default -> {
                // other events carry no user or no token
            }
        }
    }

    private static List<String> values(MultivaluedMap<String, String> params) {
        List<String> values = params == null ? null : params.get(ScopeNotes.PARAMETER);
        return values == null ? List.of() : values;
    }
}
