package dev.arbor.store;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * When what a transaction changed of a realm's tenancy ({@link TreeChange}) is dropped from the {@link TreeCache}: on
 * every node, through Keycloak's cluster, once the transaction ends, committed or not (a drop too many only costs
 * a read; one too few would keep what the database no longer holds).
 */
final class TreeCacheInvalidation {

    /** The cluster-event key of {@link TreeChanged}. */
    static final String TREE_CHANGED = "arbor.tree-changed";

    private static final Logger LOG = Logger.getLogger(TreeCacheInvalidation.class);

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
                dropEverywhere(session, realmId, change);
            }

            @Override
            protected void rollbackImpl() {
                // Keycloak also rolls back here when the database committed and a later participant failed, or
                // when the commit failed without saying whether the database kept the change: every node drops
                dropEverywhere(session, realmId, change);
            }
        });
    }

    private static void dropEverywhere(KeycloakSession session, String realmId, TreeChange change) {
        if (change.isEmpty()) {
            return;
        }
        TreeCache.drop(realmId, change);
        try {
            session.getProvider(ClusterProvider.class).notify(TREE_CHANGED, TreeChanged.of(realmId, change), true);
        } catch (RuntimeException e) {
            // the transaction has ended: failing this request would not undo it, and the other nodes still miss it
            LOG.errorf(e, "Other nodes were not told of a change of realm %s's tenancy; their tenancy caches may"
                    + " answer with what it changed until it changes again or they restart", realmId);
        }
    }
}
