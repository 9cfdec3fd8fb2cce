package dev.arbor.service;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Records a tenancy change as a Keycloak admin event (resource type {@code TENANCY}, the path under
 * {@code tenancy/}, the actor in its auth details), stored when the realm stores admin events. The one way for
 * the API and the login pages, through {@link RealmTenancy#audit}.
 */
final class TenancyAudit {

    private TenancyAudit() {
    }

    /**
     * @param realm the realm whose tenancy changed
     * @param authRealm the realm the actor signed in to
     * @param token the caller's access token; null on a login page, where the user signs in rather than calls
     */
    static void record(KeycloakSession session, RealmModel realm, RealmModel authRealm, AccessToken token,
            UserModel actor, ClientModel client, OperationType operation, Object representation, String... path) {
        new AdminEventBuilder(realm, new AdminAuth(authRealm, token, actor, client), session,
                session.getContext().getConnection())
                .operation(operation)
                .resource("TENANCY")
                .resourcePath(path)
                .representation(representation)
                .success();
    }
}
