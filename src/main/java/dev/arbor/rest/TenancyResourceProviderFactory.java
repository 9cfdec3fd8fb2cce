package dev.arbor.rest;

import dev.arbor.events.TenancyCleanup;
import dev.arbor.store.TenancyStore;
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

    private volatile InvitationLimits invitationLimits = InvitationLimits.DEFAULTS;

    @Override
    public void init(Config.Scope config) {
        invitationLimits = InvitationLimits.read(config);
    }

    /** E.g. {@code --spi-realm-restapi-extension--tenancy--max-pending-invitations-per-address=10}. */
    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return InvitationLimits.metadata();
    }

    InvitationLimits invitationLimits() {
        return invitationLimits;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        TenancyCleanup.register(factory);
        TenancyStore.invalidateOnClusterEvents(factory);
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
