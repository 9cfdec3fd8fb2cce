package dev.arbor.core;

import java.util.List;
import java.util.Map;

/**
 * What one user may hold of one scope type beyond each role's own limits: at most one role of each exclusive group
 * per scope ({@code exclusiveRoles}), and roles at no more than {@code scopesPerUser} scopes of the type under one
 * root scope. Judged by {@link Holdings}.
 *
 * @param exclusiveGroups group name to its roles, in schema order; empty when the type has none
 * @param scopesPerUser how many scopes of the type one user may hold roles at under one root; null: any number
 */
record HoldingRules(Map<String, List<String>> exclusiveGroups, Integer scopesPerUser) {

    static final HoldingRules NONE = new HoldingRules(Map.of(), null);

    HoldingRules {
        exclusiveGroups = Map.copyOf(exclusiveGroups);
    }

    /** The exclusive group {@code role} belongs to; null when none. */
    String groupOf(String role) {
        for (Map.Entry<String, List<String>> group : exclusiveGroups.entrySet()) {
            if (group.getValue().contains(role)) {
                return group.getKey();
            }
        }
        return null;
    }
}
