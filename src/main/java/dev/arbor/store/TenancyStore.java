package dev.arbor.store;

import dev.arbor.core.HolderLimit;
import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * One realm's tenancy data in Keycloak's database, inside the request's transaction. It stores what it is told;
 * whether a change is allowed is the policy core's decision, made before calling here. The database itself
 * enforces what must hold even under concurrent requests on several nodes: one membership per user and scope,
 * and at most N holders of a role limited to N (seats). Each aggregate has its own class; this is their entry.
 */
public final class TenancyStore {

    private final StoreContext context;
    private final CachingTreeSlice slice;
    private final SchemaRevisions schemas;
    private final Scopes scopes;
    private final Memberships memberships;
    private final MemberPages memberPages;
    private final ImportGrants importGrants;
    private final Invitations invitations;
    private final LocalUsers users;
    private final RealmCleanUp cleanUp;

    private TenancyStore(KeycloakSession session, String realmId) {
        this.context = new StoreContext(session, realmId);
        Seats seats = new Seats(context.em);
        this.slice = context.slice;
        this.schemas = new SchemaRevisions(context);
        this.memberships = new Memberships(context, seats);
        this.memberPages = new MemberPages(context);
        this.scopes = new Scopes(context, memberships);
        this.importGrants = new ImportGrants(context, memberships, seats);
        this.invitations = new Invitations(context);
        this.users = new LocalUsers(context);
        this.cleanUp = new RealmCleanUp(context, memberships, invitations);
    }

    public static TenancyStore of(KeycloakSession session, String realmId) {
        return new TenancyStore(session, realmId);
    }

    /**
     * Once Keycloak has migrated its database (the cluster is up then): keeps the node's tenancy cache off if the
     * database's isolation cannot keep it fresh ({@link DatabaseIsolation}); drops a realm's cached tenancy on this
     * node whenever another node says it changed; and has the member listing's queries planned now rather than on
     * the first listing. Each in a transaction of its own, so that a listing that cannot be prepared leaves the
     * cluster listener in place.
     */
    public static void onStart(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                DatabaseIsolation.check(factory);
                TreeCacheInvalidation.listen(factory);
                MemberPages.prepare(factory);
            }
        });
    }

    /** The node's cache of each realm's tree holds at most this many entries of each kind unless configured. */
    public static final int DEFAULT_CACHE_ENTRIES = TreeCache.DEFAULT_ENTRIES;

    /**
     * Sizes the node's cache of each realm's tree: at most {@code entries} of each kind (scopes, memberships, role
     * holders, a user's memberships); when full, a new one evicts one not read lately. Called when the server starts.
     *
     * @throws IllegalArgumentException below 1
     */
    public static void cacheEntries(int entries) {
        TreeCache.entriesPerMap(entries);
    }

    /**
     * Locks {@code scopeId} and its ancestors until this request's transaction ends, and reads the database only from
     * now on. A write calls it before it reads anything it decides on: every decision at a scope rests on
     * memberships along its path, so two writes whose paths meet run one after the other and the second decides on
     * what the first committed. One statement locks them all, in the database's order, so that two writes cannot
     * wait for each other. Unknown ids lock nothing.
     *
     * @throws ConflictException when the database gave up waiting for the locks
     */
    public void lockPath(String scopeId) {
        scopes.lockPath(scopeId);
    }

    /**
     * This request is going to write to places it does not lock one by one (an import): from now on it reads the
     * database only, so that it decides on what is committed rather than on what this node cached.
     */
    public void forWriting() {
        context.forWriting();
    }

    /**
     * {@code userId} is a user Keycloak has (a token's subject, a user signing in): that they hold no membership may
     * then be kept in the node's cache, which for ids a client sends it is not, so that made-up ids do not fill it.
     */
    public void existingUser(String userId) {
        slice.existingUser(userId);
    }

    /**
     * The answer to {@code question} about {@code userId} at {@code scopeId} that {@code decide} derives from the
     * realm's tenancy alone (the schema in force, the scopes, memberships and holders it reads from {@link #slice}),
     * kept in the node's cache until the realm's next change of any kind, here or on another node; an empty answer is
     * decided anew every time. For questions the token path asks on every refresh.
     */
    public <V> Optional<V> answer(String question, String userId, String scopeId, Supplier<Optional<V>> decide) {
        return slice.answer(question, userId, scopeId, decide);
    }

    /** The tree as the policy core reads it, for this request. */
    public TreeSlice slice() {
        return slice;
    }

    // ---- schema -----------------------------------------------------------------------------------------------

    /** The schema in force: the latest revision, if the realm has one. */
    public Optional<StoredSchema> activeSchema() {
        return schemas.active();
    }

    /**
     * Stores {@code document} as the next revision.
     *
     * @throws ConflictException when another request stored a revision at the same moment
     */
    public StoredSchema saveSchema(String schemaId, int schemaVersion, String document, String userId) {
        return schemas.save(schemaId, schemaVersion, document, userId);
    }

    // ---- scopes -----------------------------------------------------------------------------------------------

    /** Creates a scope under {@code parentId} (null: a root); the caller has checked the type may nest there. */
    public Scope createScope(String type, String name, String parentId, Map<String, Object> attributes) {
        return scopes.create(type, name, parentId, attributes, null);
    }

    /** As {@link #createScope(String, String, String, Map)}, remembering the scope's key in an import file. */
    public Scope createScope(String type, String name, String parentId, Map<String, Object> attributes,
            String importKey) {
        return scopes.create(type, name, parentId, attributes, importKey);
    }

    /** Renames a scope and replaces its attributes (null: leave them). */
    public Scope updateScope(String scopeId, String name, Map<String, Object> attributes) {
        return scopes.update(scopeId, name, attributes);
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
        return scopes.byKeys(keys);
    }

    /**
     * The ids of the realm's users named {@code usernames} that Keycloak stores itself, one indexed lookup each and
     * without flushing (an import names thousands). Users of a federated store are not among them; look those up
     * through Keycloak's user provider.
     */
    public Map<String, String> localUserIds(Collection<String> usernames) {
        return users.idsByUsername(usernames);
    }

    /**
     * The usernames of the users with {@code userIds} that Keycloak stores itself in this realm, 500 ids per query
     * (by primary key) and without flushing: a page of members names a thousand. Users of a federated store are not
     * among them; look those up through Keycloak's user provider.
     */
    public Map<String, String> localUsernames(Collection<String> userIds) {
        return users.usernamesById(userIds);
    }

    /** The scope's own key (given at creation or by an import), if it has one. */
    public Optional<String> key(String scopeId) {
        return scopes.key(scopeId);
    }

    /** The key export files use for {@code scopeId}. */
    public String keyOf(String scopeId) {
        return scopes.keyOf(scopeId);
    }

    public long countChildren(String scopeId) {
        return scopes.countChildren(scopeId);
    }

    /**
     * Children of {@code parentId} (null: the roots), optionally of one type and with a name containing
     * {@code search}, ordered by name.
     */
    public List<Scope> children(String parentId, String type, String search, int first, int max) {
        return scopes.children(parentId, type, search, first, max);
    }

    /** Deletes a scope and everything below it, deepest first, with their memberships. */
    public int deleteSubtree(String scopeId) {
        return scopes.deleteSubtree(scopeId);
    }

    /** Every scope of the realm, parents before children (for checking a new schema against the data). */
    public List<Scope> allScopes() {
        return scopes.all();
    }

    /** Every membership of the realm, with roles. */
    public List<Membership> allMemberships() {
        return memberships.all();
    }

    // ---- memberships ------------------------------------------------------------------------------------------

    /**
     * The page of at most {@code max} of a scope's members whose user ids follow {@code afterUserId} (keyset
     * paging), ordered by user id, with roles, usernames and the scope's count: one query. The count is kept in the
     * node's cache like the tree (a change of a membership at the scope drops it), so that only a listing's first
     * page counts. Never null.
     */
    public ListedMembers membersAfter(String scopeId, String afterUserId, int max) {
        return counted(scopeId, total -> memberPages.after(scopeId, afterUserId, max, total));
    }

    /** As {@link #membersAfter}, from the {@code first}th member on (offset paging). */
    public ListedMembers membersFrom(String scopeId, int first, int max) {
        return counted(scopeId, total -> memberPages.from(scopeId, first, max, total));
    }

    private ListedMembers counted(String scopeId, Function<Long, ListedMembers> list) {
        Long known = slice.knownMemberCount(scopeId);
        ListedMembers page = list.apply(known);
        if (known == null) {
            slice.memberCountRead(scopeId, page.total());
        }
        return page;
    }

    /**
     * Gives {@code userId} {@code role} at {@code scopeId}; a no-op when held.
     *
     * @param limit how many may hold the role at one scope
     * @throws ConflictException when the role is full (the database refused another seat)
     */
    public void grant(String userId, String scopeId, String role, HolderLimit limit) {
        memberships.grant(userId, scopeId, role, limit);
    }

    /** A role an import gives, with the number of holders the role allows at one scope. */
    public record Grant(String userId, String scopeId, String role, HolderLimit limit) {
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
        return importGrants.grantAll(grants);
    }

    /** Takes {@code role} at {@code scopeId} from {@code userId}; the membership goes with its last role. */
    public void revoke(String userId, String scopeId, String role) {
        memberships.revoke(userId, scopeId, role);
    }

    /** Removes whole memberships (a cascade, or a member removed from a scope). */
    public void removeMemberships(List<Membership> memberships) {
        this.memberships.remove(memberships);
    }

    /** Replaces {@code userId}'s optional permissions at {@code scopeId}; the user must be a member there. */
    public void setOptions(String userId, String scopeId, Set<String> options) {
        memberships.setOptions(userId, scopeId, options);
    }

    // ---- invitations ------------------------------------------------------------------------------------------

    public Invitation invite(String scopeId, String email, List<String> roles, String inviterId, long expiresAt) {
        return invitations.invite(scopeId, email, roles, inviterId, expiresAt);
    }

    /**
     * Offers {@code roles} again, in place, on an open invitation: from {@code inviterId} now, until
     * {@code expiresAt}. One open invitation per address and scope, however often it is sent.
     */
    public Invitation renew(String invitationId, List<String> roles, String inviterId, long expiresAt) {
        return invitations.renew(invitationId, roles, inviterId, expiresAt);
    }

    /** The open invitation to {@code email} at {@code scopeId}, if there is one (the newest, should there be two). */
    public Optional<Invitation> openInvitation(String scopeId, String email) {
        return invitations.open(scopeId, email);
    }

    /** How many open invitations {@code inviterId} has sent in this realm, counted by the database. */
    public long countOpenInvitationsFrom(String inviterId) {
        return invitations.countOpenFrom(inviterId);
    }

    /** How many open invitations to {@code email} there are in this realm, from everyone, counted by the database. */
    public long countOpenInvitationsTo(String email) {
        return invitations.countOpenTo(email);
    }

    public Optional<Invitation> invitation(String invitationId) {
        return invitations.get(invitationId);
    }

    /** A scope's invitations, newest first, all statuses. */
    public List<Invitation> invitations(String scopeId, int first, int max) {
        return invitations.atScope(scopeId, first, max);
    }

    /** The invitations {@code inviterId} sent at a scope, newest first, all statuses; paged by the database. */
    public List<Invitation> invitationsSentBy(String scopeId, String inviterId, int first, int max) {
        return invitations.sentBy(scopeId, inviterId, first, max);
    }

    /** Open invitations to {@code email}. */
    public List<Invitation> openInvitations(String email) {
        return invitations.openTo(email);
    }

    /**
     * Records the decision on a pending invitation.
     *
     * @return false when it was no longer pending (decided by a concurrent request)
     */
    public boolean decide(String invitationId, String status, String userId) {
        return invitations.decide(invitationId, status, userId);
    }

    // ---- clean-up ---------------------------------------------------------------------------------------------

    /** Everything of a user in this realm, when Keycloak removes the user: memberships, invitations sent and to them. */
    public void deleteUser(String userId, String email) {
        cleanUp.deleteUser(userId, email);
    }

    /** Everything of this realm, when Keycloak removes the realm. */
    public void deleteRealm() {
        cleanUp.deleteRealm();
    }
}
