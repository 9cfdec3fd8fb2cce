package dev.arbor.core;

/** What a {@link Condition} may look at: the path of the scope being judged, its holders, and the principal. */
interface ConditionContext {

    /** The scope of {@code type} on the judged scope's path (itself or an ancestor); null if there is none. */
    Scope scopeOfType(String type);

    boolean hasHolder(Scope scope, String role);

    /** Whether the principal holds {@code role}, or acts as it, at a scope of the role's type on the path. */
    boolean principalHolds(RoleRef role);

    /** Whether the principal holds {@code role} at a scope of the role's type that is not on the path. */
    boolean principalHoldsOffPath(RoleRef role);

    boolean resourceOwnedByPrincipal();
}
