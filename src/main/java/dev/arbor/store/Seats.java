package dev.arbor.store;

import dev.arbor.store.jpa.ArborRoleAssignmentEntity;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbered seats of a role limited to N holders per scope: a holder takes the lowest free one, and the
 * database's unique key on (scope, role, seat) refuses an N+1st holder whatever races happen above it.
 */
final class Seats {

    private final EntityManager em;

    Seats(EntityManager em) {
        this.em = em;
    }

    /**
     * The lowest free seat of {@code role} at {@code scopeId}.
     *
     * @throws ConflictException when all {@code max} are taken
     */
    int free(String scopeId, String role, int max) {
        Set<Integer> taken = new HashSet<>(em.createNamedQuery("arborRole.seats", Integer.class)
                .setParameter("scopeId", scopeId)
                .setParameter("roleName", role)
                .getResultList());
        return lowestFree(taken, max, scopeId, role);
    }

    /** The seats taken at {@code scopeIds}, per scope and role ({@link #key}), in one query. */
    Map<String, Set<Integer>> takenAt(List<String> scopeIds) {
        Map<String, Set<Integer>> seats = new HashMap<>();
        if (scopeIds.isEmpty()) {
            return seats;
        }
        for (ArborRoleAssignmentEntity row : em.createNamedQuery("arborRole.seatsAt", ArborRoleAssignmentEntity.class)
                .setParameter("scopeIds", scopeIds)
                .getResultList()) {
            seats.computeIfAbsent(key(row.scopeId, row.roleName), key -> new HashSet<>()).add(row.seat);
        }
        return seats;
    }

    static String key(String scopeId, String role) {
        return scopeId + "\n" + role;
    }

    /**
     * Takes the lowest seat not in {@code taken} (and marks it taken).
     *
     * @throws ConflictException when all {@code max} are taken
     */
    static int lowestFree(Set<Integer> taken, int max, String scopeId, String role) {
        for (int seat = 1; seat <= max; seat++) {
            if (taken.add(seat)) {
                return seat;
            }
        }
        throw new ConflictException("role " + role + " at scope " + scopeId + " has as many holders as it may", null);
    }
}
