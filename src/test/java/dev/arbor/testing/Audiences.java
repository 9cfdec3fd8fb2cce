package dev.arbor.testing;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * Puts a client into the audience of another client's tokens (Keycloak's audience mapper): Keycloak lets a client
 * introspect or exchange only the tokens that name it as an audience.
 */
public final class Audiences {

    private Audiences() {
    }

    public static void add(RealmResource realm, String issuedTo, String audience) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("audience " + audience);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of("included.client.audience", audience, "access.token.claim", "true",
                "introspection.token.claim", "true"));
        var issuer = realm.clients().findByClientId(issuedTo).get(0);
        try (Response response = realm.clients().get(issuer.getId()).getProtocolMappers().createMapper(mapper)) {
            CreatedResponseUtil.getCreatedId(response);
        }
    }
}
