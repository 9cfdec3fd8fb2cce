package dev.arbor.login;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** What Arbor's login steps share: they run once the user is known, need no set-up and hold no state. */
abstract class LoginStep implements Authenticator {

    @Override
    public final boolean requiresUser() {
        return true;
    }

    @Override
    public final boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public final void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // nothing for the user to set up
    }

    @Override
    public final void close() {
        // stateless
    }
}
