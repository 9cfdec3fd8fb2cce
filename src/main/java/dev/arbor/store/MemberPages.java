package dev.arbor.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A scope's members a page at a time, in one query per page: the memberships in user id order, which the unique
 * key on (scope, user) keeps in the index, so a page after a user id starts where the index says and stops after
 * one more row than the page holds; each row carries its roles (aggregated by a subquery on the role table's
 * unique key), the username joined from Keycloak's own user table, and the scope's member count (the queries are
 * {@code ArborMembershipEntity}'s {@code arborMembership.list*}). Scalars only, so nothing enters the persistence
 * context and nothing is flushed.
 */
final class MemberPages {

    private final EntityManager em;
    private final String realmId;

    MemberPages(StoreContext context) {
        this.em = context.em;
        this.realmId = context.realmId;
    }

    /** The page of at most {@code max} members whose user ids follow {@code afterUserId}. */
    ListedMembers after(String scopeId, String afterUserId, int max) {
        return page(query("arborMembership.listAfter", scopeId).setParameter("after", afterUserId), scopeId, max,
                true);
    }

    /** The page of at most {@code max} members from the {@code first}th on (offset paging). */
    ListedMembers from(String scopeId, int first, int max) {
        return page(query("arborMembership.listFrom", scopeId).setFirstResult(first), scopeId, max, first > 0);
    }

    private TypedQuery<Object[]> query(String name, String scopeId) {
        return em.createNamedQuery(name, Object[].class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("scopeId", scopeId)
                .setParameter("realmId", realmId);
    }

    /** Reads one row more than the page holds: whether it exists says whether there is a next page. */
    private ListedMembers page(TypedQuery<Object[]> query, String scopeId, int max, boolean skipped) {
        List<Object[]> rows = query.setMaxResults(max + 1).getResultList();
        if (rows.isEmpty()) {
            // past the end the count has no row to ride on; at the start there is nothing to count
            return new ListedMembers(List.of(), skipped ? count(scopeId) : 0, null);
        }
        List<Object[]> page = rows.subList(0, Math.min(max, rows.size()));
        List<ListedMembers.Member> members = new ArrayList<>(page.size());
        for (Object[] row : page) {
            if (row[3] != null) { // a membership without a role grants nothing and is nobody's
                members.add(new ListedMembers.Member((String) row[0], (String) row[1], words((String) row[3]),
                        words((String) row[2])));
            }
        }
        String lastUserId = rows.size() > max ? (String) page.get(page.size() - 1)[0] : null;
        return new ListedMembers(members, ((Number) rows.get(0)[4]).longValue(), lastUserId);
    }

    private long count(String scopeId) {
        return em.createNamedQuery("arborMembership.countByScope", Long.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("scopeId", scopeId)
                .getSingleResult();
    }

    /** Roles and options are stored and aggregated in order, separated by single spaces (names have none). */
    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split(" "));
    }
}
