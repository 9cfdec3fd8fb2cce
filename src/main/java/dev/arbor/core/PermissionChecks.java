package dev.arbor.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The permission questions of {@link Policy}: one permission at one scope or across several, acting in a scope,
 * seeing it. Each evaluates the principal's permissions over the scope's path.
 */
final class PermissionChecks {

    private final TenancySchema schema;

    PermissionChecks(TenancySchema schema) {
        this.schema = schema;
    }

    Decision check(Principal principal, String scopeId, String permission, boolean ownsResource,
            TreeSlice tree) {
        int index = schema.catalog().indexOf(permission);
        if (index < 0) {
            return Decision.deny(Decision.Reason.UNKNOWN, List.of("the schema declares no permission " + permission));
        }
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            return Decision.unknownScope(scopeId);
        }
        Trace trace = Trace.focusedOn(index);
        boolean allowed = new Evaluation(schema, tree, principal.userId(), scope.get(), ownsResource, trace)
                .permissions().get(index);
        List<String> why = new ArrayList<>(trace.lines());
        if (allowed) {
            why.add(permission + " is allowed at " + scope.get().label());
            return Decision.allow(why);
        }
        if (why.isEmpty()) {
            why.add("user " + principal.userId() + " holds no role at or above " + scope.get().label()
                    + " that gives " + permission);
        }
        why.add(permission + " is denied at " + scope.get().label());
        return Decision.deny(Decision.Reason.NOT_PERMITTED, why);
    }

    Decision checkAcross(Principal principal, Collection<String> scopeIds, String permission, boolean ownsResource,
            TreeSlice tree) {
        List<String> common = null;
        for (String scopeId : scopeIds) {
            Optional<Scope> scope = tree.scope(scopeId);
            if (scope.isEmpty()) {
                return Decision.deny(Decision.Reason.UNKNOWN, List.of("no scope " + scopeId));
            }
            List<String> path = scope.get().path();
            if (common == null) {
                common = path;
            } else {
                int shared = 0;
                while (shared < common.size() && shared < path.size() && common.get(shared).equals(path.get(shared))) {
                    shared++;
                }
                common = common.subList(0, shared);
            }
        }
        if (common == null || common.isEmpty()) {
            return Decision.deny(Decision.Reason.NO_COMMON_ANCESTOR,
                    List.of("scopes " + scopeIds + " share no ancestor"));
        }
        String ancestor = common.get(common.size() - 1);
        Decision decision = check(principal, ancestor, permission, ownsResource, tree);
        List<String> why = new ArrayList<>();
        why.add("scopes " + scopeIds + " are judged at their lowest common ancestor " + ancestor);
        why.addAll(decision.explanation());
        return new Decision(decision.allowed(), decision.reason(), why);
    }

    Decision mayActIn(Principal principal, String scopeId, TreeSlice tree) {
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            return Decision.unknownScope(scopeId);
        }
        Optional<Membership> membership = tree.membership(principal.userId(), scopeId);
        if (membership.isPresent() && givesAccess(membership.get(), scope.get())) {
            return Decision.allow(List.of("user " + principal.userId() + " holds a role at " + scope.get().label()));
        }
        BitSet permissions = new Evaluation(schema, tree, principal.userId(), scope.get(), false, Trace.OFF)
                .permissions();
        return permissions.isEmpty()
                ? Decision.deny(Decision.Reason.NOT_PERMITTED, List.of("user " + principal.userId()
                        + " has neither a role that gives access nor any permission at " + scope.get().label()))
                : Decision.allow(List.of("user " + principal.userId() + " has permissions at " + scope.get().label()
                        + " from roles above it"));
    }

    Decision maySee(Principal principal, String scopeId, TreeSlice tree) {
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            return Decision.unknownScope(scopeId);
        }
        if (principal.realmAdmin()) {
            return Decision.realmAdministrator(principal);
        }
        Optional<Membership> own = tree.membership(principal.userId(), scopeId);
        if (own.isPresent() && givesAccess(own.get(), scope.get())) {
            return Decision.allow(List.of("user " + principal.userId() + " holds a role at " + scope.get().label()));
        }
        for (Membership membership : tree.membershipsOf(principal.userId())) {
            Optional<Scope> held = tree.scope(membership.scopeId());
            if (held.isPresent() && held.get().ancestors().contains(scopeId) && givesAccess(membership, held.get())) {
                return Decision.allow(List.of("user " + principal.userId() + " is a member of "
                        + held.get().label() + ", below it"));
            }
        }
        BitSet permissions = new Evaluation(schema, tree, principal.userId(), scope.get(), false, Trace.OFF)
                .permissions();
        if (!permissions.isEmpty()) {
            return Decision.allow(List.of("user " + principal.userId() + " has permissions at " + scope.get().label()
                    + " from roles above it"));
        }
        return Decision.deny(Decision.Reason.NOT_PERMITTED, List.of("user " + principal.userId()
                + " has no role at, above or below " + scope.get().label() + " that gives access"));
    }

    /**
     * Whether a membership lets its user see and act in its scope: one of its roles gives access. A membership of
     * roles declared {@code access: none} only (SkyPort's virtual-client users) is on record and listed with the
     * members, but opens nothing; neither do roles the schema does not declare.
     */
    private boolean givesAccess(Membership membership, Scope scope) {
        ScopeType type = schema.type(scope.type());
        return type != null && membership.roles().stream()
                .map(role -> type.roles().get(role))
                .anyMatch(role -> role != null && role.givesAccess());
    }
}
