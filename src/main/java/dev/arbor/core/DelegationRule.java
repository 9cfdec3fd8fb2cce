package dev.arbor.core;

import java.util.Set;

/**
 * Who may grant (and revoke) which roles.
 *
 * @param number the rule's position in the schema, from 1, for explanations
 * @param self whether an actor may grant these roles to themselves
 * @param beyondOwnPermissions whether the actor may grant a role that gives more than they have at the scope
 * @param recipient judged for the user who would receive the role (not the actor) on the target scope's path;
 *        grants only: taking a role back does not depend on who holds it
 */
record DelegationRule(int number, Set<RoleRef> roles, Set<RoleRef> by, Condition when, Condition recipient,
        boolean revoke, boolean self, boolean beyondOwnPermissions, String description) {

    String label() {
        return "delegation rule " + number + (description == null ? "" : " (" + description + ")");
    }
}
