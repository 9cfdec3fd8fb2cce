package dev.arbor.core;

import java.util.List;

/**
 * What a principal may do at one scope, after inheritance, vacancy, sealing, options and constraints.
 *
 * @param roles roles held at the scope itself, sorted
 * @param actingRoles roles the principal acts as at the scope because it is vacant, sorted
 * @param permissions effective permissions, sorted
 * @param options optional permissions in effect at the scope, sorted
 * @param explanation readable steps; empty unless explained
 */
public record Access(String scopeId, List<String> roles, List<String> actingRoles, List<String> permissions,
        List<String> options, List<String> explanation) {

    public Access {
        roles = List.copyOf(roles);
        actingRoles = List.copyOf(actingRoles);
        permissions = List.copyOf(permissions);
        options = List.copyOf(options);
        explanation = List.copyOf(explanation);
    }

    public boolean allows(String permission) {
        return java.util.Collections.binarySearch(permissions, permission) >= 0;
    }
}
