package dev.arbor.realmfile;

import org.keycloak.Config;
import org.keycloak.exportimport.ExportImportConfig;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.storage.DatastoreProvider;
import org.keycloak.storage.datastore.DefaultDatastoreProviderFactory;

/**
 * Keycloak's datastore with one addition: while Keycloak runs {@code kc.sh export}, the realms it exports carry their
 * tenancy ({@link RealmFileExport}). Everything else is Keycloak's own {@link DefaultDatastoreProviderFactory}, which
 * this factory extends (Keycloak casts the datastore to its class).
 *
 * <p>Keycloak picks the datastore with the highest {@link #order()} above 0 when none is configured
 * ({@code --spi-datastore--provider}), at {@code kc.sh build}, and then loads only that one: Keycloak's own factory
 * ({@code default}) is not started beside it. So installing Arbor is enough, and Keycloak's datastore option keeps its
 * usual name ({@code spi-datastore--default--allow-migrate-existing-database-to-snapshot}). This factory also
 * registers the realm-file import ({@link RealmFileImport}).
 */
public final class ArborDatastoreProviderFactory extends DefaultDatastoreProviderFactory {

    static final String ID = "arbor";

    /** Read once: every request creates a datastore, and Keycloak's property lookup is not free. */
    private boolean exporting;

    @Override
    public DatastoreProvider create(KeycloakSession session) {
        return new ArborDatastoreProvider(this, session, exporting);
    }

    /** Whether this process is {@code kc.sh export}: Keycloak sets {@code keycloak.migration.action=export}. */
    private static boolean exporting() {
        return ExportImportConfig.ACTION_EXPORT.equals(ExportImportConfig.getAction());
    }

    /** Keycloak's option for its datastore keeps its usual name, {@code spi-datastore--default--...}. */
    @Override
    public void init(Config.Scope config) {
        super.init(Config.scope("datastore", "default"));
        exporting = exporting(); // kc.sh export sets it before Keycloak starts
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        RealmFileImport.register(factory);
    }

    @Override
    public String getId() {
        return ID;
    }

    /** Above Keycloak's own datastore (0), so that Keycloak picks this one without configuration. */
    @Override
    public int order() {
        return 1;
    }
}
