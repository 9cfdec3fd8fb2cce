package dev.arbor.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of the tenancy tree a decision needs, as an immutable snapshot: the scopes on the paths involved, the
 * memberships of the users involved there, and the holders of the roles the schema counts. Adapters fill it from
 * the database or a cache; {@link InMemoryTree} is the plain implementation. A decision that needs a scope the
 * slice lacks fails with {@link IllegalArgumentException} rather than guessing.
 */
public interface TreeSlice {

    Optional<Scope> scope(String scopeId);

    /** What {@code userId} holds at {@code scopeId}; empty when nothing. */
    Optional<Membership> membership(String userId, String scopeId);

    /** Ids of the users holding {@code role} at {@code scopeId}. */
    Set<String> holders(String scopeId, String role);

    /** The memberships at {@code scopeId}. */
    List<Membership> members(String scopeId);

    /** The memberships at scopes strictly below {@code scopeId}. */
    List<Membership> membersBelow(String scopeId);

    /** The scopes strictly below {@code scopeId}, parents before their children; empty for an unknown scope. */
    List<Scope> scopesBelow(String scopeId);

    /** Every membership of {@code userId} in this slice. */
    List<Membership> membershipsOf(String userId);

    /**
     * Every membership of each of {@code userIds}, by user (an entry for every user, empty when they hold
     * nothing): the same as asking {@link #membershipsOf(String)} per user, which a slice over a database answers
     * in a few queries instead of one per user.
     */
    default Map<String, List<Membership>> membershipsOfUsers(Collection<String> userIds) {
        Map<String, List<Membership>> byUser = new LinkedHashMap<>();
        userIds.forEach(userId -> byUser.computeIfAbsent(userId, this::membershipsOf));
        return byUser;
    }

    /**
     * The scopes from the root down to {@code scopeId}, that scope last: its stored ancestry, resolved in this
     * slice. Never null.
     *
     * @return empty when the slice does not hold {@code scopeId}
     * @throws IllegalArgumentException when the slice holds the scope but lacks one of its ancestors
     */
    default List<Scope> path(String scopeId) {
        Optional<Scope> scope = scope(scopeId);
        if (scope.isEmpty()) {
            return List.of();
        }
        List<Scope> path = new ArrayList<>(scope.get().ancestors().size() + 1);
        for (String id : scope.get().ancestors()) {
            path.add(scope(id).orElseThrow(() -> new IllegalArgumentException(
                    "the tree slice lacks scope " + id + ", an ancestor of " + scopeId)));
        }
        path.add(scope.get());
        return List.copyOf(path);
    }
}
