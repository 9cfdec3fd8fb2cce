package dev.arbor.store;

import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tree as the core sees it, read on demand and remembered for the rest of the request: from this node's
 * {@link TreeCache} when it has it, else from the database (a scope comes with all its ancestors in one query,
 * each membership or holder list in one), then kept in the cache for the next request. A request that changed
 * the realm's tenancy reads only the database, which shows it its own changes before they are committed.
 */
final class JpaTreeSlice implements TreeSlice {

    private final EntityManager em;
    private final String realmId;
    private final java.util.function.BooleanSupplier mayShare;
    private final Map<String, Optional<Scope>> scopes = new HashMap<>();
    private final Map<String, Optional<String>> scopeIdsByKey = new HashMap<>();
    private final Map<String, Optional<Membership>> memberships = new HashMap<>();
    private final Map<String, Set<String>> holders = new HashMap<>();
    private final Map<String, List<Membership>> userMemberships = new HashMap<>();

    /**
     * @param mayShare whether this request may read and fill the node's cache (false once it changed the realm)
     */
    JpaTreeSlice(EntityManager em, String realmId, java.util.function.BooleanSupplier mayShare) {
        this.em = em;
        this.realmId = realmId;
        this.mayShare = mayShare;
    }

    /** The realm's current cache entries, or null when this request must not use them. */
    private TreeCache.Entries shared() {
        return mayShare.getAsBoolean() ? TreeCache.of(realmId) : null;
    }

    /** Local memo, then the node's cache, then {@code load}; what was loaded is cached while still current. */
    private <V> V read(Map<String, V> local, java.util.function.Function<TreeCache.Entries, Map<String, V>> cache,
            String key, java.util.function.Supplier<V> load) {
        V known = local.get(key);
        if (known != null) {
            return known;
        }
        TreeCache.Entries entries = shared();
        if (entries != null) {
            V cached = cache.apply(entries).get(key);
            if (cached != null) {
                ArborMetrics.cache(true);
                local.put(key, cached);
                return cached;
            }
            ArborMetrics.cache(false);
        }
        V loaded = load.get();
        local.put(key, loaded);
        if (entries != null && TreeCache.isCurrent(realmId, entries)) {
            TreeCache.keep(cache.apply(entries), key, loaded);
        }
        return loaded;
    }

    @Override
    public Optional<Scope> scope(String scopeId) {
        Optional<Scope> known = scopes.get(scopeId);
        if (known != null) {
            return known;
        }
        TreeCache.Entries entries = shared();
        Optional<Scope> cached = entries == null ? null : entries.scopes.get(scopeId);
        if (cached != null && cached.map(scope -> scope.ancestors().stream().allMatch(entries.scopes::containsKey))
                .orElse(true)) {
            ArborMetrics.cache(true);
            scopes.put(scopeId, cached);
            cached.ifPresent(scope -> scope.ancestors().forEach(id -> scopes.put(id, entries.scopes.get(id))));
            return cached;
        }
        if (entries != null) {
            ArborMetrics.cache(false);
        }
        Map<String, Optional<Scope>> loaded = loadWithAncestors(scopeId);
        scopes.putAll(loaded);
        if (entries != null && TreeCache.isCurrent(realmId, entries)) {
            loaded.forEach((id, scope) -> TreeCache.keep(entries.scopes, id, scope));
        }
        return loaded.get(scopeId);
    }

    /** The scope and the ancestors this request has not read yet, in at most two queries. */
    private Map<String, Optional<Scope>> loadWithAncestors(String scopeId) {
        Map<String, Optional<Scope>> loaded = new HashMap<>();
        ArborScopeEntity row = em.find(ArborScopeEntity.class, scopeId);
        if (row == null || !row.realmId.equals(realmId)) {
            loaded.put(scopeId, Optional.empty());
            return loaded;
        }
        Scope scope = Rows.scope(row);
        loaded.put(scopeId, Optional.of(scope));
        List<String> missing = scope.ancestors().stream().filter(id -> !scopes.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            em.createNamedQuery("arborScope.byIds", ArborScopeEntity.class)
                    .setParameter("realmId", realmId)
                    .setParameter("ids", missing)
                    .getResultList()
                    .forEach(ancestor -> loaded.put(ancestor.id, Optional.of(Rows.scope(ancestor))));
        }
        return loaded;
    }

    /** The scope a client or an import file calls {@code key}: by its import key, else by its id. */
    Optional<Scope> scopeByKey(String key) {
        return read(scopeIdsByKey, entries -> entries.scopeIdsByKey, key, () -> {
            Optional<String> byKey = em.createNamedQuery("arborScope.byImportKey", ArborScopeEntity.class)
                    .setParameter("realmId", realmId)
                    .setParameter("importKey", key)
                    .getResultList().stream().findFirst().map(row -> row.id);
            return byKey.isPresent() ? byKey : scope(key).map(Scope::id);
        }).flatMap(this::scope);
    }

    @Override
    public Optional<Membership> membership(String userId, String scopeId) {
        List<Membership> all = knownMembershipsOf(userId);
        if (all != null) {
            // the user's whole list answers "not a member" too, which is never cached on its own
            return all.stream().filter(membership -> membership.scopeId().equals(scopeId)).findFirst();
        }
        return read(memberships, entries -> entries.memberships, scopeId + "\n" + userId, () -> {
            List<ArborMembershipEntity> rows = em.createNamedQuery("arborMembership.byScopeAndUser",
                            ArborMembershipEntity.class)
                    .setParameter("scopeId", scopeId)
                    .setParameter("userId", userId)
                    .getResultList();
            return withRoles(rows).stream().findFirst();
        });
    }

    /** The user's memberships when this request or the node's cache has them already; null otherwise. */
    private List<Membership> knownMembershipsOf(String userId) {
        List<Membership> known = userMemberships.get(userId);
        if (known != null) {
            return known;
        }
        TreeCache.Entries entries = shared();
        List<Membership> cached = entries == null ? null : entries.userMemberships.get(userId);
        if (cached != null) {
            ArborMetrics.cache(true);
            userMemberships.put(userId, cached);
        }
        return cached;
    }

    @Override
    public Set<String> holders(String scopeId, String role) {
        return read(holders, entries -> entries.holders, scopeId + "\n" + role, () ->
                java.util.Collections.unmodifiableSortedSet(new TreeSet<>(
                        em.createNamedQuery("arborRole.holders", String.class)
                                .setParameter("scopeId", scopeId)
                                .setParameter("roleName", role)
                                .getResultList())));
    }

    @Override
    public List<Membership> members(String scopeId) {
        return withRoles(em.createNamedQuery("arborMembership.byScope", ArborMembershipEntity.class)
                .setParameter("scopeId", scopeId)
                .getResultList());
    }

    @Override
    public List<Membership> membersBelow(String scopeId) {
        Optional<Scope> scope = scope(scopeId);
        if (scope.isEmpty()) {
            return List.of();
        }
        List<String> below = subtreeRows(scope.get()).stream().map(row -> row.id).toList();
        if (below.isEmpty()) {
            return List.of();
        }
        return withRoles(em.createNamedQuery("arborMembership.byScopes", ArborMembershipEntity.class)
                .setParameter("scopeIds", below)
                .getResultList());
    }

    @Override
    public List<Scope> scopesBelow(String scopeId) {
        Optional<Scope> scope = scope(scopeId);
        if (scope.isEmpty()) {
            return List.of();
        }
        List<Scope> below = new ArrayList<>(subtreeRows(scope.get()).stream().map(Rows::scope).toList());
        below.sort(java.util.Comparator.comparingInt((Scope each) -> each.ancestors().size())
                .thenComparing(Scope::id));
        // their ancestors are the scope's path and each other: the decisions on them need no further query
        below.forEach(each -> scopes.putIfAbsent(each.id(), Optional.of(each)));
        return below;
    }

    /** The rows of the scopes strictly below {@code scope}, found by their stored ancestry. */
    private List<ArborScopeEntity> subtreeRows(Scope scope) {
        String prefix = String.join("", scope.ancestors().stream().map(id -> id + "/").toList()) + scope.id() + "/";
        return em.createNamedQuery("arborScope.subtree", ArborScopeEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("prefix", prefix + "%")
                .getResultList();
    }

    @Override
    public List<Membership> membershipsOf(String userId) {
        return read(userMemberships, entries -> entries.userMemberships, userId, () -> List.copyOf(withRoles(
                em.createNamedQuery("arborMembership.byUser", ArborMembershipEntity.class)
                        .setParameter("realmId", realmId)
                        .setParameter("userId", userId)
                        .getResultList())));
    }

    /** Memberships with their roles, read in one more query. */
    List<Membership> withRoles(List<ArborMembershipEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        rows.forEach(row -> roles.put(row.id, new LinkedHashSet<>()));
        em.createNamedQuery("arborRole.byMemberships", ArborRoleAssignmentEntity.class)
                .setParameter("membershipIds", new ArrayList<>(roles.keySet()))
                .getResultList()
                .forEach(role -> roles.get(role.membershipId).add(role.roleName));
        List<Membership> result = new ArrayList<>(rows.size());
        for (ArborMembershipEntity row : rows) {
            if (!roles.get(row.id).isEmpty()) { // a membership without a role grants nothing and is nobody's
                result.add(Rows.membership(row, roles.get(row.id)));
            }
        }
        return result;
    }

    /** Forgets what was read, after this request changed it. */
    void forget() {
        scopes.clear();
        scopeIdsByKey.clear();
        memberships.clear();
        holders.clear();
        userMemberships.clear();
    }
}
