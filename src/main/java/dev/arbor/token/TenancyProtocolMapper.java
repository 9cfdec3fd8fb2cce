package dev.arbor.token;

import dev.arbor.core.Scope;
import dev.arbor.service.TenancyProvider;
import dev.arbor.service.Views.ActiveAccess;
import dev.arbor.store.ArborMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
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
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/**
 * Writes the active scope's tenancy claim: the scope, its path, the user's roles there and the effective
 * permissions after inheritance, vacancy, sealing, options and prerequisites. Thin: it finds the active scope and
 * asks the core; {@link TenancyClaim} shapes the answer.
 */
public final class TenancyProtocolMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = dev.arbor.store.TenancyClients.MAPPER;
    static final String DEFAULT_CLAIM = "tenancy";
    private static final String BUILT_CLAIM = "arbor.claim.";
    /** Where to add the list of other scopes the user may switch to: {@code userinfo}, {@code all} or {@code none}. */
    static final String SWITCHABLE_IN = "arbor.switchable.in";
    static final String SWITCHABLE_LIMIT = "arbor.switchable.limit";
    private static final int DEFAULT_SWITCHABLE_LIMIT = 50;

    /** Which response a claim is being written for. */
    private enum Target { TOKEN, USERINFO }

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(CONFIG);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, TenancyProtocolMapper.class);
        CONFIG.stream().filter(property -> OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME.equals(property.getName()))
                .forEach(property -> property.setDefaultValue(DEFAULT_CLAIM));
        ProviderConfigProperty switchableIn = new ProviderConfigProperty(SWITCHABLE_IN, "Scopes to switch to",
                "Add a compact list of the other scopes the user may make active (switchable): in the userinfo"
                        + " response only, in every token this mapper writes to as well, or nowhere. Tokens grow"
                        + " with the list, up to its limit.",
                ProviderConfigProperty.LIST_TYPE, "userinfo");
        switchableIn.setOptions(List.of("userinfo", "all", "none"));
        CONFIG.add(switchableIn);
        CONFIG.add(new ProviderConfigProperty(SWITCHABLE_LIMIT, "Scopes to switch to: limit",
                "At most this many scopes are listed; switchableTruncated: true says there are more.",
                ProviderConfigProperty.INTEGER_TYPE, String.valueOf(DEFAULT_SWITCHABLE_LIMIT)));
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
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext context) {
        boolean include = getShouldUseLightweightToken(session)
                ? OIDCAttributeMapperHelper.includeInLightweightAccessToken(model)
                : OIDCAttributeMapperHelper.includeInAccessToken(model);
        if (include) {
            write(token, model, session, userSession, context, Target.TOKEN);
        }
        return token;
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel model, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext context) {
        if (OIDCAttributeMapperHelper.includeInIDToken(model)) {
            write(token, model, session, userSession, context, Target.TOKEN);
        }
        return token;
    }

    @Override
    public AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext context) {
        if (OIDCAttributeMapperHelper.includeInUserInfo(model)) {
            write(token, model, session, userSession, context, Target.USERINFO);
        }
        return token;
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel model,
            KeycloakSession session, UserSessionModel userSession, ClientSessionContext context) {
        if (OIDCAttributeMapperHelper.includeInIntrospection(model)) {
            write(token, model, session, userSession, context, Target.TOKEN);
        }
        return token;
    }

    /**
     * Writes the claim into {@code token}. Built once per request and kept in the client-session context, so the
     * access token, ID token and the rest of one response cost one evaluation.
     */
    @SuppressWarnings("unchecked")
    private static void write(IDToken token, ProtocolMapperModel model, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext context, Target target) {
        String key = BUILT_CLAIM + model.getId() + (listsSwitchable(model, target) ? "+switchable" : "");
        Optional<Map<String, Object>> claim = context.getAttribute(key, Optional.class);
        if (claim == null) {
            long started = System.nanoTime();
            claim = build(model, session, userSession, context, target);
            context.setAttribute(key, claim);
            claim.ifPresent(built -> ArborMetrics.claimBuilt(userSession.getRealm().getName(),
                    Duration.ofNanos(System.nanoTime() - started)));
        }
        claim.ifPresent(built -> OIDCAttributeMapperHelper.mapClaim(token, model, built));
    }

    /** The claim; empty when there is none to write (no schema, no active scope). */
    private static Optional<Map<String, Object>> build(ProtocolMapperModel model, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext context, Target target) {
        TenancyProvider tenancy = session.getProvider(TenancyProvider.class);
        String userId = userSession.getUser().getId();
        Optional<ActiveAccess> active = ActiveScope.resolve(session, context.getClientSession(),
                context.getAttribute(Constants.GRANT_TYPE, String.class), userId, tenancy)
                .flatMap(scope -> tenancy.activeAccess(userId, scope.id()));
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> claim = TenancyClaim.of(active.get());
        if (listsSwitchable(model, target)) {
            String activeId = active.get().path().get(active.get().path().size() - 1).id();
            int limit = switchableLimit(model);
            // the active scope may be among the first, and one more than the limit tells that there are more
            List<List<Scope>> others = tenancy.actableScopes(userId, limit > Integer.MAX_VALUE - 2 ? limit : limit + 2)
                    .orElse(List.of()).stream()
                    .filter(path -> !path.get(path.size() - 1).id().equals(activeId)).toList();
            TenancyClaim.addSwitchable(claim, others, limit);
        }
        return Optional.of(claim);
    }

    private static boolean listsSwitchable(ProtocolMapperModel model, Target target) {
        String where = model.getConfig().getOrDefault(SWITCHABLE_IN, "userinfo");
        return "all".equals(where) || "userinfo".equals(where) && target == Target.USERINFO;
    }

    private static int switchableLimit(ProtocolMapperModel model) {
        try {
            return Math.max(0, Integer.parseInt(model.getConfig().getOrDefault(SWITCHABLE_LIMIT,
                    String.valueOf(DEFAULT_SWITCHABLE_LIMIT)).strip()));
        } catch (NumberFormatException notANumber) {
            return DEFAULT_SWITCHABLE_LIMIT;
        }
    }
}
