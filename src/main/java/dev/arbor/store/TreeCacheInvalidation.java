package dev.arbor.store;

import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * When what a transaction changed of a realm's tenancy ({@link TreeChange}) is dropped from the {@link TreeCache}: on
 * this node once the transaction ends (committed or not), and on every other node after it committed, through
 * Keycloak's cluster.
 */
final class TreeCacheInvalidation {

    /** The cluster-event key of {@link TreeChanged}. */
    static final String TREE_CHANGED = "arbor.tree-changed";

    private TreeCacheInvalidation() {
    }

    /** Listens for other nodes' changes; call once Keycloak has migrated its database, when the cluster is up. */
    static void listen(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(ClusterProvider.class)
                .registerListener(TREE_CHANGED, changed -> {
                    if (changed instanceof TreeChanged tree) {
                        TreeCache.drop(tree.getRealmId(), tree.change());
                    }
                }));
    }

    /**
     * Drops what {@code change} names when {@code session}'s transaction ends; call once per transaction and realm.
     *
     * @param change filled in by the transaction's writes until it ends
     */
    static void afterTransaction(KeycloakSession session, String realmId, TreeChange change) {
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                if (change.isEmpty()) {
                    return;
                }
                TreeCache.drop(realmId, change);
                session.getProvider(ClusterProvider.class)
                        .notify(TREE_CHANGED, TreeChanged.of(realmId, change), true);
            }

            @Override
            protected void rollbackImpl() {
                // also when the commit itself failed, and whether the database kept the change is not known
                TreeCache.drop(realmId, change);
            }
        });
    }
}
