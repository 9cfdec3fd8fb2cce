package dev.arbor.realmfile;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmProvider;
import org.keycloak.storage.datastore.DefaultDatastoreProvider;
import org.keycloak.storage.datastore.DefaultDatastoreProviderFactory;

/**
 * Keycloak's datastore, whose realms carry their tenancy as a realm attribute while {@code kc.sh export} runs.
 * It extends Keycloak's own class, because Keycloak casts the datastore to it and to its interfaces.
 */
final class ArborDatastoreProvider extends DefaultDatastoreProvider {

    private final KeycloakSession session;
    private final boolean exporting;
    private RealmProvider exportedRealms;

    ArborDatastoreProvider(DefaultDatastoreProviderFactory factory, KeycloakSession session, boolean exporting) {
        super(factory, session);
        this.session = session;
        this.exporting = exporting;
    }

    @Override
    public RealmProvider realms() {
        if (!exporting) {
            return super.realms();
        }
        if (exportedRealms == null) {
            exportedRealms = RealmFileExport.realms(session, super.realms());
        }
        return exportedRealms;
    }
}
