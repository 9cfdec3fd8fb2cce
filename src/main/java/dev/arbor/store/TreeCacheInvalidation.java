package dev.arbor.store;

import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * When a realm's {@link TreeCache} entries are dropped: on this node once a transaction that changed the realm's
 * tenancy ends (committed or not), and on every node after it committed, through Keycloak's cluster.
 */
final class TreeCacheInvalidation {

    /** The cluster-event key of {@link TreeChanged}. */
    static final String TREE_CHANGED = "arbor.tree-changed";

    private TreeCacheInvalidation() {
    }

    /** Listens for other nodes' changes once Keycloak has migrated its database, when the cluster is up. */
    static void listen(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(ClusterProvider.class)
                        .registerListener(TREE_CHANGED, changed -> {
                            if (changed instanceof TreeChanged tree) {
                                TreeCache.invalidate(tree.getRealmId());
                            }
                        }));
            }
        });
    }

    /** Drops {@code realmId}'s entries when {@code session}'s transaction ends; call once per transaction. */
    static void afterTransaction(KeycloakSession session, String realmId) {
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                TreeCache.invalidate(realmId);
                session.getProvider(ClusterProvider.class).notify(TREE_CHANGED, new TreeChanged(realmId), true);
            }

            @Override
            protected void rollbackImpl() {
                TreeCache.invalidate(realmId);
            }
        });
    }
}
