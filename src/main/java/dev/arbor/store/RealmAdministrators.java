package dev.arbor.store;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;

/**
 * Who administers a realm, and so stands above every scope: holders of {@code realm-management manage-realm}. Through
 * the API only with a token that carries the role too, as Keycloak's own admin API decides: an administrator signed
 * in to a client that does not have the role in its scope acts there as an ordinary user.
 */
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

    /** Whether {@code user} administers the realm and {@code token}, issued to them, carries that role. */
    public static boolean actingThrough(AccessToken token, RealmModel realm, UserModel user) {
        AccessToken.Access access = token.getResourceAccess(CLIENT);
        return access != null && access.isUserInRole(ROLE) && includes(realm, user);
    }
}
