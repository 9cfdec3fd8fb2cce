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
 * The tree as the core sees it, read from the database on demand and remembered for the rest of the request: a
 * scope comes with all its ancestors in one query, and each membership or holder list is read at most once.
 */
final class JpaTreeSlice implements TreeSlice {

    private final EntityManager em;
    private final String realmId;
    private final Map<String, Optional<Scope>> scopes = new HashMap<>();
    private final Map<String, Optional<Membership>> memberships = new HashMap<>();
    private final Map<String, Set<String>> holders = new HashMap<>();
    private final Map<String, List<Membership>> userMemberships = new HashMap<>();

    JpaTreeSlice(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    @Override
    public Optional<Scope> scope(String scopeId) {
        Optional<Scope> known = scopes.get(scopeId);
        if (known != null) {
            return known;
        }
        ArborScopeEntity row = em.find(ArborScopeEntity.class, scopeId);
        if (row == null || !row.realmId.equals(realmId)) {
            scopes.put(scopeId, Optional.empty());
            return Optional.empty();
        }
        Scope scope = Rows.scope(row);
        scopes.put(scopeId, Optional.of(scope));
        List<String> missing = scope.ancestors().stream().filter(id -> !scopes.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            em.createNamedQuery("arborScope.byIds", ArborScopeEntity.class)
                    .setParameter("realmId", realmId)
                    .setParameter("ids", missing)
                    .getResultList()
                    .forEach(ancestor -> scopes.put(ancestor.id, Optional.of(Rows.scope(ancestor))));
        }
        return Optional.of(scope);
    }

    @Override
    public Optional<Membership> membership(String userId, String scopeId) {
        return memberships.computeIfAbsent(scopeId + "\n" + userId, key -> {
            List<ArborMembershipEntity> rows = em.createNamedQuery("arborMembership.byScopeAndUser",
                            ArborMembershipEntity.class)
                    .setParameter("scopeId", scopeId)
                    .setParameter("userId", userId)
                    .getResultList();
            return rows.isEmpty() ? Optional.empty() : Optional.of(withRoles(rows).get(0));
        });
    }

    @Override
    public Set<String> holders(String scopeId, String role) {
        return holders.computeIfAbsent(scopeId + "\n" + role, key -> new TreeSet<>(
                em.createNamedQuery("arborRole.holders", String.class)
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
        Optional<Scope> scope = scope(scopeId);
        if (scope.isEmpty()) {
            return List.of();
        }
        String prefix = String.join("", scope.get().ancestors().stream().map(id -> id + "/").toList())
                + scopeId + "/";
        List<String> below = em.createNamedQuery("arborScope.subtree", ArborScopeEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("prefix", prefix + "%")
                .getResultList().stream().map(row -> row.id).toList();
        if (below.isEmpty()) {
            return List.of();
        }
        return withRoles(em.createNamedQuery("arborMembership.byScopes", ArborMembershipEntity.class)
                .setParameter("scopeIds", below)
                .getResultList());
    }

    @Override
    public List<Membership> membershipsOf(String userId) {
        return userMemberships.computeIfAbsent(userId, user -> withRoles(
                em.createNamedQuery("arborMembership.byUser", ArborMembershipEntity.class)
                        .setParameter("realmId", realmId)
                        .setParameter("userId", user)
                        .getResultList()));
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
            result.add(Rows.membership(row, roles.get(row.id)));
        }
        return result;
    }

    /** Forgets what was read, after this request changed it. */
    void forget() {
        scopes.clear();
        memberships.clear();
        holders.clear();
        userMemberships.clear();
    }
}
