package dev.arbor.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.TypedQuery;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A scope's members a page at a time, in one query per page: the memberships in user id order, which the unique
 * key on (scope, user) keeps in the index, so a page after a user id starts where the index says and stops after
 * one more membership than the page holds; only that page's memberships are then joined with their roles (a row
 * per role), usernames and, unless the caller knows it, the scope's member count (the query and why it is shaped so:
 * {@code ArborMembershipEntity}'s {@code LISTED}; offset paging is the same query from before every user id).
 * Scalars only, so nothing enters the persistence context and nothing is flushed.
 */
final class MemberPages {

    private static final Logger LOG = Logger.getLogger(MemberPages.class);

    /** What PostgreSQL's JDBC driver calls its database. */
    private static final String POSTGRESQL = "PostgreSQL";

    /** No scope has an empty id. */
    private static final String NO_SCOPE = "";

    /**
     * Hibernate's hint for the JDBC fetch size (HibernateHints.HINT_FETCH_SIZE, named here: Arbor compiles against
     * the JPA API only). Keycloak's PostgreSQL connections fetch a result in batches of 64 rows, a round trip each:
     * 16 for a page of 1,000 members, where one will do.
     */
    private static final String FETCH_SIZE = "org.hibernate.fetchSize";

    /** Every user id follows it: Keycloak's are never empty. */
    private static final String BEFORE_EVERY_USER = "";

    /**
     * Whether each page is planned for its own parameters. PostgreSQL plans a statement prepared on a connection
     * (the JDBC driver prepares one on its fifth use) once for all parameters when that generic plan looks no dearer
     * than the plans for the parameters given, and it costs the generic plan for a scope of average size, a handful
     * of members. For a scope of thousands that plan reads each member's roles through the role table's unique key
     * and the table, a random table page per member, instead of through the listing index (changesets 0006, 0007): a
     * cold listing of 18,000 members had its eighth to last pages at 186 down to 28 ms of SQL each, as the table's
     * pages came into memory, where planned for their parameters they take 9-26 ms ({@code
     * log_min_duration_statement}); the two plans' costs were 2 % apart. H2 plans a statement once and keeps it;
     * the listing's query is shaped for that plan (see {@code ArborMembershipEntity}).
     */
    private static volatile boolean planEachPage;

    private final EntityManager em;
    private final String realmId;

    MemberPages(StoreContext context) {
        this(context.em, context.realmId);
    }

    private MemberPages(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    /**
     * Lists a scope that does not exist, a page from the start and one from an offset (which counts); call once
     * Keycloak has migrated its database: Hibernate parses a named query and plans its SQL on the query's first
     * use, a few tenths of a second on a fresh server that the first listing of a large scope would otherwise pay (a
     * profile of a cold listing of 18,000 members on H2 had a quarter of its first page in Hibernate's HQL parser).
     */
    static void prepare(KeycloakSessionFactory factory) {
        try {
            planEachPage = PooledConnection.read(factory,
                    connection -> POSTGRESQL.equals(connection.getMetaData().getDatabaseProductName()));
        } catch (SQLException | RuntimeException e) {
            LOG.warnf(e, "Arbor could not tell which database Keycloak uses; the member listing keeps its plans");
        }
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                MemberPages pages = new MemberPages(
                        session.getProvider(JpaConnectionProvider.class).getEntityManager(), NO_SCOPE);
                pages.from(NO_SCOPE, 0, 1, null);
                pages.from(NO_SCOPE, 1, 1, null);
                pages.from(NO_SCOPE, 0, 1, 0L);
            });
        } catch (RuntimeException e) {
            // only the first listing's speed depends on it: the server starts, and the listing plans then
            LOG.warnf(e, "Arbor could not prepare the member listing's queries");
        }
    }

    /**
     * The page of at most {@code max} members whose user ids follow {@code afterUserId}.
     *
     * @param total how many members the scope has, when known; null: the page's query counts them too
     */
    ListedMembers after(String scopeId, String afterUserId, int max, Long total) {
        return page(list(scopeId, afterUserId, 0, max, total), scopeId, max, true, total);
    }

    /** The page of at most {@code max} members from the {@code first}th on (offset paging); {@code total} as above. */
    ListedMembers from(String scopeId, int first, int max, Long total) {
        return page(list(scopeId, BEFORE_EVERY_USER, first, max, total), scopeId, max, first > 0, total);
    }

    /** Reads one row more than the page holds: whether it exists says whether there is a next page. */
    private TypedQuery<Object[]> list(String scopeId, String afterUserId, int first, int max, Long total) {
        if (planEachPage) {
            // for the rest of this transaction, which is the request's: a listing is all that it does
            em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)")
                    .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        }
        int rows = max + 1;
        return em.createNamedQuery(total == null ? "arborMembership.listCounted" : "arborMembership.list",
                        Object[].class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("scopeId", scopeId)
                .setParameter("realmId", realmId)
                .setParameter("after", afterUserId)
                .setParameter("first", first)
                .setParameter("max", rows)
                .setHint(FETCH_SIZE, rows);
    }

    private ListedMembers page(TypedQuery<Object[]> query, String scopeId, int max, boolean skipped, Long total) {
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            // past the end the count has no row to ride on; at the start there is nothing to count
            return new ListedMembers(List.of(), total != null ? total : skipped ? count(scopeId) : 0, null);
        }
        List<ListedMembers.Member> members = new ArrayList<>();
        int memberships = 0;
        String lastUserId = null;
        for (int first = 0, next; first < rows.size(); first = next) {
            String userId = (String) rows.get(first)[0];
            List<String> roles = new ArrayList<>();
            for (next = first; next < rows.size() && userId.equals(rows.get(next)[0]); next++) {
                if (rows.get(next)[3] != null) {
                    roles.add((String) rows.get(next)[3]);
                }
            }
            if (++memberships > max) { // the membership read beyond the page: there is a next one
                return new ListedMembers(members, total != null ? total : counted(rows), lastUserId);
            }
            lastUserId = userId;
            if (!roles.isEmpty()) { // a membership without a role grants nothing and is nobody's
                Object[] row = rows.get(first);
                members.add(new ListedMembers.Member(userId, (String) row[1], roles, words((String) row[2])));
            }
        }
        return new ListedMembers(members, total != null ? total : counted(rows), null);
    }

    private static long counted(List<Object[]> rows) {
        return ((Number) rows.get(0)[4]).longValue();
    }

    private long count(String scopeId) {
        return em.createNamedQuery("arborMembership.countByScope", Long.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("scopeId", scopeId)
                .getSingleResult();
    }

    /** Options are stored in order, separated by single spaces (names have none). */
    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split(" "));
    }
}
