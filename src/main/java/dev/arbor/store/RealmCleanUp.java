package dev.arbor.store;

import dev.arbor.store.jpa.ArborMembershipEntity;
import dev.arbor.store.jpa.ArborScopeEntity;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Removes what Keycloak's own deletions leave behind: Arbor's rows refer to users and realms by plain columns, and
 * realm deletion fires no per-user events.
 */
final class RealmCleanUp {

    private final StoreContext context;
    private final EntityManager em;
    private final String realmId;
    private final Memberships memberships;
    private final Invitations invitations;

    RealmCleanUp(StoreContext context, Memberships memberships, Invitations invitations) {
        this.context = context;
        this.em = context.em;
        this.realmId = context.realmId;
        this.memberships = memberships;
        this.invitations = invitations;
    }

    /** @param email the user's address, or null */
    void deleteUser(String userId, String email) {
        TreeChange change = context.changing(); // the cache holds no invitations
        invitations.deleteOf(userId, email);
        List<ArborMembershipEntity> rows = em.createNamedQuery("arborMembership.byUser", ArborMembershipEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultList();
        if (!rows.isEmpty()) {
            // Keycloak deletes a user without Arbor's path locks, so a grant may add a role to one of these
            // memberships after their roles were read and before they are deleted: naming the roles read would
            // miss that role's holders
            change.wholeRealm();
        }
        memberships.delete(rows);
    }

    void deleteRealm() {
        context.changing().wholeRealm();
        List<String> membershipIds = em.createQuery(
                        "select m.id from ArborMembershipEntity m where m.realmId = :realmId", String.class)
                .setParameter("realmId", realmId).getResultList();
        for (List<String> batch : Writes.batches(membershipIds)) {
            em.createNamedQuery("arborRole.deleteByMembershipIds").setParameter("membershipIds", batch)
                    .executeUpdate();
        }
        em.createNamedQuery("arborMembership.deleteByRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("arborInvitation.deleteByRealm").setParameter("realmId", realmId).executeUpdate();
        List<ArborScopeEntity> scopes = em.createNamedQuery("arborScope.all", ArborScopeEntity.class)
                .setParameter("realmId", realmId).getResultList();
        for (int i = scopes.size() - 1; i >= 0; i--) {
            em.remove(scopes.get(i));
        }
        em.flush();
        em.createNamedQuery("arborSchema.deleteByRealm").setParameter("realmId", realmId).executeUpdate();
    }
}
