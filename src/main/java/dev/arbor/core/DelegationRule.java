package dev.arbor.core;

import java.util.Set;

/**
 * Who may grant (and revoke) which roles.
 *
 * @param number the rule's position in the schema, from 1, for explanations
 * @param self whether an actor may grant these roles to themselves
 * @param beyondOwnPermissions whether the actor may grant a role that gives more than they have at the scope
 */
record DelegationRule(int number, Set<RoleRef> roles, Set<RoleRef> by, Condition when, boolean revoke, boolean self,
        boolean beyondOwnPermissions, String description) {

    String label() {
        return "delegation rule " + number + (description == null ? "" : " (" + description + ")");
    }
}
