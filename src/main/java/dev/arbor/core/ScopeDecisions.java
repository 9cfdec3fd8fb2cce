package dev.arbor.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The scope questions of {@link Policy}: who may create, update, delete a scope (alone or with everything below
 * it) and list its members. Each needs the permission the scope's type names for it; realm administrators may.
 */
final class ScopeDecisions {

    /** Stands for a scope about to be created: no stored scope has this id. */
    private static final String NEW_SCOPE = "\u0000new";

    private final TenancySchema schema;
    private final PermissionChecks checks;

    ScopeDecisions(TenancySchema schema, PermissionChecks checks) {
        this.schema = schema;
        this.checks = checks;
    }

    Decision mayCreateScope(Principal principal, String parentId, String type, TreeSlice tree) {
        ScopeType scopeType = schema.type(type);
        if (scopeType == null) {
            return Decision.deny(Decision.Reason.UNKNOWN, List.of("the schema declares no scope type " + type));
        }
        if (principal.realmAdmin()) {
            return Decision.realmAdministrator(principal);
        }
        if (parentId == null) {
            return Decision.deny(Decision.Reason.NOT_PERMITTED,
                    List.of("only realm administrators create scopes at the top of the tree"));
        }
        Decision permitted = checkNamed(principal, parentId, scopeType.createPermission(), "createPermission", type,
                tree);
        if (!permitted.allowed() || scopeType.creatorRole() == null) {
            return permitted;
        }
        return creatorMayHold(principal, parentId, scopeType, permitted, tree);
    }

    /**
     * The creator receives the type's creator role at the new scope: not by delegation, but within what one user may
     * hold (scopes per user; the new scope has no holders and no other roles yet), so a creation the creator could
     * not own is refused before anything is written.
     */
    private Decision creatorMayHold(Principal principal, String parentId, ScopeType type, Decision permitted,
            TreeSlice tree) {
        List<String> why = new ArrayList<>(permitted.explanation());
        List<String> path = tree.scope(parentId).map(Scope::path).orElse(List.of(parentId));
        Scope created = new Scope(NEW_SCOPE, type.name(), "(new)", path, Map.of());
        Decision refused = Holdings.refusal(schema, created, principal.userId(), Set.of(),
                type.creatorRole(), tree, why);
        if (refused != null) {
            return refused;
        }
        why.add("user " + principal.userId() + " becomes " + type.name() + "." + type.creatorRole()
                + " of the new scope (creatorRole)");
        return Decision.allow(why);
    }

    /** The creator role a user receives for creating a scope of {@code type}; none for realm administrators. */
    Optional<String> creatorRole(Principal principal, String type) {
        ScopeType scopeType = schema.type(type);
        return principal.realmAdmin() || scopeType == null ? Optional.empty()
                : Optional.ofNullable(scopeType.creatorRole());
    }

    Decision mayUpdateScope(Principal principal, String scopeId, TreeSlice tree) {
        return byTypePermission(principal, scopeId, tree, ScopeType::updatePermission, "updatePermission");
    }

    /** As creating one, deleting a root scope (a whole tenant) is for realm administrators. */
    Decision mayDeleteScope(Principal principal, String scopeId, TreeSlice tree) {
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isPresent() && scope.get().ancestors().isEmpty() && !principal.realmAdmin()) {
            return Decision.deny(Decision.Reason.NOT_PERMITTED, List.of(scope.get().label() + " is at the top of"
                    + " the tree: only realm administrators create and delete scopes there"));
        }
        return byTypePermission(principal, scopeId, tree, ScopeType::deletePermission, "deletePermission");
    }

    Decision mayDeleteScope(Principal principal, String scopeId, boolean cascade, TreeSlice tree) {
        Decision top = mayDeleteScope(principal, scopeId, tree);
        if (!cascade || !top.allowed() || principal.realmAdmin()) {
            return top;
        }
        List<Scope> below = tree.scopesBelow(scopeId);
        for (Scope scope : below) {
            Decision decision = mayDeleteScope(principal, scope.id(), tree);
            if (!decision.allowed()) {
                List<String> why = new ArrayList<>(top.explanation());
                why.add("deleting " + tree.scope(scopeId).map(Scope::label).orElse(scopeId) + " with everything"
                        + " below it would delete " + scope.label() + ", which user " + principal.userId()
                        + " may not:");
                why.addAll(decision.explanation());
                return Decision.deny(decision.reason(), why);
            }
        }
        List<String> why = new ArrayList<>(top.explanation());
        why.add("user " + principal.userId() + " may delete each of the " + below.size() + " scope(s) below it too");
        return Decision.allow(why);
    }

    Decision mayListMembers(Principal principal, String scopeId, TreeSlice tree) {
        return byTypePermission(principal, scopeId, tree, ScopeType::membersPermission, "membersPermission");
    }

    /** Realm administrators may; others need the permission the scope's type names in {@code property}. */
    private Decision byTypePermission(Principal principal, String scopeId, TreeSlice tree,
            Function<ScopeType, String> permissionOf, String property) {
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            return Decision.unknownScope(scopeId);
        }
        if (principal.realmAdmin()) {
            return Decision.realmAdministrator(principal);
        }
        ScopeType type = schema.type(scope.get().type());
        return checkNamed(principal, scopeId, type == null ? null : permissionOf.apply(type), property,
                scope.get().type(), tree);
    }

    private Decision checkNamed(Principal principal, String scopeId, String permission, String property,
            String type, TreeSlice tree) {
        if (permission == null) {
            return Decision.deny(Decision.Reason.NOT_PERMITTED, List.of("scope type " + type + " names no " + property
                    + ", so only realm administrators may"));
        }
        return checks.check(principal, scopeId, permission, false, tree);
    }
}
