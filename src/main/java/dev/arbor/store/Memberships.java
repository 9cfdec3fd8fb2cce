package dev.arbor.store;

import dev.arbor.core.HolderLimit;
import dev.arbor.core.Membership;
import dev.arbor.store.jpa.ArborMembershipEntity;
import dev.arbor.store.jpa.ArborRoleAssignmentEntity;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Users' places at scopes and the roles they hold there, a limited role's holders each in a {@link Seats seat}. */
final class Memberships {

    private final StoreContext context;
    private final EntityManager em;
    private final Seats seats;

    Memberships(StoreContext context, Seats seats) {
        this.context = context;
        this.em = context.em;
        this.seats = seats;
    }

    List<Membership> all() {
        return context.database.withRoles(em.createQuery(
                        "select m from ArborMembershipEntity m where m.realmId = :realmId order by m.scopeId, m.userId",
                        ArborMembershipEntity.class)
                .setParameter("realmId", context.realmId)
                .getResultList());
    }

    /**
     * @param limit how many may hold the role at one scope
     * @throws ConflictException when the role is full (the database refused another seat)
     */
    void grant(String userId, String scopeId, String role, HolderLimit limit) {
        context.changing().membership(userId, scopeId).holder(scopeId, role);
        Optional<ArborMembershipEntity> held = row(userId, scopeId);
        if (held.isPresent() && roleRow(held.get().id, role).isPresent()) {
            return;
        }
        // the seat first: a full role is refused before anything is written, so no membership is left without a role
        Integer seat = limit.isBounded() ? seats.free(scopeId, role, limit.max()) : null;
        ArborMembershipEntity membership = held.orElseGet(() -> {
            ArborMembershipEntity row = newRow(userId, scopeId);
            context.writes.persist(row,
                    "user " + userId + " was made a member of " + scopeId + " by another request at the same time");
            return row;
        });
        ArborRoleAssignmentEntity row = newRoleRow(membership, role);
        row.seat = seat;
        context.writes.persist(row, "role " + role + " at scope " + scopeId + " has as many holders as it may");
        context.changed();
    }

    /** The membership goes with its last role. */
    void revoke(String userId, String scopeId, String role) {
        context.changing().membership(userId, scopeId).holder(scopeId, role);
        Optional<ArborMembershipEntity> membership = row(userId, scopeId);
        if (membership.isEmpty()) {
            return;
        }
        // statements rather than entity removals: a request racing this one for the same rows then deletes nothing,
        // where removing an entity another transaction deleted first would fail the whole request
        em.createQuery("delete from ArborRoleAssignmentEntity r where r.membershipId = :membershipId"
                        + " and r.roleName = :roleName")
                .setParameter("membershipId", membership.get().id)
                .setParameter("roleName", role)
                .executeUpdate();
        em.createQuery("delete from ArborMembershipEntity m where m.id = :id and not exists"
                        + " (select r.id from ArborRoleAssignmentEntity r where r.membershipId = m.id)")
                .setParameter("id", membership.get().id)
                .executeUpdate();
        em.detach(membership.get());
        context.changed();
    }

    void remove(List<Membership> memberships) {
        context.changing();
        List<ArborMembershipEntity> rows = new ArrayList<>();
        for (Membership membership : memberships) {
            row(membership.userId(), membership.scopeId()).ifPresent(rows::add);
        }
        delete(rows);
        context.changed();
    }

    void setOptions(String userId, String scopeId, Set<String> options) {
        context.changing().membership(userId, scopeId);
        ArborMembershipEntity row = row(userId, scopeId)
                .orElseThrow(() -> new IllegalArgumentException("user " + userId + " is not a member of " + scopeId));
        row.options = Rows.options(options);
        context.changed();
    }

    /** Deletes {@code rows} with their roles, naming them and the roles' holders in the request's change. */
    void delete(List<ArborMembershipEntity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        TreeChange change = context.changing();
        rows.forEach(row -> change.membership(row.userId, row.scopeId));
        for (List<String> batch : Writes.batches(rows.stream().map(row -> row.id).toList())) {
            if (!change.dropsRealm()) {
                em.createNamedQuery("arborRole.byMemberships", ArborRoleAssignmentEntity.class)
                        .setParameter("membershipIds", batch)
                        .getResultList()
                        .forEach(role -> change.holder(role.scopeId, role.roleName));
            }
            em.createNamedQuery("arborRole.deleteByMembershipIds").setParameter("membershipIds", batch)
                    .executeUpdate();
            // a statement, as in revoke: a membership that a racing request removed first is simply gone
            em.createQuery("delete from ArborMembershipEntity m where m.id in :ids").setParameter("ids", batch)
                    .executeUpdate();
        }
        rows.forEach(em::detach);
    }

    /** A new membership row, not yet persisted. */
    ArborMembershipEntity newRow(String userId, String scopeId) {
        ArborMembershipEntity row = new ArborMembershipEntity();
        row.id = UUID.randomUUID().toString();
        row.realmId = context.realmId;
        row.scopeId = scopeId;
        row.userId = userId;
        row.createdAt = System.currentTimeMillis();
        return row;
    }

    /** A new role row of the membership, without a seat, not yet persisted. */
    static ArborRoleAssignmentEntity newRoleRow(ArborMembershipEntity membership, String role) {
        ArborRoleAssignmentEntity row = new ArborRoleAssignmentEntity();
        row.id = UUID.randomUUID().toString();
        row.membershipId = membership.id;
        row.scopeId = membership.scopeId;
        row.userId = membership.userId;
        row.roleName = role;
        return row;
    }

    private Optional<ArborMembershipEntity> row(String userId, String scopeId) {
        return em.createNamedQuery("arborMembership.byScopeAndUser", ArborMembershipEntity.class)
                .setParameter("scopeId", scopeId)
                .setParameter("userId", userId)
                .getResultList().stream().findFirst();
    }

    private Optional<ArborRoleAssignmentEntity> roleRow(String membershipId, String role) {
        return em.createNamedQuery("arborRole.byMembershipAndRole", ArborRoleAssignmentEntity.class)
                .setParameter("membershipId", membershipId)
                .setParameter("roleName", role)
                .getResultList().stream().findFirst();
    }
}
