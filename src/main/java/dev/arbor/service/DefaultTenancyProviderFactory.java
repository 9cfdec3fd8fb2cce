package dev.arbor.service;

import dev.arbor.events.TenancyCleanup;
import dev.arbor.store.TenancyStore;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Makes the {@link DefaultTenancyProvider}, and once the server is up wires what keeps the tenancy consistent
 * with Keycloak: removing Arbor's rows with the users and realms they belong to, and dropping cached trees when
 * another node of the cluster changes one.
 */
public final class DefaultTenancyProviderFactory implements TenancyProviderFactory {

    static final String ID = "default";

    /**
     * The invitation limits keep the options of the REST API's provider, where they were first documented:
     * {@code --spi-realm-restapi-extension--tenancy--max-pending-invitations-per-address=10}.
     */
    private static final String[] LIMITS_SCOPE = {"realm-restapi-extension", "tenancy"};

    /** {@code --spi-arbor-tenancy--default--cache-entries}: the size of each node's cache of a realm's tree. */
    static final String CACHE_ENTRIES = "cacheEntries";

    private volatile InvitationLimits limits = InvitationLimits.DEFAULTS;

    @Override
    public TenancyProvider create(KeycloakSession session) {
        return StoreConflicts.refusedAsConflicts(new DefaultTenancyProvider(session, limits));
    }

    @Override
    public void init(Config.Scope config) {
        limits = InvitationLimits.read(Config.scope(LIMITS_SCOPE));
        TenancyStore.cacheEntries(config.getInt(CACHE_ENTRIES, TenancyStore.DEFAULT_CACHE_ENTRIES));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(CACHE_ENTRIES).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(TenancyStore.DEFAULT_CACHE_ENTRIES)
                .helpText("Entries of each kind (scopes, memberships, role holders, a user's memberships) each node"
                        + " caches per realm for the token path; when full, a new one evicts one not read lately.")
                .add().build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        TenancyCleanup.register(factory);
        TenancyStore.onStart(factory);
    }

    @Override
    public void close() {
        // holds no resources
    }

    @Override
    public String getId() {
        return ID;
    }
}
