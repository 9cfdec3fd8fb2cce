package dev.arbor.core;

/**
 * What else goes when a role is revoked (other than by a transfer): the members configured under the scope.
 *
 * @param subtree false: memberships at the scope itself; true: also those at every scope below it
 */
record Cascade(RoleRef onRevoke, boolean subtree, String description) {
}
