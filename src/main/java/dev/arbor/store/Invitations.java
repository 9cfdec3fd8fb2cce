package dev.arbor.store;

import dev.arbor.store.jpa.ArborInvitationEntity;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Offers of roles at a scope to an e-mail address, stored normalised; each is decided once. */
final class Invitations {

    private final EntityManager em;
    private final String realmId;

    Invitations(StoreContext context) {
        this.em = context.em;
        this.realmId = context.realmId;
    }

    Invitation invite(String scopeId, String email, List<String> roles, String inviterId, long expiresAt) {
        ArborInvitationEntity row = new ArborInvitationEntity();
        row.id = UUID.randomUUID().toString();
        row.realmId = realmId;
        row.scopeId = scopeId;
        row.email = Invitation.normalizedEmail(email);
        row.roles = String.join(" ", roles);
        row.inviterId = inviterId;
        row.createdAt = System.currentTimeMillis();
        row.expiresAt = expiresAt;
        row.status = Invitation.PENDING;
        em.persist(row);
        return Invitation.of(row);
    }

    Invitation renew(String invitationId, List<String> roles, String inviterId, long expiresAt) {
        ArborInvitationEntity row = row(invitationId)
                .orElseThrow(() -> new IllegalArgumentException("no invitation " + invitationId));
        row.roles = String.join(" ", roles);
        row.inviterId = inviterId;
        row.expiresAt = expiresAt;
        return Invitation.of(row);
    }

    Optional<Invitation> open(String scopeId, String email) {
        return em.createNamedQuery("arborInvitation.openByScopeAndEmail", ArborInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("scopeId", scopeId)
                .setParameter("email", Invitation.normalizedEmail(email))
                .setParameter("now", System.currentTimeMillis())
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(Invitation::of);
    }

    long countOpenFrom(String inviterId) {
        return em.createNamedQuery("arborInvitation.countOpenByInviter", Long.class)
                .setParameter("realmId", realmId)
                .setParameter("inviterId", inviterId)
                .setParameter("now", System.currentTimeMillis())
                .getSingleResult();
    }

    long countOpenTo(String email) {
        return em.createNamedQuery("arborInvitation.countOpenByEmail", Long.class)
                .setParameter("realmId", realmId)
                .setParameter("email", Invitation.normalizedEmail(email))
                .setParameter("now", System.currentTimeMillis())
                .getSingleResult();
    }

    Optional<Invitation> get(String invitationId) {
        return row(invitationId).map(Invitation::of);
    }

    List<Invitation> atScope(String scopeId, int first, int max) {
        return em.createNamedQuery("arborInvitation.byScope", ArborInvitationEntity.class)
                .setParameter("scopeId", scopeId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList().stream().map(Invitation::of).toList();
    }

    List<Invitation> sentBy(String scopeId, String inviterId, int first, int max) {
        return em.createNamedQuery("arborInvitation.byScopeAndInviter", ArborInvitationEntity.class)
                .setParameter("scopeId", scopeId)
                .setParameter("inviterId", inviterId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList().stream().map(Invitation::of).toList();
    }

    List<Invitation> openTo(String email) {
        return em.createNamedQuery("arborInvitation.pendingByEmail", ArborInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("email", Invitation.normalizedEmail(email))
                .setParameter("now", System.currentTimeMillis())
                .getResultList().stream().map(Invitation::of).toList();
    }

    /** @return false when it was no longer pending (decided by a concurrent request) */
    boolean decide(String invitationId, String status, String userId) {
        int updated = em.createQuery("update ArborInvitationEntity i set i.status = :status, i.decidedAt = :now,"
                        + " i.decidedBy = :userId where i.id = :id and i.realmId = :realmId and i.status = 'PENDING'")
                .setParameter("status", status)
                .setParameter("now", System.currentTimeMillis())
                .setParameter("userId", userId)
                .setParameter("id", invitationId)
                .setParameter("realmId", realmId)
                .executeUpdate();
        return updated == 1;
    }

    /** Everything sent by {@code userId}, and what is still pending to {@code email} (null: none). */
    void deleteOf(String userId, String email) {
        em.createNamedQuery("arborInvitation.deleteByInviter").setParameter("realmId", realmId)
                .setParameter("userId", userId).executeUpdate();
        if (email != null) {
            em.createNamedQuery("arborInvitation.deleteByEmail").setParameter("realmId", realmId)
                    .setParameter("email", Invitation.normalizedEmail(email)).executeUpdate();
        }
    }


    private Optional<ArborInvitationEntity> row(String invitationId) {
        ArborInvitationEntity row = em.find(ArborInvitationEntity.class, invitationId);
        return row == null || !row.realmId.equals(realmId) ? Optional.empty() : Optional.of(row);
    }
}
