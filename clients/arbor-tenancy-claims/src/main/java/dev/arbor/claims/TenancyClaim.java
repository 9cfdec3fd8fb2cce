package dev.arbor.claims;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code tenancy} claim of a token issued by Keycloak with Arbor: the one scope the token acts in, that scope's
 * path from the root, the user's roles there and the effective permissions (inheritance, vacancy, sealing, options
 * and prerequisites already applied by Arbor), as described by Arbor's JSON Schema
 * {@code dev/arbor/schema/tenancy-claim.json}.
 *
 * <p><b>This type verifies nothing.</b> Build it only from the claims of a token that your JWT library has verified
 * (signature against the realm's published keys, {@code iss}, {@code exp}); read from an unverified token, it says
 * whatever the sender wrote.
 *
 * <p>Values are immutable; lists keep the token's order (sorted by Arbor; {@code path} root first). A permission is
 * worthless without its scope: check {@link #actsIn(String)} for the scope a request names as well as
 * {@link #hasPermission(String)}.
 *
 * @param scope the scope the token acts in
 * @param path the scope's ancestors and itself, root first; never empty, ends with {@code scope}
 * @param roles the roles held (or acted as, when vacant) at {@code scope}
 * @param permissions the effective permissions at {@code scope}, {@code module:resource:action}
 * @param options the optional permissions given to the user individually and in effect
 * @param schema the tenancy schema the permissions come from
 */
public record TenancyClaim(ScopeRef scope, List<ScopeRef> path, List<String> roles, List<String> permissions,
        List<String> options, ClaimSchema schema) {

    /** The claim's name unless the realm's mapper was configured with another. */
    public static final String DEFAULT_CLAIM_NAME = "tenancy";

    /**
     * @throws NullPointerException if any part is null or a list holds null
     * @throws IllegalArgumentException if {@code path} is empty or does not end with {@code scope}
     */
    public TenancyClaim {
        Objects.requireNonNull(scope, "scope");
        path = List.copyOf(Objects.requireNonNull(path, "path"));
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        permissions = List.copyOf(Objects.requireNonNull(permissions, "permissions"));
        options = List.copyOf(Objects.requireNonNull(options, "options"));
        Objects.requireNonNull(schema, "schema");
        if (path.isEmpty() || !path.get(path.size() - 1).id().equals(scope.id())) {
            throw new IllegalArgumentException("path: must end with the scope " + scope.id() + ", is " + path);
        }
    }

    /**
     * The {@value #DEFAULT_CLAIM_NAME} claim of a verified token.
     *
     * @param verifiedClaims the decoded claims of a verified token, as a JWT library gives them (Spring's
     *        {@code Jwt.getClaims()}, Nimbus' {@code JWTClaimsSet.getClaims()}, a Jackson map): JSON objects as
     *        {@code Map}, arrays as {@code Collection}, strings as {@code String}, integers as any integral
     *        {@code Number}
     * @return empty when the token carries no such claim (or it is JSON {@code null}): a token without a tenancy
     * @throws IllegalArgumentException when the claim is present but does not match Arbor's claim schema (a missing
     *         part, a wrong type); the message names the field, e.g. {@code tenancy.scope.id}
     */
    public static Optional<TenancyClaim> from(Map<String, ?> verifiedClaims) {
        return from(verifiedClaims, DEFAULT_CLAIM_NAME);
    }

    /**
     * As {@link #from(Map)}, for a mapper configured with the claim name {@code claimName}.
     *
     * @throws IllegalArgumentException as {@link #from(Map)}
     */
    public static Optional<TenancyClaim> from(Map<String, ?> verifiedClaims, String claimName) {
        Objects.requireNonNull(verifiedClaims, "verifiedClaims");
        Object claim = verifiedClaims.get(Objects.requireNonNull(claimName, "claimName"));
        return claim == null ? Optional.empty() : Optional.of(ClaimReader.read(claimName, claim));
    }

    /** Whether the token grants {@code permission} ({@code module:resource:action}) in {@link #scope()}. */
    public boolean hasPermission(String permission) {
        return permission != null && permissions.contains(permission);
    }

    /** Whether the token acts in the scope with id {@code scopeId}; false for null. */
    public boolean actsIn(String scopeId) {
        return scope.id().equals(scopeId);
    }
}
