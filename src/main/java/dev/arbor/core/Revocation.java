package dev.arbor.core;

import java.util.List;

/**
 * The answer to "may the actor revoke this role?", and what else goes with it.
 *
 * @param cascade memberships to remove as well (the members configured under the scope), when allowed
 */
public record Revocation(Decision decision, List<Membership> cascade) {

    public Revocation {
        cascade = List.copyOf(cascade);
    }

    public boolean allowed() {
        return decision.allowed();
    }
}
