package dev.arbor.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one transaction changed of a realm's tenancy, said as the {@link TreeCache} entries it makes stale. Each
 * write adds what it touches before it writes; a change too big to name key by key (or one of the schema, or of
 * the whole realm) drops the realm, which also keeps the cluster message small.
 */
final class TreeChange {

    /** Beyond this many keys a change drops the realm: bulk work, where naming each key costs more than it saves. */
    static final int MAX_KEYS = 128;

    private final Set<String> scopes = new LinkedHashSet<>();
    private final Set<String> scopeKeys = new LinkedHashSet<>();
    private final Set<String> memberships = new LinkedHashSet<>();
    private final Set<String> holders = new LinkedHashSet<>();
    private boolean realm;

    /** The whole realm: what {@link TreeChanged} without keys means, as every node of an older version sends it. */
    static TreeChange ofRealm() {
        return new TreeChange().wholeRealm();
    }

    /** As {@link TreeChanged} carries it; nothing named means the whole realm. */
    static TreeChange of(Collection<String> scopes, Collection<String> scopeKeys, Collection<String> memberships,
            Collection<String> holders) {
        TreeChange change = new TreeChange();
        scopes.forEach(change::scope);
        scopeKeys.forEach(change::scopeKey);
        memberships.forEach(key -> change.add(change.memberships, key));
        holders.forEach(key -> change.add(change.holders, key));
        return change.isEmpty() ? change.wholeRealm() : change;
    }

    /** The scope's own entry: its name, type, attributes or existence changed. */
    TreeChange scope(String scopeId) {
        return add(scopes, scopeId);
    }

    /** What {@code key} (an import key or a scope id) finds, as {@code TenancyStore.scopeByKey} looks it up. */
    TreeChange scopeKey(String key) {
        return add(scopeKeys, key);
    }

    /** The user's membership at the scope: its roles or options, or whether it exists; and the user's list. */
    TreeChange membership(String userId, String scopeId) {
        return add(memberships, TreeCache.membershipKey(userId, scopeId));
    }

    /** Who holds {@code role} at the scope. */
    TreeChange holder(String scopeId, String role) {
        return add(holders, TreeCache.holderKey(scopeId, role));
    }

    /** Everything of the realm, the schema in force included. */
    TreeChange wholeRealm() {
        realm = true;
        scopes.clear();
        scopeKeys.clear();
        memberships.clear();
        holders.clear();
        return this;
    }

    boolean dropsRealm() {
        return realm;
    }

    /** Whether it names nothing: no write reached anything the cache holds. */
    boolean isEmpty() {
        return !realm && scopes.isEmpty() && scopeKeys.isEmpty() && memberships.isEmpty() && holders.isEmpty();
    }

    Set<String> scopes() {
        return scopes;
    }

    Set<String> scopeKeys() {
        return scopeKeys;
    }

    /** As {@link TreeCache#membershipKey} makes them. */
    Set<String> memberships() {
        return memberships;
    }

    /** As {@link TreeCache#holderKey} makes them. */
    Set<String> holders() {
        return holders;
    }

    private TreeChange add(Set<String> keys, String key) {
        if (realm) {
            return this;
        }
        keys.add(key);
        if (scopes.size() + scopeKeys.size() + memberships.size() + holders.size() > MAX_KEYS) {
            wholeRealm();
        }
        return this;
    }
}
