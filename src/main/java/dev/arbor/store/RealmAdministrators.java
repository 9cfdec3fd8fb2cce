package dev.arbor.store;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/** Who administers a realm, and so stands above every scope: holders of {@code realm-management manage-realm}. */
public final class RealmAdministrators {

    public static final String CLIENT = "realm-management";
    public static final String ROLE = "manage-realm";

    private RealmAdministrators() {
    }

    public static boolean includes(RealmModel realm, UserModel user) {
        ClientModel admin = realm.getClientByClientId(CLIENT);
        RoleModel manageRealm = admin == null ? null : admin.getRole(ROLE);
        return manageRealm != null && user.hasRole(manageRealm);
    }
}
