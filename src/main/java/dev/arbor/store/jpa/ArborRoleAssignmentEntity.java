package dev.arbor.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One role of one membership. {@link #seat} numbers the holders of a role that allows at most N per scope; the
 * database's unique key on (scope, role, seat) refuses an extra holder whatever races happen above it.
 */
@Entity
@Table(name = "ARBOR_ROLE_ASSIGNMENT")
@NamedQueries({
    @NamedQuery(name = "arborRole.byMemberships", query = "select r from ArborRoleAssignmentEntity r"
            + " where r.membershipId in :membershipIds order by r.roleName"),
    @NamedQuery(name = "arborRole.byMembershipAndRole", query = "select r from ArborRoleAssignmentEntity r"
            + " where r.membershipId = :membershipId and r.roleName = :roleName"),
    @NamedQuery(name = "arborRole.seats", query = "select r.seat from ArborRoleAssignmentEntity r"
            + " where r.scopeId = :scopeId and r.roleName = :roleName and r.seat is not null"),
    @NamedQuery(name = "arborRole.seatsAt", query = "select r from ArborRoleAssignmentEntity r"
            + " where r.scopeId in :scopeIds and r.seat is not null"),
    @NamedQuery(name = "arborRole.holders", query = "select r.userId from ArborRoleAssignmentEntity r"
            + " where r.scopeId = :scopeId and r.roleName = :roleName order by r.userId"),
    @NamedQuery(name = "arborRole.deleteByMembershipIds",
            query = "delete from ArborRoleAssignmentEntity r where r.membershipId in :membershipIds")
})
public class ArborRoleAssignmentEntity {

    @Id
    @Column(name = "ID", length = 36)
    public String id;

    @Column(name = "MEMBERSHIP_ID", nullable = false, length = 36)
    public String membershipId;

    @Column(name = "SCOPE_ID", nullable = false, length = 36)
    public String scopeId;

    /**
     * The membership's user, which a membership never changes: a role's holders at a scope are read from the role
     * rows alone, and with the scope it orders the listing index (changeset 0007) as a scope's members are listed,
     * so a page of members reads its roles from a few neighbouring index pages instead of one lookup anywhere in the
     * scope's roles per member.
     */
    @Column(name = "USER_ID", nullable = false, length = 36)
    public String userId;

    @Column(name = "ROLE_NAME", nullable = false)
    public String roleName;

    @Column(name = "SEAT")
    public Integer seat;
}
