package dev.arbor.rest;

import dev.arbor.events.TenancyCleanup;
import dev.arbor.store.TenancyStore;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
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
        // no configuration yet
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
