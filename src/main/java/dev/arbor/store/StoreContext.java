package dev.arbor.store;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * What the aggregates of one {@link TenancyStore} share: the realm, Keycloak's entity manager, the request's view
 * of the tree, and the bookkeeping of a change, which is per request rather than per store.
 */
final class StoreContext {

    /** The session attribute of a request that is going to write ({@link #forWriting}). */
    private static final String FOR_WRITING = "arbor.for-writing";

    final EntityManager em;
    final String realmId;
    final Writes writes;
    final JpaTreeSlice database;
    final CachingTreeSlice slice;
    private final KeycloakSession session;
    /** The session attribute saying this request changed the realm's tenancy. */
    private final String changeMark;

    StoreContext(KeycloakSession session, String realmId) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realmId;
        this.changeMark = "arbor.changed." + realmId;
        this.writes = new Writes(em);
        this.database = new JpaTreeSlice(em, realmId);
        this.slice = new CachingTreeSlice(database, realmId, this::readsCache);
    }

    /** Whether this request (any store of it) changed the realm's tenancy; it then reads past the cache. */
    boolean changedRealm() {
        return session.getAttribute(changeMark) != null;
    }

    /** Whether this request may answer from the node's cache: it neither changed nor is about to change anything. */
    private boolean readsCache() {
        return !changedRealm() && session.getAttribute(FOR_WRITING) == null;
    }

    /**
     * This request is going to change the tenancy: from now on it reads the database only, so that it decides on
     * what is committed, never on an entry this node cached before another request's change was dropped from it.
     */
    void forWriting() {
        session.setAttribute(FOR_WRITING, Boolean.TRUE);
        slice.forget();
    }

    /**
     * Called before every change: from now on this request reads past the node's cache, and once its transaction
     * ends (committed or not) the realm's cached entries are dropped here and, after a commit, on every node.
     */
    void changing() {
        slice.forget();
        if (changedRealm()) {
            return;
        }
        session.setAttribute(changeMark, Boolean.TRUE);
        TreeCacheInvalidation.afterTransaction(session, realmId);
    }

    /** Called after a change: what the request read before may be stale now. */
    void changed() {
        slice.forget();
    }
}
