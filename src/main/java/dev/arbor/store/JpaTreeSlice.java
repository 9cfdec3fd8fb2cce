package dev.arbor.store;

import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.store.jpa.ArborMembershipEntity;
import dev.arbor.store.jpa.ArborRoleAssignmentEntity;
import dev.arbor.store.jpa.ArborScopeEntity;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The tree as the core sees it, read from the database on every call: a scope comes with its ancestors in one more
 * query, each membership or holder list in one. Remembering answers is {@link CachingTreeSlice}'s job.
 */
final class JpaTreeSlice implements TreeSlice {

    private final EntityManager em;
    private final String realmId;

    JpaTreeSlice(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    @Override
    public Optional<Scope> scope(String scopeId) {
        return withAncestors(scopeId, id -> false).get(scopeId);
    }

    /**
     * The scope (empty when the realm has none of that id) and those of its ancestors that are not {@code known},
     * in at most two queries.
     */
    Map<String, Optional<Scope>> withAncestors(String scopeId, Predicate<String> known) {
        Map<String, Optional<Scope>> loaded = new HashMap<>();
        ArborScopeEntity row = em.find(ArborScopeEntity.class, scopeId);
        if (row == null || !row.realmId.equals(realmId)) {
            loaded.put(scopeId, Optional.empty());
            return loaded;
        }
        Scope scope = Rows.scope(row);
        loaded.put(scopeId, Optional.of(scope));
        List<String> missing = scope.ancestors().stream().filter(known.negate()).toList();
        if (!missing.isEmpty()) {
            em.createNamedQuery("arborScope.byIds", ArborScopeEntity.class)
                    .setParameter("realmId", realmId)
                    .setParameter("ids", missing)
                    .getResultList()
                    .forEach(ancestor -> loaded.put(ancestor.id, Optional.of(Rows.scope(ancestor))));
        }
        return loaded;
    }

    /** The id of the scope whose import key is {@code key}, if one has it. */
    Optional<String> scopeIdByImportKey(String key) {
        return em.createNamedQuery("arborScope.byImportKey", ArborScopeEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("importKey", key)
                .getResultList().stream().findFirst().map(row -> row.id);
    }

    @Override
    public Optional<Membership> membership(String userId, String scopeId) {
        return withRoles(em.createNamedQuery("arborMembership.byScopeAndUser", ArborMembershipEntity.class)
                .setParameter("scopeId", scopeId)
                .setParameter("userId", userId)
                .getResultList()).stream().findFirst();
    }

    @Override
    public Set<String> holders(String scopeId, String role) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(em.createNamedQuery("arborRole.holders", String.class)
                .setParameter("scopeId", scopeId)
                .setParameter("roleName", role)
                .getResultList()));
    }

    @Override
    public List<Membership> members(String scopeId) {
        return withRoles(em.createNamedQuery("arborMembership.byScope", ArborMembershipEntity.class)
                .setParameter("scopeId", scopeId)
                .getResultList());
    }

    @Override
    public List<Membership> membersBelow(String scopeId) {
        return scope(scopeId).map(this::membersBelow).orElse(List.of());
    }

    /** The memberships at scopes strictly below {@code scope}. */
    List<Membership> membersBelow(Scope scope) {
        List<String> below = subtreeRows(scope).stream().map(row -> row.id).toList();
        if (below.isEmpty()) {
            return List.of();
        }
        return withRoles(em.createNamedQuery("arborMembership.byScopes", ArborMembershipEntity.class)
                .setParameter("scopeIds", below)
                .getResultList());
    }

    @Override
    public List<Scope> scopesBelow(String scopeId) {
        return scope(scopeId).map(this::scopesBelow).orElse(List.of());
    }

    /** The scopes strictly below {@code scope}, parents before their children. */
    List<Scope> scopesBelow(Scope scope) {
        List<Scope> below = new ArrayList<>(subtreeRows(scope).stream().map(Rows::scope).toList());
        below.sort(Comparator.comparingInt((Scope each) -> each.ancestors().size()).thenComparing(Scope::id));
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
        return List.copyOf(withRoles(em.createNamedQuery("arborMembership.byUser", ArborMembershipEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultList()));
    }

    /** Users' memberships, a query per batch of users and one per batch of their memberships for the roles. */
    @Override
    public Map<String, List<Membership>> membershipsOfUsers(Collection<String> userIds) {
        Map<String, List<Membership>> byUser = new LinkedHashMap<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(userIds));
        distinct.forEach(userId -> byUser.put(userId, new ArrayList<>()));
        for (List<String> batch : Writes.batches(distinct)) {
            withRoles(em.createNamedQuery("arborMembership.byUsers", ArborMembershipEntity.class)
                    .setParameter("realmId", realmId)
                    .setParameter("userIds", batch)
                    .getResultList())
                    .forEach(membership -> byUser.get(membership.userId()).add(membership));
        }
        byUser.replaceAll((userId, memberships) -> List.copyOf(memberships));
        return byUser;
    }

    /** Memberships with their roles, read in one more query. */
    List<Membership> withRoles(List<ArborMembershipEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        rows.forEach(row -> roles.put(row.id, new LinkedHashSet<>()));
        for (List<String> batch : Writes.batches(new ArrayList<>(roles.keySet()))) {
            em.createNamedQuery("arborRole.byMemberships", ArborRoleAssignmentEntity.class)
                    .setParameter("membershipIds", batch)
                    .getResultList()
                    .forEach(role -> roles.get(role.membershipId).add(role.roleName));
        }
        List<Membership> result = new ArrayList<>(rows.size());
        for (ArborMembershipEntity row : rows) {
            if (!roles.get(row.id).isEmpty()) { // a membership without a role grants nothing and is nobody's
                result.add(Rows.membership(row, roles.get(row.id)));
            }
        }
        return result;
    }
}
