package dev.arbor.store;

import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;

/**
 * Which clients use tenancy: those that carry Arbor's mapper, on the client itself or in one of its client scopes
 * (the {@code tenancy} client scope). A realm administrator opts a client in by giving it that scope: as a default
 * scope, its tokens carry the claim and its logins show Arbor's steps; as an optional one, its tokens may call the
 * tenancy API without acting in one scope (the tenant admin app).
 */
public final class TenancyClients {

    /** The provider id of Arbor's protocol mapper. */
    public static final String MAPPER = "arbor-tenancy-mapper";

    private TenancyClients() {
    }

    /** Whether every token of {@code client} carries the claim: the mapper on it or in a default client scope. */
    public static boolean issuesClaim(ClientModel client) {
        return client != null && (hasMapper(client.getProtocolMappersStream())
                || carriedBy(client.getClientScopes(true).values().stream()));
    }

    /**
     * Whether tokens of {@code client} may call the tenancy API: it carries the mapper, itself or in a default or
     * optional client scope. Tokens of other clients of the realm (one a resource server received, say) may not.
     */
    public static boolean mayCallApi(ClientModel client) {
        return issuesClaim(client) || client != null && carriedBy(client.getClientScopes(false).values().stream());
    }

    private static boolean carriedBy(Stream<ClientScopeModel> scopes) {
        return scopes.anyMatch(scope -> hasMapper(scope.getProtocolMappersStream()));
    }

    private static boolean hasMapper(Stream<ProtocolMapperModel> mappers) {
        return mappers.anyMatch(model -> MAPPER.equals(model.getProtocolMapper()));
    }
}
