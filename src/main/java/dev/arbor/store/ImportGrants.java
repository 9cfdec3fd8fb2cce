package dev.arbor.store;

import dev.arbor.store.TenancyStore.Grant;
import dev.arbor.store.jpa.ArborMembershipEntity;
import dev.arbor.store.jpa.ArborRoleAssignmentEntity;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Many roles given at once, as an import does: what is held already is left alone, the rest is written in two
 * flushes. What it needs is read in a few queries per batch of grants, so an import's cost grows with its own size,
 * not with the size of the scopes it adds to.
 */
final class ImportGrants {

    private final StoreContext context;
    private final EntityManager em;
    private final Memberships memberships;
    private final Seats seats;

    ImportGrants(StoreContext context, Memberships memberships, Seats seats) {
        this.context = context;
        this.em = context.em;
        this.memberships = memberships;
        this.seats = seats;
    }

    /**
     * @return how many roles were given
     * @throws ConflictException when the database refused a row another request wrote at the same time
     */
    int grantAll(List<Grant> grants) {
        if (grants.isEmpty()) {
            return 0;
        }
        TreeChange change = context.changing();
        Map<String, ArborMembershipEntity> byPair = new HashMap<>();
        Set<String> held = new HashSet<>();
        Map<String, Set<Integer>> taken = new HashMap<>();
        for (List<Grant> batch : Writes.batches(grants)) {
            readHeld(batch, byPair, held);
            seats.takenAt(batch.stream().filter(grant -> grant.limit().isBounded())
                            .map(Grant::scopeId).distinct().toList())
                    .forEach((key, seatsOfRole) -> taken.computeIfAbsent(key, any -> new HashSet<>())
                            .addAll(seatsOfRole));
        }
        List<Grant> toGive = new ArrayList<>();
        for (Grant grant : grants) {
            String pair = pair(grant.scopeId(), grant.userId());
            if (held.add(pair + "\n" + grant.role())) {
                toGive.add(grant);
                // what is held already changes nothing: importing a file again keeps the cache
                change.membership(grant.userId(), grant.scopeId()).holder(grant.scopeId(), grant.role());
                byPair.computeIfAbsent(pair, key -> {
                    ArborMembershipEntity row = memberships.newRow(grant.userId(), grant.scopeId());
                    em.persist(row);
                    return row;
                });
            }
        }
        // the roles refer to the memberships by a plain column, so Hibernate would not order their inserts
        context.writes.flush("another request made one of these memberships at the same time; import again");
        for (Grant grant : toGive) {
            ArborRoleAssignmentEntity row = Memberships.newRoleRow(byPair.get(pair(grant.scopeId(), grant.userId())),
                    grant.role());
            if (grant.limit().isBounded()) {
                row.seat = Seats.lowestFree(taken.computeIfAbsent(Seats.key(grant.scopeId(), grant.role()),
                        key -> new HashSet<>()), grant.limit().max(), grant.scopeId(), grant.role());
            }
            em.persist(row);
        }
        context.writes.flush("another request gave one of these roles at the same time; import again");
        context.changed();
        return toGive.size();
    }

    private static String pair(String scopeId, String userId) {
        return scopeId + "\n" + userId;
    }

    /** The memberships of the batch's (scope, user) pairs and the roles they hold, in two queries. */
    private void readHeld(List<Grant> batch, Map<String, ArborMembershipEntity> byPair, Set<String> held) {
        Set<String> pairs = new HashSet<>();
        batch.forEach(grant -> pairs.add(pair(grant.scopeId(), grant.userId())));
        List<ArborMembershipEntity> rows = em.createNamedQuery("arborMembership.byScopesAndUsers",
                        ArborMembershipEntity.class)
                .setParameter("scopeIds", batch.stream().map(Grant::scopeId).distinct().toList())
                .setParameter("userIds", batch.stream().map(Grant::userId).distinct().toList())
                .getResultList();
        Map<String, String> pairById = new HashMap<>();
        for (ArborMembershipEntity row : rows) {
            String pair = pair(row.scopeId, row.userId);
            if (pairs.contains(pair)) {
                byPair.put(pair, row);
                pairById.put(row.id, pair);
            }
        }
        if (!pairById.isEmpty()) {
            em.createNamedQuery("arborRole.byMemberships", ArborRoleAssignmentEntity.class)
                    .setParameter("membershipIds", new ArrayList<>(pairById.keySet()))
                    .getResultList()
                    .forEach(role -> held.add(pairById.get(role.membershipId) + "\n" + role.roleName));
        }
    }
}
