package dev.arbor.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An offer of roles at a scope to whoever proves the e-mail address; decided once. */
@Entity
@Table(name = "ARBOR_INVITATION")
@NamedQueries({
    @NamedQuery(name = "arborInvitation.byScope", query = "select i from ArborInvitationEntity i"
            + " where i.scopeId = :scopeId order by i.createdAt desc, i.id"),
    @NamedQuery(name = "arborInvitation.byScopeAndInviter", query = "select i from ArborInvitationEntity i"
            + " where i.scopeId = :scopeId and i.inviterId = :inviterId order by i.createdAt desc, i.id"),
    @NamedQuery(name = "arborInvitation.openByScopeAndEmail", query = "select i from ArborInvitationEntity i"
            + " where i.realmId = :realmId and i.scopeId = :scopeId and i.email = :email and i.status = 'PENDING'"
            + " and i.expiresAt > :now order by i.createdAt desc, i.id"),
    @NamedQuery(name = "arborInvitation.countOpenByInviter", query = "select count(i) from ArborInvitationEntity i"
            + " where i.realmId = :realmId and i.inviterId = :inviterId and i.status = 'PENDING' and i.expiresAt > :now"),
    @NamedQuery(name = "arborInvitation.countOpenByEmail", query = "select count(i) from ArborInvitationEntity i"
            + " where i.realmId = :realmId and i.email = :email and i.status = 'PENDING' and i.expiresAt > :now"),
    @NamedQuery(name = "arborInvitation.pendingByEmail", query = "select i from ArborInvitationEntity i"
            + " where i.realmId = :realmId and i.email = :email and i.status = 'PENDING' and i.expiresAt > :now"
            + " order by i.createdAt desc, i.id"),
    @NamedQuery(name = "arborInvitation.deleteByInviter",
            query = "delete from ArborInvitationEntity i where i.realmId = :realmId and i.inviterId = :userId"),
    @NamedQuery(name = "arborInvitation.deleteByEmail",
            query = "delete from ArborInvitationEntity i where i.realmId = :realmId and i.email = :email"
                    + " and i.status = 'PENDING'"),
    @NamedQuery(name = "arborInvitation.deleteByRealm",
            query = "delete from ArborInvitationEntity i where i.realmId = :realmId")
})
public class ArborInvitationEntity {

    @Id
    @Column(name = "ID", length = 36)
    public String id;

    @Column(name = "REALM_ID", nullable = false, length = 36)
    public String realmId;

    @Column(name = "SCOPE_ID", nullable = false, length = 36)
    public String scopeId;

    @Column(name = "EMAIL", nullable = false, length = 320)
    public String email;

    @Column(name = "ROLES", nullable = false, length = 2000)
    public String roles;

    @Column(name = "INVITER_ID", nullable = false, length = 36)
    public String inviterId;

    @Column(name = "CREATED_AT", nullable = false)
    public long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    public long expiresAt;

    @Column(name = "STATUS", nullable = false, length = 16)
    public String status;

    @Column(name = "DECIDED_AT")
    public Long decidedAt;

    @Column(name = "DECIDED_BY", length = 36)
    public String decidedBy;
}
