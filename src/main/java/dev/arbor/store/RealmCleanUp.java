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
        context.changing(); // the cache holds no invitations; the memberships name themselves
        invitations.deleteOf(userId, email);
        memberships.delete(em.createNamedQuery("arborMembership.byUser", ArborMembershipEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultList());
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
