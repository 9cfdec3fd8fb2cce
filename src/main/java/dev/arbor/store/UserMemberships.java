package dev.arbor.store;

import dev.arbor.core.Membership;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One user's memberships as the node's cache keeps them: the list the tree answers, and the same memberships by
 * scope, because a token's evaluation asks for the user's membership at each scope of a path, and a user with a
 * thousand memberships would otherwise be searched a thousand deep at every level.
 */
final class UserMemberships extends AbstractList<Membership> {

    private static final UserMemberships NONE = new UserMemberships(List.of());

    private final List<Membership> memberships;
    private final Map<String, Membership> byScope;

    private UserMemberships(List<Membership> memberships) {
        this.memberships = List.copyOf(memberships);
        this.byScope = new HashMap<>(memberships.size() * 2);
        this.memberships.forEach(membership -> byScope.put(membership.scopeId(), membership));
    }

    static UserMemberships of(List<Membership> memberships) {
        if (memberships instanceof UserMemberships indexed) {
            return indexed;
        }
        return memberships.isEmpty() ? NONE : new UserMemberships(memberships);
    }

    /** The user's membership at the scope, or none: a user holds at most one per scope. */
    Optional<Membership> at(String scopeId) {
        return Optional.ofNullable(byScope.get(scopeId));
    }

    @Override
    public Membership get(int index) {
        return memberships.get(index);
    }

    @Override
    public int size() {
        return memberships.size();
    }
}
