package dev.arbor.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A user's place at one scope; the roles are {@link ArborRoleAssignmentEntity} rows. */
@Entity
@Table(name = "ARBOR_MEMBERSHIP")
@NamedQueries({
    @NamedQuery(name = "arborMembership.byScopeAndUser",
            query = "select m from ArborMembershipEntity m where m.scopeId = :scopeId and m.userId = :userId"),
    @NamedQuery(name = "arborMembership.byScopesAndUsers", query = "select m from ArborMembershipEntity m"
            + " where m.scopeId in :scopeIds and m.userId in :userIds"),
    @NamedQuery(name = "arborMembership.byScope",
            query = "select m from ArborMembershipEntity m where m.scopeId = :scopeId order by m.userId"),
    @NamedQuery(name = "arborMembership.countByScope",
            query = "select count(m) from ArborMembershipEntity m where m.scopeId = :scopeId"),
    @NamedQuery(name = "arborMembership.byUser", query = "select m from ArborMembershipEntity m"
            + " where m.realmId = :realmId and m.userId = :userId order by m.scopeId"),
    @NamedQuery(name = "arborMembership.byScopes",
            query = "select m from ArborMembershipEntity m where m.scopeId in :scopeIds order by m.scopeId, m.userId"),
    @NamedQuery(name = "arborMembership.deleteByUser",
            query = "delete from ArborMembershipEntity m where m.realmId = :realmId and m.userId = :userId"),
    @NamedQuery(name = "arborMembership.deleteByRealm",
            query = "delete from ArborMembershipEntity m where m.realmId = :realmId")
})
public class ArborMembershipEntity {

    @Id
    @Column(name = "ID", length = 36)
    public String id;

    @Column(name = "REALM_ID", nullable = false, length = 36)
    public String realmId;

    @Column(name = "SCOPE_ID", nullable = false, length = 36)
    public String scopeId;

    @Column(name = "USER_ID", nullable = false, length = 36)
    public String userId;

    /** Optional permissions given individually, space separated, or null. */
    @Column(name = "OPTIONS", columnDefinition = "TEXT")
    public String options;

    @Column(name = "CREATED_AT", nullable = false)
    public long createdAt;
}
