package dev.arbor.service;

import dev.arbor.core.Principal;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;

/**
 * Who asks the tenancy service, as an adapter resolved them: the principal the rules see, and the Keycloak user,
 * client and token the audit records.
 *
 * @param principal the user id and whether they act as realm administrator; never null
 * @param user the signed-in user; never null
 * @param client the client the user acts through; null when unknown
 * @param token the caller's access token; null on a login page, where the user signs in rather than calls
 * @param authRealm the realm the caller signed in to: the tenancy's own, or for a Keycloak administrator calling the
 *     admin API the realm of their account (usually master); the audit records it
 */
public record Actor(Principal principal, UserModel user, ClientModel client, AccessToken token,
        RealmModel authRealm) {

    public String userId() {
        return principal.userId();
    }

    public boolean realmAdmin() {
        return principal.realmAdmin();
    }
}
