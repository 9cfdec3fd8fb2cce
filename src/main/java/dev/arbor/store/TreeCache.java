package dev.arbor.store;

import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the token path reads of a realm's tenancy (the schema in force, scopes with their ancestry, memberships,
 * role holders), kept on this node until any transaction changes the realm's tenancy: then the realm's entries
 * are dropped here and, through Keycloak's cluster, on every node. A reader stores what it loaded only into the
 * entries it started from, and only while they are still the realm's, so a load that raced a change is never
 * kept.
 */
final class TreeCache {

    /** One realm's entries, replaced whole on every change. */
    static final class Entries {
        final Map<String, Optional<Scope>> scopes = new ConcurrentHashMap<>();
        final Map<String, Optional<String>> scopeIdsByKey = new ConcurrentHashMap<>();
        final Map<String, Optional<Membership>> memberships = new ConcurrentHashMap<>();
        final Map<String, Set<String>> holders = new ConcurrentHashMap<>();
        final Map<String, List<Membership>> userMemberships = new ConcurrentHashMap<>();
        volatile Optional<StoredSchema> schema;
    }

    /** Per map and realm: beyond it reads go to the database rather than the heap growing with the tree. */
    static final int MAX_ENTRIES = 100_000;

    private static final Map<String, Entries> BY_REALM = new ConcurrentHashMap<>();

    private TreeCache() {
    }

    static Entries of(String realmId) {
        return BY_REALM.computeIfAbsent(realmId, key -> new Entries());
    }

    /** Whether {@code entries} are still the realm's, i.e. nothing changed since they were taken. */
    static boolean isCurrent(String realmId, Entries entries) {
        return BY_REALM.get(realmId) == entries;
    }

    /**
     * Keeps {@code value} unless the map is full; the next change of the realm empties it anyway. Answers that
     * something does not exist (an empty optional or list) are never kept: their keys are whatever a caller sends,
     * and a thousand made-up ids must not fill the cache. What exists is bounded by the tree.
     */
    static <V> void keep(Map<String, V> map, String key, V value) {
        if (isAbsence(value)) {
            return;
        }
        if (map.size() < MAX_ENTRIES) {
            map.putIfAbsent(key, value);
        }
    }

    private static boolean isAbsence(Object value) {
        return value instanceof Optional<?> optional && optional.isEmpty()
                || value instanceof java.util.Collection<?> collection && collection.isEmpty();
    }

    static void invalidate(String realmId) {
        BY_REALM.remove(realmId);
    }
}
