package dev.arbor.rest;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Mounts the tenancy API at {@code /admin/realms/{realm}/tenancy}; see {@link AdminTenancyResourceProvider}. */
public final class AdminTenancyResourceProviderFactory implements AdminRealmResourceProviderFactory {

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminTenancyResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {
        // no options of its own
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // holds no resources
    }

    @Override
    public String getId() {
        return TenancyResourceProviderFactory.ID;
    }
}
