package dev.arbor.token;

import dev.arbor.core.Access;
import dev.arbor.core.Policy;
import dev.arbor.core.Principal;
import dev.arbor.core.Scope;
import dev.arbor.store.Policies;
import dev.arbor.store.TenancyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Writes the active scope's tenancy claim: the scope, its path, the user's roles there and the effective
 * permissions after inheritance, vacancy, sealing, options and prerequisites. Thin: it finds the active scope and
 * asks the core; {@link TenancyClaim} shapes the answer.
 */
public final class TenancyProtocolMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "arbor-tenancy-mapper";
    /** The client-session note holding the scope an authorization request named (or the login picker chose). */
    public static final String REQUESTED_SCOPE_NOTE = ActiveScope.AUTHORIZATION_REQUEST_NOTE;
    static final String DEFAULT_CLAIM = "tenancy";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(CONFIG);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, TenancyProtocolMapper.class);
        CONFIG.stream().filter(property -> OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME.equals(property.getName()))
                .forEach(property -> property.setDefaultValue(DEFAULT_CLAIM));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Arbor tenancy (active scope)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "The active tenancy scope of this client session, with the user's roles and effective permissions"
                + " there. The client names the scope with the tenancy_scope request parameter.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext context) {
        String realmId = userSession.getRealm().getId();
        TenancyStore store = TenancyStore.of(session, realmId);
        Optional<Policies.Active> schema = Policies.active(realmId, store);
        if (schema.isEmpty()) {
            return;
        }
        Policy policy = schema.get().policy();
        String userId = userSession.getUser().getId();
        Optional<Scope> active = ActiveScope.resolve(session, context.getClientSession(), userId, store, policy);
        if (active.isEmpty()) {
            return;
        }
        Scope scope = active.get();
        Access access = policy.access(Principal.user(userId), scope.id(), store.slice(), false).orElseThrow();
        List<Scope> path = new ArrayList<>();
        for (String id : scope.path()) {
            store.slice().scope(id).ifPresent(path::add);
        }
        OIDCAttributeMapperHelper.mapClaim(token, model,
                TenancyClaim.of(access, path, schema.get().schema().schemaId(), schema.get().schema().schemaVersion()));
    }
}
