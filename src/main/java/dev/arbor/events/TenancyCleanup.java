package dev.arbor.events;

import dev.arbor.store.TenancyStore;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Removes Arbor's rows when Keycloak removes what they belong to: a user's memberships before the user row goes,
 * a realm's whole tenancy after the realm is gone (Keycloak deletes realms in bulk, so Arbor has no foreign keys
 * to its tables and cleans up by id here, in the same transaction).
 */
public final class TenancyCleanup {

    private TenancyCleanup() {
    }

    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserPreRemovedEvent removed) {
                TenancyStore.of(removed.getKeycloakSession(), removed.getRealm().getId())
                        .deleteUser(removed.getUser().getId(), removed.getUser().getEmail());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                TenancyStore.of(removed.getKeycloakSession(), removed.getRealm().getId()).deleteRealm();
            }
        });
    }
}
