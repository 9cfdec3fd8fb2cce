package dev.arbor.store;

import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * One realm's tenancy data in Keycloak's database, inside the request's transaction. It stores what it is told;
 * whether a change is allowed is the policy core's decision, made before calling here. The database itself
 * enforces what must hold even under concurrent requests on several nodes: one membership per user and scope,
 * and at most N holders of a role limited to N (seats).
 */
public final class TenancyStore {

    /** The session attribute of a request that is going to write ({@link #forWriting}). */
    private static final String FOR_WRITING = "arbor.for-writing";

    /** The cluster-event key of {@link TreeChanged}. */
    static final String TREE_CHANGED = "arbor.tree-changed";

    private final KeycloakSession session;
    private final EntityManager em;
    private final String realmId;
    private final JpaTreeSlice slice;
    /** The session attribute saying this request changed the realm's tenancy. */
    private final String changeMark;

    /** Ids per query in bulk reads: well below every supported database's limit on bind parameters. */
    private static final int BATCH = 500;

    private TenancyStore(KeycloakSession session, String realmId) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realmId;
        this.changeMark = "arbor.changed." + realmId;
        this.slice = new JpaTreeSlice(em, realmId, this::readsCache);
    }

    public static TenancyStore of(KeycloakSession session, String realmId) {
        return new TenancyStore(session, realmId);
    }

    /**
     * Drops a realm's cached tenancy on this node when another node says it changed. Registered once Keycloak has
     * migrated its database, when the cluster is up.
     */
    public static void invalidateOnClusterEvents(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(ClusterProvider.class)
                        .registerListener(TREE_CHANGED, changed -> {
                            if (changed instanceof TreeChanged tree) {
                                TreeCache.invalidate(tree.getRealmId());
                            }
                        }));
            }
        });
    }

    /** Whether this request (any store of it) changed the realm's tenancy; it then reads past the cache. */
    private boolean changedInThisRequest() {
        return session.getAttribute(changeMark) != null;
    }

    /** Whether this request may answer from the node's cache: it neither changed nor is about to change anything. */
    private boolean readsCache() {
        return !changedInThisRequest() && session.getAttribute(FOR_WRITING) == null;
    }

    /**
     * This request is going to change the tenancy: from now on it reads the database only, so that it decides on
     * what is committed, never on an entry this node cached before another request's change was dropped from it.
     */
    public void forWriting() {
        session.setAttribute(FOR_WRITING, Boolean.TRUE);
        slice.forget();
    }

    /**
     * Called before every change: from now on this request reads past the node's cache, and once its transaction
     * ends (committed or not) the realm's cached entries are dropped here and, after a commit, on every node.
     */
    private void changing() {
        slice.forget();
        if (changedInThisRequest()) {
            return;
        }
        session.setAttribute(changeMark, Boolean.TRUE);
        String realm = realmId;
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                TreeCache.invalidate(realm);
                session.getProvider(ClusterProvider.class).notify(TREE_CHANGED, new TreeChanged(realm), true);
            }

            @Override
            protected void rollbackImpl() {
                TreeCache.invalidate(realm);
            }
        });
    }

    /**
     * Locks {@code scopeId} and its ancestors until this request's transaction ends. A write calls it before it
     * reads anything it decides on: every decision at a scope rests on memberships along its path, so two writes
     * whose paths meet run one after the other and the second decides on what the first committed. One statement
     * locks them all, in the database's order, so that two writes cannot wait for each other. Unknown ids lock
     * nothing.
     *
     * @throws ConflictException when the database gave up waiting for the locks
     */
    public void lockPath(String scopeId) {
        forWriting();
        ArborScopeEntity row = scopeRow(scopeId).orElse(null);
        if (row == null) {
            return;
        }
        List<String> path = List.of(Rows.ancestryBelow(row).split("/")); // the ancestors' ids, then its own
        try {
            em.createQuery("select s from ArborScopeEntity s where s.id in :ids", ArborScopeEntity.class)
                    .setParameter("ids", path)
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                throw new ConflictException("other requests are changing this part of the tree; try again", e);
            }
            throw e;
        }
    }

    /** The tree as the policy core reads it, for this request. */
    public TreeSlice slice() {
        return slice;
    }

    // ---- schema -----------------------------------------------------------------------------------------------

    /** The schema in force: the latest revision, if the realm has one. */
    public Optional<StoredSchema> activeSchema() {
        TreeCache.Entries entries = readsCache() ? TreeCache.of(realmId) : null;
        if (entries != null && entries.schema != null) {
            return entries.schema;
        }
        List<ArborSchemaEntity> rows = em.createNamedQuery("arborSchema.latest", ArborSchemaEntity.class)
                .setParameter("realmId", realmId)
                .setMaxResults(1)
                .getResultList();
        Optional<StoredSchema> schema = rows.stream().findFirst().map(StoredSchema::of);
        if (entries != null && TreeCache.isCurrent(realmId, entries)) {
            entries.schema = schema;
        }
        return schema;
    }

    /**
     * Stores {@code document} as the next revision.
     *
     * @throws ConflictException when another request stored a revision at the same moment
     */
    public StoredSchema saveSchema(String schemaId, int schemaVersion, String document, String userId) {
        changing();
        ArborSchemaEntity row = new ArborSchemaEntity();
        row.id = UUID.randomUUID().toString();
        row.realmId = realmId;
        row.revision = activeSchema().map(StoredSchema::revision).orElse(0) + 1;
        row.schemaId = schemaId;
        row.schemaVersion = schemaVersion;
        row.document = document;
        row.createdAt = System.currentTimeMillis();
        row.createdBy = userId;
        persist(row, "another schema revision was stored at the same time; read it and try again");
        return StoredSchema.of(row);
    }

    // ---- scopes -----------------------------------------------------------------------------------------------

    /** Creates a scope under {@code parentId} (null: a root); the caller has checked the type may nest there. */
    public Scope createScope(String type, String name, String parentId, Map<String, Object> attributes) {
        return createScope(type, name, parentId, attributes, null);
    }

    /** As {@link #createScope(String, String, String, Map)}, remembering the scope's key in an import file. */
    public Scope createScope(String type, String name, String parentId, Map<String, Object> attributes,
            String importKey) {
        changing();
        ArborScopeEntity row = new ArborScopeEntity();
        row.importKey = importKey;
        row.id = UUID.randomUUID().toString();
        row.realmId = realmId;
        row.type = type;
        row.name = name;
        row.attributes = JsonText.write(attributes);
        row.createdAt = System.currentTimeMillis();
        if (parentId == null) {
            row.ancestry = "";
            row.depth = 0;
        } else {
            ArborScopeEntity parent = scopeRow(parentId)
                    .orElseThrow(() -> new IllegalArgumentException("no parent scope " + parentId));
            row.parentId = parent.id;
            row.ancestry = Rows.ancestryBelow(parent);
            row.depth = parent.depth + 1;
        }
        if (importKey == null) {
            em.persist(row);
        } else {
            persist(row, "another scope already has the key '" + importKey + "'");
        }
        slice.forget();
        return Rows.scope(row);
    }

    /** Renames a scope and replaces its attributes (null: leave them). */
    public Scope updateScope(String scopeId, String name, Map<String, Object> attributes) {
        changing();
        ArborScopeEntity row = scopeRow(scopeId).orElseThrow(() -> new IllegalArgumentException("no scope " + scopeId));
        if (name != null) {
            row.name = name;
        }
        if (attributes != null) {
            row.attributes = JsonText.write(attributes);
        }
        slice.forget();
        return Rows.scope(row);
    }

    /** The scope an import file calls {@code key}: its import key, or for scopes made otherwise, its id. */
    public Optional<Scope> scopeByKey(String key) {
        return slice.scopeByKey(key);
    }

    /**
     * The scopes an import file calls {@code keys}: by import key (one indexed lookup each), else by id (500 per
     * query). Reads without flushing first, so that an import's lookups cost the same however much it has read
     * before; call it before changing anything.
     */
    public Map<String, Scope> scopesByKeys(Collection<String> keys) {
        Map<String, Scope> found = new HashMap<>();
        List<String> byId = new ArrayList<>();
        for (String key : new java.util.LinkedHashSet<>(keys)) {
            em.createNamedQuery("arborScope.byImportKey", ArborScopeEntity.class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("realmId", realmId)
                    .setParameter("importKey", key)
                    .getResultList()
                    .forEach(row -> found.put(key, Rows.scope(row)));
            if (!found.containsKey(key)) {
                byId.add(key);
            }
        }
        for (int from = 0; from < byId.size(); from += BATCH) {
            em.createNamedQuery("arborScope.byIds", ArborScopeEntity.class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("realmId", realmId)
                    .setParameter("ids", byId.subList(from, Math.min(from + BATCH, byId.size())))
                    .getResultList()
                    .forEach(row -> found.putIfAbsent(row.id, Rows.scope(row)));
        }
        return found;
    }

    /**
     * The ids of the realm's users named {@code usernames} that Keycloak stores itself, one indexed lookup each and
     * without flushing (an import names thousands). Users of a federated store are not among them; look those up
     * through Keycloak's user provider.
     */
    public Map<String, String> localUserIds(Collection<String> usernames) {
        Map<String, String> ids = new HashMap<>();
        for (String username : new java.util.LinkedHashSet<>(usernames)) {
            em.createQuery("select u.id from UserEntity u where u.realmId = :realmId and u.username = :username",
                            String.class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("realmId", realmId)
                    .setParameter("username", username.toLowerCase(java.util.Locale.ROOT))
                    .getResultList()
                    .forEach(id -> ids.put(username, id));
        }
        return ids;
    }

    /**
     * The usernames of the users with {@code userIds} that Keycloak stores itself in this realm, 500 ids per query
     * (by primary key) and without flushing: a page of members names a thousand. Users of a federated store are not
     * among them; look those up through Keycloak's user provider.
     */
    public Map<String, String> localUsernames(Collection<String> userIds) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(userIds));
        Map<String, String> usernames = new HashMap<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            em.createQuery("select u.id, u.username, u.realmId from UserEntity u where u.id in :ids", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("ids", all.subList(from, Math.min(from + BATCH, all.size())))
                    .getResultList().stream()
                    .filter(row -> realmId.equals(row[2]))
                    .forEach(row -> usernames.put((String) row[0], (String) row[1]));
        }
        return usernames;
    }

    /** The scope's own key (given at creation or by an import), if it has one. */
    public Optional<String> key(String scopeId) {
        return scopeRow(scopeId).map(row -> row.importKey);
    }

    /** The key export files use for {@code scopeId}. */
    public String keyOf(String scopeId) {
        return scopeRow(scopeId).map(row -> row.importKey != null ? row.importKey : row.id).orElse(scopeId);
    }

    public long countChildren(String scopeId) {
        return em.createNamedQuery("arborScope.countChildren", Long.class)
                .setParameter("parentId", scopeId)
                .getSingleResult();
    }

    /**
     * Children of {@code parentId} (null: the roots), optionally of one type and with a name containing
     * {@code search}, ordered by name.
     */
    public List<Scope> children(String parentId, String type, String search, int first, int max) {
        StringBuilder query = new StringBuilder("select s from ArborScopeEntity s where s.realmId = :realmId and ")
                .append(parentId == null ? "s.parentId is null" : "s.parentId = :parentId");
        if (type != null) {
            query.append(" and s.type = :type");
        }
        if (search != null) {
            query.append(" and lower(s.name) like :search");
        }
        query.append(" order by s.name, s.id");
        var typed = em.createQuery(query.toString(), ArborScopeEntity.class).setParameter("realmId", realmId);
        if (parentId != null) {
            typed.setParameter("parentId", parentId);
        }
        if (type != null) {
            typed.setParameter("type", type);
        }
        if (search != null) {
            typed.setParameter("search", "%" + search.toLowerCase(java.util.Locale.ROOT) + "%");
        }
        return typed.setFirstResult(first).setMaxResults(max).getResultList().stream().map(Rows::scope).toList();
    }

    /** Deletes a scope and everything below it, deepest first, with their memberships. */
    public int deleteSubtree(String scopeId) {
        changing();
        ArborScopeEntity root = scopeRow(scopeId).orElseThrow(() -> new IllegalArgumentException("no scope " + scopeId));
        List<ArborScopeEntity> below = em.createNamedQuery("arborScope.subtree", ArborScopeEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("prefix", Rows.ancestryBelow(root) + "%")
                .getResultList();
        List<ArborScopeEntity> doomed = new ArrayList<>(below);
        doomed.add(root);
        for (ArborScopeEntity row : doomed) {
            deleteMemberships(em.createNamedQuery("arborMembership.byScope", ArborMembershipEntity.class)
                    .setParameter("scopeId", row.id).getResultList());
        }
        for (ArborScopeEntity row : doomed) {
            em.remove(row);
            em.flush(); // children before parents, as the parent key requires
        }
        slice.forget();
        return doomed.size();
    }

    /** Every scope of the realm, parents before children (for checking a new schema against the data). */
    public List<Scope> allScopes() {
        return em.createNamedQuery("arborScope.all", ArborScopeEntity.class)
                .setParameter("realmId", realmId)
                .getResultList().stream().map(Rows::scope).toList();
    }

    /** Every membership of the realm, with roles. */
    public List<Membership> allMemberships() {
        return slice.withRoles(em.createQuery(
                        "select m from ArborMembershipEntity m where m.realmId = :realmId order by m.scopeId, m.userId",
                        ArborMembershipEntity.class)
                .setParameter("realmId", realmId)
                .getResultList());
    }

    // ---- memberships ------------------------------------------------------------------------------------------

    /** A page of a scope's members, ordered by user id; filtered and paged by the database. */
    public List<Membership> members(String scopeId, int first, int max) {
        return slice.withRoles(em.createNamedQuery("arborMembership.byScope", ArborMembershipEntity.class)
                .setParameter("scopeId", scopeId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList());
    }

    public long countMembers(String scopeId) {
        return em.createNamedQuery("arborMembership.countByScope", Long.class)
                .setParameter("scopeId", scopeId)
                .getSingleResult();
    }

    /**
     * Gives {@code userId} {@code role} at {@code scopeId}; a no-op when held.
     *
     * @param maxHolders the role's limit per scope, {@link Integer#MAX_VALUE} when unbounded
     * @throws ConflictException when the role is full (the database refused another seat)
     */
    public void grant(String userId, String scopeId, String role, int maxHolders) {
        changing();
        Optional<ArborMembershipEntity> held = membershipRow(userId, scopeId);
        if (held.isPresent() && roleRow(held.get().id, role).isPresent()) {
            return;
        }
        // the seat first: a full role is refused before anything is written, so no membership is left without a role
        Integer seat = maxHolders == Integer.MAX_VALUE ? null : freeSeat(scopeId, role, maxHolders);
        ArborMembershipEntity membership = held.orElseGet(() -> newMembership(userId, scopeId));
        ArborRoleAssignmentEntity row = new ArborRoleAssignmentEntity();
        row.id = UUID.randomUUID().toString();
        row.membershipId = membership.id;
        row.scopeId = scopeId;
        row.roleName = role;
        row.seat = seat;
        persist(row, "role " + role + " at scope " + scopeId + " has as many holders as it may");
        slice.forget();
    }

    /** A role an import gives: {@code maxHolders} is the role's limit per scope, {@link Integer#MAX_VALUE} when unbounded. */
    public record Grant(String userId, String scopeId, String role, int maxHolders) {
    }

    /**
     * Gives many roles at once, as an import does: what is held already is left alone, the rest is written in one
     * flush. Reads what it needs in a few queries per 500 grants, so an import's cost grows with its own size, not
     * with the size of the scopes it adds to. The checks (delegation, limits) are the caller's, made before.
     *
     * @return how many roles were given
     * @throws ConflictException when the database refused a row another request wrote at the same time
     */
    public int grantAll(List<Grant> grants) {
        if (grants.isEmpty()) {
            return 0;
        }
        changing();
        Map<String, ArborMembershipEntity> memberships = new HashMap<>();
        Set<String> held = new HashSet<>();
        Map<String, Set<Integer>> seats = new HashMap<>();
        for (int from = 0; from < grants.size(); from += BATCH) {
            List<Grant> batch = grants.subList(from, Math.min(from + BATCH, grants.size()));
            readHeld(batch, memberships, held);
            readSeats(batch, seats);
        }
        List<Grant> toGive = new ArrayList<>();
        for (Grant grant : grants) {
            String pair = grant.scopeId() + "\n" + grant.userId();
            if (held.add(pair + "\n" + grant.role())) {
                toGive.add(grant);
                memberships.computeIfAbsent(pair, key -> {
                    ArborMembershipEntity row = newMembershipRow(grant.userId(), grant.scopeId());
                    em.persist(row);
                    return row;
                });
            }
        }
        // the roles refer to the memberships by a plain column, so Hibernate would not order their inserts
        flush("another request made one of these memberships at the same time; import again");
        for (Grant grant : toGive) {
            ArborRoleAssignmentEntity row = new ArborRoleAssignmentEntity();
            row.id = UUID.randomUUID().toString();
            row.membershipId = memberships.get(grant.scopeId() + "\n" + grant.userId()).id;
            row.scopeId = grant.scopeId();
            row.roleName = grant.role();
            if (grant.maxHolders() != Integer.MAX_VALUE) {
                row.seat = lowestFree(seats.computeIfAbsent(grant.scopeId() + "\n" + grant.role(),
                        key -> new HashSet<>()), grant.maxHolders(), grant.scopeId(), grant.role());
            }
            em.persist(row);
        }
        flush("another request gave one of these roles at the same time; import again");
        slice.forget();
        return toGive.size();
    }

    /** The memberships of the batch's (scope, user) pairs and the roles they hold, in two queries. */
    private void readHeld(List<Grant> batch, Map<String, ArborMembershipEntity> memberships, Set<String> held) {
        Set<String> pairs = new HashSet<>();
        batch.forEach(grant -> pairs.add(grant.scopeId() + "\n" + grant.userId()));
        List<ArborMembershipEntity> rows = em.createNamedQuery("arborMembership.byScopesAndUsers",
                        ArborMembershipEntity.class)
                .setParameter("scopeIds", batch.stream().map(Grant::scopeId).distinct().toList())
                .setParameter("userIds", batch.stream().map(Grant::userId).distinct().toList())
                .getResultList();
        Map<String, String> pairById = new HashMap<>();
        for (ArborMembershipEntity row : rows) {
            String pair = row.scopeId + "\n" + row.userId;
            if (pairs.contains(pair)) {
                memberships.put(pair, row);
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

    /** The seats taken of the batch's limited roles, in one query. */
    private void readSeats(List<Grant> batch, Map<String, Set<Integer>> seats) {
        List<String> scopeIds = batch.stream().filter(grant -> grant.maxHolders() != Integer.MAX_VALUE)
                .map(Grant::scopeId).distinct().toList();
        if (scopeIds.isEmpty()) {
            return;
        }
        for (ArborRoleAssignmentEntity row : em.createNamedQuery("arborRole.seatsAt", ArborRoleAssignmentEntity.class)
                .setParameter("scopeIds", scopeIds)
                .getResultList()) {
            seats.computeIfAbsent(row.scopeId + "\n" + row.roleName, key -> new HashSet<>()).add(row.seat);
        }
    }

    /** Takes {@code role} at {@code scopeId} from {@code userId}; the membership goes with its last role. */
    public void revoke(String userId, String scopeId, String role) {
        changing();
        Optional<ArborMembershipEntity> membership = membershipRow(userId, scopeId);
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
        slice.forget();
    }

    /** Removes whole memberships (a cascade, or a member removed from a scope). */
    public void removeMemberships(List<Membership> memberships) {
        changing();
        List<ArborMembershipEntity> rows = new ArrayList<>();
        for (Membership membership : memberships) {
            membershipRow(membership.userId(), membership.scopeId()).ifPresent(rows::add);
        }
        deleteMemberships(rows);
        slice.forget();
    }

    /** Replaces {@code userId}'s optional permissions at {@code scopeId}; the user must be a member there. */
    public void setOptions(String userId, String scopeId, Set<String> options) {
        changing();
        ArborMembershipEntity row = membershipRow(userId, scopeId)
                .orElseThrow(() -> new IllegalArgumentException("user " + userId + " is not a member of " + scopeId));
        row.options = Rows.options(options);
        slice.forget();
    }

    // ---- invitations ------------------------------------------------------------------------------------------

    public Invitation invite(String scopeId, String email, List<String> roles, String inviterId, long expiresAt) {
        ArborInvitationEntity row = new ArborInvitationEntity();
        row.id = UUID.randomUUID().toString();
        row.realmId = realmId;
        row.scopeId = scopeId;
        row.email = normalizedEmail(email);
        row.roles = String.join(" ", roles);
        row.inviterId = inviterId;
        row.createdAt = System.currentTimeMillis();
        row.expiresAt = expiresAt;
        row.status = Invitation.PENDING;
        em.persist(row);
        return Invitation.of(row);
    }

    /**
     * Offers {@code roles} again, in place, on an open invitation: from {@code inviterId} now, until
     * {@code expiresAt}. One open invitation per address and scope, however often it is sent.
     */
    public Invitation renew(String invitationId, List<String> roles, String inviterId, long expiresAt) {
        ArborInvitationEntity row = em.find(ArborInvitationEntity.class, invitationId);
        if (row == null || !row.realmId.equals(realmId)) {
            throw new IllegalArgumentException("no invitation " + invitationId);
        }
        row.roles = String.join(" ", roles);
        row.inviterId = inviterId;
        row.expiresAt = expiresAt;
        return Invitation.of(row);
    }

    /** The open invitation to {@code email} at {@code scopeId}, if there is one (the newest, should there be two). */
    public Optional<Invitation> openInvitation(String scopeId, String email) {
        return em.createNamedQuery("arborInvitation.openByScopeAndEmail", ArborInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("scopeId", scopeId)
                .setParameter("email", normalizedEmail(email))
                .setParameter("now", System.currentTimeMillis())
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(Invitation::of);
    }

    /** How many open invitations {@code inviterId} has sent in this realm, counted by the database. */
    public long countOpenInvitationsFrom(String inviterId) {
        return em.createNamedQuery("arborInvitation.countOpenByInviter", Long.class)
                .setParameter("realmId", realmId)
                .setParameter("inviterId", inviterId)
                .setParameter("now", System.currentTimeMillis())
                .getSingleResult();
    }

    /** How many open invitations to {@code email} there are in this realm, from everyone, counted by the database. */
    public long countOpenInvitationsTo(String email) {
        return em.createNamedQuery("arborInvitation.countOpenByEmail", Long.class)
                .setParameter("realmId", realmId)
                .setParameter("email", normalizedEmail(email))
                .setParameter("now", System.currentTimeMillis())
                .getSingleResult();
    }

    public Optional<Invitation> invitation(String invitationId) {
        ArborInvitationEntity row = em.find(ArborInvitationEntity.class, invitationId);
        return row == null || !row.realmId.equals(realmId) ? Optional.empty() : Optional.of(Invitation.of(row));
    }

    /** A scope's invitations, newest first, all statuses. */
    public List<Invitation> invitations(String scopeId, int first, int max) {
        return em.createNamedQuery("arborInvitation.byScope", ArborInvitationEntity.class)
                .setParameter("scopeId", scopeId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList().stream().map(Invitation::of).toList();
    }

    /** The invitations {@code inviterId} sent at a scope, newest first, all statuses; paged by the database. */
    public List<Invitation> invitationsSentBy(String scopeId, String inviterId, int first, int max) {
        return em.createNamedQuery("arborInvitation.byScopeAndInviter", ArborInvitationEntity.class)
                .setParameter("scopeId", scopeId)
                .setParameter("inviterId", inviterId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList().stream().map(Invitation::of).toList();
    }

    /** Open invitations to {@code email}. */
    public List<Invitation> openInvitations(String email) {
        return em.createNamedQuery("arborInvitation.pendingByEmail", ArborInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("email", normalizedEmail(email))
                .setParameter("now", System.currentTimeMillis())
                .getResultList().stream().map(Invitation::of).toList();
    }

    /**
     * Records the decision on a pending invitation.
     *
     * @return false when it was no longer pending (decided by a concurrent request)
     */
    public boolean decide(String invitationId, String status, String userId) {
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

    static String normalizedEmail(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    // ---- clean-up ---------------------------------------------------------------------------------------------

    /** Everything of a user in this realm, when Keycloak removes the user: memberships, invitations sent and to them. */
    public void deleteUser(String userId, String email) {
        changing();
        em.createNamedQuery("arborInvitation.deleteByInviter").setParameter("realmId", realmId)
                .setParameter("userId", userId).executeUpdate();
        if (email != null) {
            em.createNamedQuery("arborInvitation.deleteByEmail").setParameter("realmId", realmId)
                    .setParameter("email", normalizedEmail(email)).executeUpdate();
        }
        deleteMemberships(em.createNamedQuery("arborMembership.byUser", ArborMembershipEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultList());
    }

    /** Everything of this realm, when Keycloak removes the realm. */
    public void deleteRealm() {
        changing();
        List<String> membershipIds = em.createQuery(
                        "select m.id from ArborMembershipEntity m where m.realmId = :realmId", String.class)
                .setParameter("realmId", realmId).getResultList();
        for (int from = 0; from < membershipIds.size(); from += 500) {
            em.createNamedQuery("arborRole.deleteByMembershipIds")
                    .setParameter("membershipIds", membershipIds.subList(from, Math.min(from + 500,
                            membershipIds.size())))
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

    // ---- internals --------------------------------------------------------------------------------------------

    private Optional<ArborScopeEntity> scopeRow(String scopeId) {
        ArborScopeEntity row = em.find(ArborScopeEntity.class, scopeId);
        return row == null || !row.realmId.equals(realmId) ? Optional.empty() : Optional.of(row);
    }

    private Optional<ArborMembershipEntity> membershipRow(String userId, String scopeId) {
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

    private ArborMembershipEntity newMembership(String userId, String scopeId) {
        ArborMembershipEntity row = newMembershipRow(userId, scopeId);
        persist(row, "user " + userId + " was made a member of " + scopeId + " by another request at the same time");
        return row;
    }

    private ArborMembershipEntity newMembershipRow(String userId, String scopeId) {
        ArborMembershipEntity row = new ArborMembershipEntity();
        row.id = UUID.randomUUID().toString();
        row.realmId = realmId;
        row.scopeId = scopeId;
        row.userId = userId;
        row.createdAt = System.currentTimeMillis();
        return row;
    }

    /** The lowest free seat, or {@code max + 1} when all are taken, which the database then refuses. */
    private int freeSeat(String scopeId, String role, int max) {
        Set<Integer> taken = new HashSet<>(em.createNamedQuery("arborRole.seats", Integer.class)
                .setParameter("scopeId", scopeId)
                .setParameter("roleName", role)
                .getResultList());
        return lowestFree(taken, max, scopeId, role);
    }

    /** Takes the lowest seat not in {@code taken} (and marks it taken); a conflict when all {@code max} are. */
    private static int lowestFree(Set<Integer> taken, int max, String scopeId, String role) {
        for (int seat = 1; seat <= max; seat++) {
            if (taken.add(seat)) {
                return seat;
            }
        }
        throw new ConflictException("role " + role + " at scope " + scopeId + " has as many holders as it may", null);
    }

    private void deleteMemberships(List<ArborMembershipEntity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> ids = rows.stream().map(row -> row.id).toList();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(from + BATCH, ids.size()));
            em.createNamedQuery("arborRole.deleteByMembershipIds").setParameter("membershipIds", batch)
                    .executeUpdate();
            // a statement, as in revoke: a membership that a racing request removed first is simply gone
            em.createQuery("delete from ArborMembershipEntity m where m.id in :ids").setParameter("ids", batch)
                    .executeUpdate();
        }
        rows.forEach(em::detach);
    }

    /** Inserts now, so that a unique key refusing the row is a conflict answered to this request. */
    private void persist(Object row, String conflict) {
        em.persist(row);
        flush(conflict);
    }

    /** Writes what is pending; a unique key refusing a row is a conflict answered to this request. */
    private void flush(String conflict) {
        try {
            em.flush();
        } catch (RuntimeException e) { // Keycloak's EntityManager converts to its own model exceptions
            if (isConflict(e)) {
                throw new ConflictException(conflict, e);
            }
            throw e;
        }
    }

    /** A unique key refused a row, or a row read before was changed or removed by another request meanwhile. */
    private static boolean isConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true; // SQL standard unique_violation: H2, PostgreSQL, and most others
            }
            if (cause.getClass().getName().endsWith("ConstraintViolationException")) {
                return true;
            }
        }
        return false;
    }
}
