package dev.arbor.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the data a realm already holds fits a new schema; what does not, named scope by scope: types, nesting,
 * declared roles, holders per role, and what one user may hold ({@link Holdings}: exclusive groups, scopes per user).
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /**
     * @param scopes every scope of the realm
     * @param memberships every membership of the realm
     * @return one sentence per misfit; empty when the data fits
     */
    public static List<String> problems(TenancySchema schema, List<Scope> scopes, List<Membership> memberships) {
        List<String> problems = new ArrayList<>();
        Map<String, Scope> byId = new HashMap<>();
        scopes.forEach(scope -> byId.put(scope.id(), scope));
        Placement placement = new Placement(schema);
        for (Scope scope : scopes) {
            Scope parent = scope.parentId() == null ? null : byId.get(scope.parentId());
            String parentType = parent == null ? null : parent.type();
            if (placement.type(scope.type(), "type").isPresent()) {
                problems.add(scope.label() + " has a type the new schema does not declare");
            } else if (placement.nesting(scope.type(), parentType, "parentId").isPresent()) {
                problems.add(scope.label() + " may not be " + (parent == null ? "a root" : "under a " + parentType)
                        + " in the new schema");
            }
        }
        Map<String, Integer> holders = new HashMap<>();
        for (Membership membership : memberships) {
            Scope scope = byId.get(membership.scopeId());
            if (scope == null || schema.type(scope.type()) == null) {
                continue;
            }
            for (String role : membership.roles()) {
                Role declared = schema.role(scope.type(), role);
                if (declared == null) {
                    problems.add("user " + membership.userId() + " holds " + role + " at " + scope.label()
                            + ", a role the new schema does not declare for " + scope.type());
                    continue;
                }
                int count = holders.merge(scope.id() + "\n" + role, 1, Integer::sum);
                HolderLimit limit = declared.holderLimit();
                if (!limit.allows(count) && limit.allows(count - 1)) { // the first holder too many, reported once
                    problems.add(scope.label() + " has more holders of " + role + " than the new schema's "
                            + limit.max());
                }
            }
        }
        problems.addAll(Holdings.problems(schema, id -> Optional.ofNullable(byId.get(id)), memberships));
        return problems;
    }
}
