package dev.arbor.core;

import java.util.Set;

/**
 * What one user holds at one scope.
 *
 * @param options optional permissions given to this user individually; only those a held role allows count
 */
public record Membership(String userId, String scopeId, Set<String> roles, Set<String> options) {

    public Membership {
        roles = Set.copyOf(roles);
        options = Set.copyOf(options);
    }
}
