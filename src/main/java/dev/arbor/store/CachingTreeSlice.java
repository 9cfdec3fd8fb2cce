package dev.arbor.store;

import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The tree over {@link JpaTreeSlice}, remembered for the rest of the request and, between requests, in this node's
 * {@link TreeCache}: what the node has is taken from there, what the database had to answer is kept there for the
 * next request. A request that changed the realm's tenancy reads only the database, which shows it its own changes
 * before they are committed.
 */
final class CachingTreeSlice implements TreeSlice {

    private final JpaTreeSlice database;
    private final TreeCache.View view;
    private final BooleanSupplier mayShare;
    private final Map<String, Optional<Scope>> scopes = new HashMap<>();
    private final Map<String, Optional<String>> scopeIdsByKey = new HashMap<>();
    private final Map<String, Optional<Membership>> memberships = new HashMap<>();
    private final Map<String, Set<String>> holders = new HashMap<>();
    private final Map<String, UserMemberships> userMemberships = new HashMap<>();
    private final Map<String, Optional<?>> answers = new HashMap<>();
    private final Map<String, Long> memberCounts = new HashMap<>();
    private final Set<String> existingUsers = new HashSet<>();

    /**
     * @param view the session's view of the realm's entries in the node's cache
     * @param mayShare whether this request may read and fill the node's cache (false once it changed the realm)
     */
    CachingTreeSlice(JpaTreeSlice database, TreeCache.View view, BooleanSupplier mayShare) {
        this.database = database;
        this.view = view;
        this.mayShare = mayShare;
    }

    /** The realm's cache entries, or null when this request must not use them. */
    private TreeCache.Entries shared() {
        return mayShare.getAsBoolean() ? view.entries : null;
    }

    /** Local memo, then the node's cache, then {@code load}; what was loaded is cached unless a change raced it. */
    private <V> V read(Map<String, V> local, Function<TreeCache.Entries, BoundedMap<V>> cache, String key,
            Supplier<V> load) {
        return read(local, cache, key, load, false, ArborMetrics::cache);
    }

    /** As above; {@code absenceToo}: an answer that nothing is there is cached as well ({@link TreeCache.View}). */
    private <V> V read(Map<String, V> local, Function<TreeCache.Entries, BoundedMap<V>> cache, String key,
            Supplier<V> load, boolean absenceToo) {
        return read(local, cache, key, load, absenceToo, ArborMetrics::cache);
    }

    /** As above, counting the read as {@code count} says. */
    private <V> V read(Map<String, V> local, Function<TreeCache.Entries, BoundedMap<V>> cache, String key,
            Supplier<V> load, boolean absenceToo, Consumer<Boolean> count) {
        V known = local.get(key);
        if (known != null) {
            return known;
        }
        TreeCache.Entries entries = shared();
        if (entries != null) {
            V cached = cache.apply(entries).get(key);
            if (cached != null) {
                count.accept(true);
                local.put(key, cached);
                return cached;
            }
            count.accept(false);
        }
        V loaded = load.get();
        local.put(key, loaded);
        if (entries != null && absenceToo) {
            view.keepEvenAbsence(cache.apply(entries), key, loaded);
        } else if (entries != null) {
            view.keep(cache.apply(entries), key, loaded);
        }
        return loaded;
    }

    /**
     * The schema in force, kept with the tree because the token path reads both; not remembered per request.
     *
     * @param load reads it from the database
     */
    Optional<StoredSchema> activeSchema(Supplier<Optional<StoredSchema>> load) {
        TreeCache.Entries entries = shared();
        Optional<StoredSchema> cached = entries == null ? null : entries.schema.get();
        if (cached != null) {
            return cached;
        }
        Optional<StoredSchema> schema = load.get();
        if (entries != null) {
            view.keepSchema(schema);
        }
        return schema;
    }

    @Override
    public Optional<Scope> scope(String scopeId) {
        Optional<Scope> known = scopes.get(scopeId);
        if (known != null) {
            return known;
        }
        TreeCache.Entries entries = shared();
        Map<String, Optional<Scope>> path = entries == null ? null : cachedPath(entries, scopeId);
        if (path != null) {
            ArborMetrics.cache(true);
            scopes.putAll(path);
            return path.get(scopeId);
        }
        if (entries != null) {
            ArborMetrics.cache(false);
        }
        Map<String, Optional<Scope>> loaded = database.withAncestors(scopeId, scopes::containsKey);
        scopes.putAll(loaded);
        if (entries != null) {
            loaded.forEach((id, scope) -> view.keep(entries.scopes, id, scope));
        }
        return loaded.get(scopeId);
    }

    /** The scope with all its ancestors from the node's cache, or null when it lacks any of them. */
    private static Map<String, Optional<Scope>> cachedPath(TreeCache.Entries entries, String scopeId) {
        Optional<Scope> cached = entries.scopes.get(scopeId);
        if (cached == null) {
            return null;
        }
        Map<String, Optional<Scope>> path = new HashMap<>();
        path.put(scopeId, cached);
        for (String ancestorId : cached.map(Scope::ancestors).orElse(List.of())) {
            Optional<Scope> ancestor = entries.scopes.get(ancestorId); // dropped or evicted meanwhile: null
            if (ancestor == null) {
                return null;
            }
            path.put(ancestorId, ancestor);
        }
        return path;
    }

    /** The scope a client or an import file calls {@code key}: by its import key, else by its id. */
    Optional<Scope> scopeByKey(String key) {
        return read(scopeIdsByKey, entries -> entries.scopeIdsByKey, key,
                () -> database.scopeIdByImportKey(key).or(() -> scope(key).map(Scope::id)))
                .flatMap(this::scope);
    }

    @Override
    public Optional<Membership> membership(String userId, String scopeId) {
        UserMemberships all = knownMembershipsOf(userId);
        if (all != null) {
            // the user's whole list answers "not a member" too, without an entry per scope
            return all.at(scopeId);
        }
        // "not a member" at a scope this request has read: the question every level of a token's path asks
        Optional<Scope> scope = scopes.get(scopeId);
        return read(memberships, entries -> entries.memberships, TreeCache.membershipKey(userId, scopeId),
                () -> database.membership(userId, scopeId), scope != null && scope.isPresent());
    }

    /** The user's memberships when this request or the node's cache has them already; null otherwise. */
    private UserMemberships knownMembershipsOf(String userId) {
        UserMemberships known = userMemberships.get(userId);
        if (known != null) {
            return known;
        }
        TreeCache.Entries entries = shared();
        UserMemberships cached = entries == null ? null : entries.userMemberships.get(userId);
        if (cached != null) {
            ArborMetrics.cache(true);
            userMemberships.put(userId, cached);
        }
        return cached;
    }

    @Override
    public Set<String> holders(String scopeId, String role) {
        // "nobody holds it" at a scope this request has read: what a token asks of a vacant owner role every time
        Optional<Scope> scope = scopes.get(scopeId);
        return read(holders, entries -> entries.holders, TreeCache.holderKey(scopeId, role),
                () -> database.holders(scopeId, role), scope != null && scope.isPresent());
    }

    @Override
    public List<Membership> members(String scopeId) {
        return database.members(scopeId);
    }

    @Override
    public List<Membership> membersBelow(String scopeId) {
        return scope(scopeId).map(database::membersBelow).orElse(List.of());
    }

    @Override
    public List<Scope> scopesBelow(String scopeId) {
        List<Scope> below = scope(scopeId).map(database::scopesBelow).orElse(List.of());
        // their ancestors are the scope's path and each other: the decisions on them need no further query
        below.forEach(each -> scopes.putIfAbsent(each.id(), Optional.of(each)));
        return below;
    }

    /** For a user {@link #existingUser known to exist}, "none" is kept too: every token of such a user asks it. */
    @Override
    public List<Membership> membershipsOf(String userId) {
        return read(userMemberships, entries -> entries.userMemberships, userId,
                () -> UserMemberships.of(database.membershipsOf(userId)), existingUsers.contains(userId));
    }

    /** {@code userId} is a user Keycloak has (a token's subject, a user signing in), not an id a client sent. */
    void existingUser(String userId) {
        existingUsers.add(userId);
    }

    /** What this request or the node's cache knows, and the rest from the database in bulk, kept as one by one. */
    @Override
    public Map<String, List<Membership>> membershipsOfUsers(Collection<String> userIds) {
        Map<String, List<Membership>> byUser = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        TreeCache.Entries entries = shared();
        for (String userId : new LinkedHashSet<>(userIds)) {
            UserMemberships known = userMemberships.get(userId);
            if (known == null && entries != null) {
                known = entries.userMemberships.get(userId);
                ArborMetrics.cache(known != null);
            }
            if (known == null) {
                missing.add(userId);
            } else {
                byUser.put(userId, known);
            }
        }
        database.membershipsOfUsers(missing).forEach((userId, list) -> {
            UserMemberships loaded = UserMemberships.of(list);
            userMemberships.put(userId, loaded);
            if (entries != null) {
                view.keep(entries.userMemberships, userId, loaded);
            }
            byUser.put(userId, loaded);
        });
        return byUser;
    }

    /**
     * The answer to {@code question} about a user at a scope, decided by {@code decide} from this tree alone and kept
     * like the entries it rests on, but dropped by any change of the realm; an empty answer is not kept.
     */
    @SuppressWarnings("unchecked")
    <V> Optional<V> answer(String question, String userId, String scopeId, Supplier<Optional<V>> decide) {
        Supplier<Optional<?>> decided = decide::get;
        return (Optional<V>) read(answers, entries -> entries.answers, TreeCache.answerKey(question, userId, scopeId),
                decided, false, ArborMetrics::answer);
    }

    /** How many members the scope has, as this request or the node's cache knows; null when neither does. */
    Long knownMemberCount(String scopeId) {
        Long known = memberCounts.get(scopeId);
        TreeCache.Entries entries = shared();
        if (known == null && entries != null) {
            known = entries.memberCounts.get(scopeId);
            ArborMetrics.cache(known != null);
            if (known != null) {
                memberCounts.put(scopeId, known);
            }
        }
        return known;
    }

    /** The member count the database gave with a page of the scope's members: kept unless a change raced it. */
    void memberCountRead(String scopeId, long count) {
        memberCounts.put(scopeId, count);
        TreeCache.Entries entries = shared();
        if (entries != null) {
            view.keep(entries.memberCounts, scopeId, count);
        }
    }

    /** Forgets what this request read, after it changed it; the node's cache is dropped when its transaction ends. */
    void forget() {
        scopes.clear();
        scopeIdsByKey.clear();
        memberships.clear();
        holders.clear();
        userMemberships.clear();
        answers.clear();
        memberCounts.clear();
    }
}
