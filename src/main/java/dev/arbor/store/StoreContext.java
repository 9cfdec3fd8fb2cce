package dev.arbor.store;

import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;

/**
 * What the aggregates of one {@link TenancyStore} share: the realm, Keycloak's entity manager, the request's view
 * of the tree, and the bookkeeping of a change, which is per request rather than per store.
 */
final class StoreContext {

    /** The session attribute of a request that is going to write ({@link #forWriting}). */
    private static final String FOR_WRITING = "arbor.for-writing";
    /** The prefix of the session attribute holding the session's {@link TreeCache.View} of a realm. */
    private static final String CACHE_VIEW = "arbor.cache-view.";

    final EntityManager em;
    final String realmId;
    final Writes writes;
    final JpaTreeSlice database;
    final CachingTreeSlice slice;
    private final KeycloakSession session;
    /** The session attribute holding what this request changed of the realm's tenancy, once it changed some. */
    private final String changeMark;

    StoreContext(KeycloakSession session, String realmId) {
        this.session = session;
        this.em = LazyEntityManager.of(session);
        this.realmId = realmId;
        this.changeMark = "arbor.changed." + realmId;
        this.writes = new Writes(em);
        this.database = new JpaTreeSlice(em, realmId);
        this.slice = new CachingTreeSlice(database, cacheView(session, realmId), this::readsCache);
    }

    /** One per session and realm, taken before the session reads any of the realm's rows ({@link TreeCache.View}). */
    private static TreeCache.View cacheView(KeycloakSession session, String realmId) {
        TreeCache.View view = session.getAttribute(CACHE_VIEW + realmId, TreeCache.View.class);
        if (view == null) {
            view = TreeCache.view(realmId);
            session.setAttribute(CACHE_VIEW + realmId, view);
        }
        return view;
    }

    /** Whether this request (any store of it) changed the realm's tenancy; it then reads past the cache. */
    boolean changedRealm() {
        return session.getAttribute(changeMark) != null;
    }

    /** Whether this request may answer from the node's cache: it neither changed nor is about to change anything. */
    private boolean readsCache() {
        return TreeCache.isShared() && !changedRealm() && session.getAttribute(FOR_WRITING) == null;
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
     * ends (committed or not) what the request's writes named in the returned change is dropped from the node's
     * cache here and on every other node.
     *
     * @return the request's change of the realm, for the write to name what it touches before it writes
     */
    TreeChange changing() {
        slice.forget();
        TreeChange change = session.getAttribute(changeMark, TreeChange.class);
        if (change == null) {
            change = new TreeChange();
            session.setAttribute(changeMark, change);
            TreeCacheInvalidation.afterTransaction(session, realmId, change);
        }
        return change;
    }

    /** Called after a change: what the request read before may be stale now. */
    void changed() {
        slice.forget();
    }
}
