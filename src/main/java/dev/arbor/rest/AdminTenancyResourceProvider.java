package dev.arbor.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The tenancy API beside Keycloak's admin API, {@code /admin/realms/{realm}/tenancy}: for Keycloak's
 * administrators (master-realm admins, realm-management roles, fine-grained admin permissions) and the automation
 * that acts with their tokens or a service account.
 */
final class AdminTenancyResourceProvider implements AdminRealmResourceProvider {

    /** Keycloak's admin event builder is not used: the tenancy service records its own events for both APIs. */
    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        return TenancyResource.forAdministrators(session, realm, auth);
    }

    @Override
    public void close() {
        // nothing held
    }
}
