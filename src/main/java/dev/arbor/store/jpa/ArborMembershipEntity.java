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
    @NamedQuery(name = "arborMembership.list", query = ArborMembershipEntity.LISTED + ArborMembershipEntity.PAGE),
    @NamedQuery(name = "arborMembership.listCounted",
            query = ArborMembershipEntity.LISTED + ArborMembershipEntity.COUNTED + ArborMembershipEntity.PAGE),
    @NamedQuery(name = "arborMembership.countByScope",
            query = "select count(m.userId) from ArborMembershipEntity m where m.scopeId = :scopeId"),
    @NamedQuery(name = "arborMembership.byUser", query = "select m from ArborMembershipEntity m"
            + " where m.realmId = :realmId and m.userId = :userId order by m.scopeId"),
    @NamedQuery(name = "arborMembership.byUsers", query = "select m from ArborMembershipEntity m"
            + " where m.realmId = :realmId and m.userId in :userIds order by m.userId, m.scopeId"),
    @NamedQuery(name = "arborMembership.byScopes",
            query = "select m from ArborMembershipEntity m where m.scopeId in :scopeIds order by m.scopeId, m.userId"),
    @NamedQuery(name = "arborMembership.deleteByUser",
            query = "delete from ArborMembershipEntity m where m.realmId = :realmId and m.userId = :userId"),
    @NamedQuery(name = "arborMembership.deleteByRealm",
            query = "delete from ArborMembershipEntity m where m.realmId = :realmId")
})
public class ArborMembershipEntity {

    /**
     * A page of a scope's members as scalars (dev.arbor.store.MemberPages), a row per member and role: user id,
     * username (null for a user a federated store keeps to itself), options, role (null for a membership without
     * any) and, where {@link #COUNTED} follows, the scope's member count; of the members whose user ids follow
     * {@code :after}, skipping {@code :first} of them, at most {@code :max}, in the unique key's order, each member's
     * roles in name order. Named queries, counted and not, so that Hibernate checks them when Keycloak starts; it
     * parses and plans each on its first use, which MemberPages makes when the server starts.
     * <p>
     * The page is cut first (the derived table) and only its rows are joined: each member's roles from the role rows
     * of the scope, the username by Keycloak's primary key. The roles are found by (scope, user), which orders the
     * listing index of changeset 0007 as the page is ordered: a page's roles lie side by side in a few index pages,
     * read without touching the table, where by membership (a random id) each member's roles were a lookup anywhere
     * in the scope's roles (on H2, cold, 1,663-2,390 pages read for one page's roles of a scope of 18,000 members,
     * where by (scope, user) 111: every page touched nearly all of the scope's roles again). The join bounds the
     * user id from below as the page does, so PostgreSQL, which hash-joins the page with the scope's role rows from
     * that index alone, reads them from the page on rather than the whole scope's. They are a join rather than a
     * subquery per member because PostgreSQL plans a subquery by the role table's unique key (membership, role) and
     * the table, and so does the generic plan of a prepared statement, which PostgreSQL costs for a scope of average
     * size: MemberPages has PostgreSQL plan each page. The username is a lookup per member because PostgreSQL
     * otherwise hash-joins Keycloak's whole user table for every page. A row per role rather than a member's roles
     * aggregated into one: H2 then runs the plain query it runs for everything else, not its grouping, which a fresh
     * server compiles while the first listing waits (a listing of 18,000 members on H2 after a cold start: 1.66 and
     * 1.94 s by rows, 2.14 and 2.20 s aggregated; listing-probe.py, 2026-12-02).
     * <p>
     * The order names the unique key's columns from the first, the scope too though it is fixed, and the user id
     * is always bounded below ({@code ''} for the first page, which every user id follows): only then does H2 read a
     * page through the unique key's index, in its order, and stop after it. H2 keeps a second index for the foreign
     * key to the scope, on the scope alone; with the scope as the only condition it takes that one, and then reads
     * and sorts all of the scope's members for every page (18,000 for each page of the benchmark's largest scope).
     * The count counts user ids, which the unique key holds: PostgreSQL counts them from the index alone.
     */
    static final String LISTED = "select p.userId,"
            + " (select u.username from UserEntity u where u.id = p.userId and u.realmId = :realmId),"
            + " p.options, r.roleName";

    /** The scope's member count, on a listing's page when the node's cache does not know it (the last column). */
    static final String COUNTED = ", (select count(c.userId) from ArborMembershipEntity c where c.scopeId = :scopeId)";

    /** The page itself: see {@link #LISTED}. */
    static final String PAGE = " from (select m.userId as userId, m.options as options from ArborMembershipEntity m"
            + " where m.scopeId = :scopeId and m.userId > :after order by m.scopeId, m.userId"
            + " limit :max offset :first) p"
            + " left join ArborRoleAssignmentEntity r on r.scopeId = :scopeId and r.userId > :after"
            + " and r.userId = p.userId"
            + " order by p.userId, r.roleName";

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
