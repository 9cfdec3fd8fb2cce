package dev.arbor.login;

import dev.arbor.store.TenancyClients;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** What Arbor's login steps share: they run once the user is known, need no set-up and hold no state. */
abstract class LoginStep implements Authenticator {

    /**
     * Whether the client's tokens carry the tenancy claim: Arbor's mapper on it or in its default client scopes.
     * The steps run only for such clients; the others know nothing of tenancy and are not held up by it.
     */
    static boolean usesTenancy(ClientModel client) {
        return TenancyClients.issuesClaim(client);
    }

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
