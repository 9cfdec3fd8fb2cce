package dev.arbor.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class TenancyResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    TenancyResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return TenancyResource.forUsers(session);
    }

    @Override
    public void close() {
        // per-request object; nothing to release
    }
}
