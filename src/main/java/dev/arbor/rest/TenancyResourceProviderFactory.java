package dev.arbor.rest;

import dev.arbor.service.InvitationLimits;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link TenancyResource} at {@code /realms/{realm}/tenancy}. */
public final class TenancyResourceProviderFactory implements RealmResourceProviderFactory {

    /** The path segment under {@code /realms/{realm}/}, and the provider id shown in the server info. */
    static final String ID = "tenancy";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new TenancyResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
        // the options are read by the tenancy service (dev.arbor.service.DefaultTenancyProviderFactory)
    }

    /**
     * E.g. {@code --spi-realm-restapi-extension--tenancy--max-pending-invitations-per-address=10}: declared here,
     * where operators have always set them, and read by the tenancy service.
     */
    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return InvitationLimits.metadata();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // the tenancy service's factory wires the listeners
    }

    @Override
    public void close() {
        // holds no resources
    }

    @Override
    public String getId() {
        return ID;
    }
}
