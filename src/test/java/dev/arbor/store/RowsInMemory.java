package dev.arbor.store;

import dev.arbor.store.jpa.ArborMembershipEntity;
import dev.arbor.store.jpa.ArborRoleAssignmentEntity;
import dev.arbor.store.jpa.ArborScopeEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The rows of one realm's tree in memory, behind an {@link EntityManager} that answers the queries the tree slices
 * ask. A test changes the rows as a committed transaction would, and may run something while a read is under way
 * ({@link #whileReading}), after the database answered and before the reader has the answer.
 */
final class RowsInMemory {

    final String realmId;
    final Map<String, ArborScopeEntity> scopes = new HashMap<>();
    final List<ArborMembershipEntity> memberships = new ArrayList<>();
    final List<ArborRoleAssignmentEntity> roles = new ArrayList<>();
    private Runnable whileReading;

    RowsInMemory(String realmId) {
        this.realmId = realmId;
    }

    ArborScopeEntity scope(String id, String parentId) {
        ArborScopeEntity row = new ArborScopeEntity();
        row.id = id;
        row.realmId = realmId;
        row.type = "account";
        row.name = id;
        row.attributes = "{}";
        row.parentId = parentId;
        row.ancestry = parentId == null ? "" : Rows.ancestryBelow(scopes.get(parentId));
        scopes.put(id, row);
        return row;
    }

    /** Gives {@code role} to the user at the scope, making the membership when needed. */
    void grant(String userId, String scopeId, String role) {
        ArborMembershipEntity membership = memberships.stream()
                .filter(row -> row.userId.equals(userId) && row.scopeId.equals(scopeId)).findFirst()
                .orElseGet(() -> {
                    ArborMembershipEntity row = new ArborMembershipEntity();
                    row.id = UUID.randomUUID().toString();
                    row.realmId = realmId;
                    row.scopeId = scopeId;
                    row.userId = userId;
                    memberships.add(row);
                    return row;
                });
        roles.add(Memberships.newRoleRow(membership, role));
    }

    /** Takes every role of the user at the scope, and so the membership. */
    void removeMembership(String userId, String scopeId) {
        List<String> gone = memberships.stream()
                .filter(row -> row.userId.equals(userId) && row.scopeId.equals(scopeId)).map(row -> row.id).toList();
        memberships.removeIf(row -> gone.contains(row.id));
        roles.removeIf(row -> gone.contains(row.membershipId));
    }

    /** Runs {@code action} once, when the next query has been answered and before its rows reach the reader. */
    void whileReading(Runnable action) {
        this.whileReading = action;
    }

    /** The caching slice over these rows, as a session that changed nothing and began reading now reads them. */
    CachingTreeSlice newSession() {
        return new CachingTreeSlice(new JpaTreeSlice(entityManager(), realmId), TreeCache.view(realmId), () -> true);
    }

    EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(RowsInMemory.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> answered(scopes.get((String) args[1]));
                    case "createNamedQuery" -> query((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private TypedQuery<Object> query(String name) {
        Map<String, Object> parameters = new HashMap<>();
        return (TypedQuery<Object>) Proxy.newProxyInstance(RowsInMemory.class.getClassLoader(),
                new Class<?>[] {TypedQuery.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        parameters.put((String) args[0], args[1]);
                        yield proxy;
                    }
                    case "getResultList" -> answered(rows(name, parameters));
                    case "getResultStream" -> answered(rows(name, parameters)).stream();
                    default -> method.getReturnType().isInstance(proxy) ? proxy : Optional.empty();
                });
    }

    private List<Object> rows(String name, Map<String, Object> parameters) {
        return switch (name) {
            case "arborScope.byIds" -> List.copyOf(scopes.values().stream()
                    .filter(row -> ((Collection<?>) parameters.get("ids")).contains(row.id)).toList());
            case "arborScope.byImportKey" -> List.of();
            case "arborMembership.byUser", "arborMembership.byScopeAndUser" -> List.copyOf(memberships.stream()
                    .filter(matches(parameters, "userId", row -> row.userId))
                    .filter(matches(parameters, "scopeId", row -> row.scopeId)).toList());
            case "arborRole.byMemberships" -> List.copyOf(roles.stream()
                    .filter(row -> ((Collection<?>) parameters.get("membershipIds")).contains(row.membershipId))
                    .toList());
            case "arborRole.holders" -> List.copyOf(roles.stream()
                    .filter(row -> row.scopeId.equals(parameters.get("scopeId"))
                            && row.roleName.equals(parameters.get("roleName")))
                    .map(row -> row.userId)
                    .toList());
            default -> throw new UnsupportedOperationException(name);
        };
    }

    private static Predicate<ArborMembershipEntity> matches(Map<String, Object> parameters, String name,
            java.util.function.Function<ArborMembershipEntity, String> column) {
        return row -> !parameters.containsKey(name) || parameters.get(name).equals(column.apply(row));
    }

    /** The database's answer, with whatever the test runs between answering and the reader getting it. */
    private <T> T answered(T answer) {
        Runnable action = whileReading;
        whileReading = null;
        if (action != null) {
            action.run();
        }
        return answer;
    }
}
