package dev.arbor.store;

import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the token path reads of a realm's tenancy (the schema in force, scopes with their ancestry, memberships,
 * role holders, and the answers the service derives from them alone), and the member counts of listed scopes, kept
 * on this node until a transaction changes it: then the entries the change names ({@link TreeChange}) are dropped
 * here and, through Keycloak's cluster, on every node. Each realm counts the changes dropped from its entries; a
 * reader keeps what it loaded only while the count is still the one it saw before loading, so a load that raced a
 * change is never kept.
 */
final class TreeCache {

    /** Per map and realm; when full, a new entry evicts one not read lately ({@link BoundedMap}). */
    static final int DEFAULT_ENTRIES = 100_000;

    /** Set once when the server starts, before any realm's entries exist. */
    private static volatile int entriesPerMap = DEFAULT_ENTRIES;

    /** Off where the database's isolation would let a raced load through ({@link DatabaseIsolation}). */
    private static volatile boolean shared = true;

    /** One realm's entries. */
    static final class Entries {
        final BoundedMap<Optional<Scope>> scopes;
        final BoundedMap<Optional<String>> scopeIdsByKey;
        final BoundedMap<Optional<Membership>> memberships;
        final BoundedMap<Set<String>> holders;
        final BoundedMap<UserMemberships> userMemberships;
        /**
         * The service's answers about a user at a scope ({@link CachingTreeSlice#answer}): each rests on entries of
         * every kind above, so every change drops them all.
         */
        final BoundedMap<Optional<?>> answers;
        /**
         * How many members each listed scope has, the {@code total} on every page of a listing: counted on each
         * page, a page's cost grew with the scope's size (a listing of 18,000 counted them 18 times), where by
         * cursor it is that of the page. Dropped by any change that names a membership at the scope, as every write
         * that adds or deletes one does.
         */
        final BoundedMap<Long> memberCounts;
        final AtomicReference<Optional<StoredSchema>> schema = new AtomicReference<>();
        /** How many changes were dropped from these entries. */
        private final AtomicLong changes = new AtomicLong();

        Entries(int capacity) {
            scopes = new BoundedMap<>(capacity, ArborMetrics::cacheEvicted);
            scopeIdsByKey = new BoundedMap<>(capacity, ArborMetrics::cacheEvicted);
            memberships = new BoundedMap<>(capacity, ArborMetrics::cacheEvicted);
            holders = new BoundedMap<>(capacity, ArborMetrics::cacheEvicted);
            userMemberships = new BoundedMap<>(capacity, ArborMetrics::cacheEvicted);
            answers = new BoundedMap<>(capacity, ArborMetrics::cacheEvicted);
            memberCounts = new BoundedMap<>(capacity, ArborMetrics::cacheEvicted);
        }

        /** Counts first, then drops: a reader that put after the drop sees the count moved and takes its put back. */
        private void drop(TreeChange change) {
            changes.incrementAndGet();
            answers.clear();
            if (change.dropsRealm()) {
                scopes.clear();
                scopeIdsByKey.clear();
                memberships.clear();
                holders.clear();
                userMemberships.clear();
                memberCounts.clear();
                schema.set(null);
                return;
            }
            change.scopes().forEach(scopes::remove);
            change.scopeKeys().forEach(scopeIdsByKey::remove);
            for (String key : change.memberships()) {
                memberships.remove(key);
                userMemberships.remove(userOf(key));
                memberCounts.remove(scopeOf(key));
            }
            change.holders().forEach(holders::remove);
        }
    }

    /**
     * What one session reads and fills: a realm's entries and their change count when the session began reading
     * the realm. Taken once per session, because Hibernate's session may hand out rows it read before: a session
     * that began before a change keeps nothing it loads after it.
     */
    static final class View {
        final Entries entries;
        private final long changesSeen;

        private View(Entries entries) {
            this.entries = entries;
            this.changesSeen = entries.changes.get();
        }

        /**
         * Keeps {@code value} unless a change was dropped since the view was taken. Answers that something does not
         * exist (an empty optional or list) are not kept: their keys may be whatever a caller sends, and a thousand
         * made-up ids must not fill the cache.
         */
        <V> void keep(BoundedMap<V> map, String key, V value) {
            if (!isAbsence(value)) {
                keepEvenAbsence(map, key, value);
            }
        }

        /**
         * As {@link #keep}, and an answer that nothing is there too. Only for a key made of things the caller has
         * read as existing: a token's evaluation asks for the user's membership at every scope of the path, mostly
         * to learn there is none, and the change that makes such a membership names its key as any other.
         */
        <V> void keepEvenAbsence(BoundedMap<V> map, String key, V value) {
            if (!unchanged()) {
                return;
            }
            if (map.putIfAbsent(key, value) == null && !unchanged()) {
                map.remove(key, value); // a drop ran between the check and the put, and may have missed it
            }
        }

        /** As {@link #keep}, for the schema in force; that a realm has none is kept too, it is one entry. */
        void keepSchema(Optional<StoredSchema> loaded) {
            if (unchanged() && entries.schema.compareAndSet(null, loaded) && !unchanged()) {
                entries.schema.compareAndSet(loaded, null);
            }
        }

        private boolean unchanged() {
            return entries.changes.get() == changesSeen;
        }
    }

    private static final Map<String, Entries> BY_REALM = new ConcurrentHashMap<>();

    private TreeCache() {
    }

    /** The realm's entries as they are now, for a session that begins reading the realm. */
    static View view(String realmId) {
        return new View(BY_REALM.computeIfAbsent(realmId, key -> new Entries(entriesPerMap)));
    }

    /** How many entries each map of a realm holds from now on; realms already cached keep theirs. */
    static void entriesPerMap(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("the tenancy cache holds at least 1 entry per kind and realm, not "
                    + entries);
        }
        entriesPerMap = entries;
    }

    /** Whether requests may read and fill the cache at all; set when the server starts. */
    static void share(boolean share) {
        shared = share;
        if (!share) {
            BY_REALM.clear();
        }
    }

    static boolean isShared() {
        return shared;
    }

    /** Drops what {@code change} names of the realm's entries; a change of the whole realm forgets the realm. */
    static void drop(String realmId, TreeChange change) {
        Entries entries = change.dropsRealm() ? BY_REALM.remove(realmId) : BY_REALM.get(realmId);
        if (entries != null) {
            entries.drop(change);
        }
    }

    /** The key of a user's membership at a scope in {@link Entries#memberships}. */
    static String membershipKey(String userId, String scopeId) {
        return scopeId + "\n" + userId;
    }

    /** The key of the answer to {@code question} about a user at a scope in {@link Entries#answers}. */
    static String answerKey(String question, String userId, String scopeId) {
        return question + "\n" + scopeId + "\n" + userId;
    }

    /** The key of a role's holders at a scope in {@link Entries#holders}. */
    static String holderKey(String scopeId, String role) {
        return scopeId + "\n" + role;
    }

    private static String userOf(String membershipKey) {
        return membershipKey.substring(membershipKey.indexOf('\n') + 1);
    }

    private static String scopeOf(String membershipKey) {
        return membershipKey.substring(0, membershipKey.indexOf('\n'));
    }

    private static boolean isAbsence(Object value) {
        return value instanceof Optional<?> optional && optional.isEmpty()
                || value instanceof java.util.Collection<?> collection && collection.isEmpty();
    }
}
