package dev.arbor.spring;

import dev.arbor.claims.TenancyClaim;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The tenancy claim of the current request's token, for method security and controllers. Declared as a bean named
 * {@code tenancy}, it reads in SpEL as
 * {@code @PreAuthorize("hasAuthority('subscriptions:subscriptions:start') and @tenancy.actsIn(#workspaceId)")}: a
 * permission holds only in the scope the token acts in, so the scope the request names must be that one.
 *
 * <p>Reads the authentication of {@link SecurityContextHolder} at each call; a request that is not authenticated
 * with a {@link Jwt} (anonymous, or another kind of authentication) has no claim and acts in no scope.
 */
public final class TenancyAccess {

    private final String claimName;

    /** For the claim's default name, {@value TenancyClaim#DEFAULT_CLAIM_NAME}. */
    public TenancyAccess() {
        this(TenancyClaim.DEFAULT_CLAIM_NAME);
    }

    /** For a mapper configured with the claim name {@code claimName}. */
    public TenancyAccess(String claimName) {
        this.claimName = Objects.requireNonNull(claimName, "claimName");
    }

    /**
     * The claim of the current token.
     *
     * @return empty when there is no token or it has no claim
     * @throws InvalidBearerTokenException when the token's claim is not Arbor's claim
     */
    public Optional<TenancyClaim> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        return VerifiedClaim.of(jwt, claimName);
    }

    /** Whether the current token acts in the scope with id {@code scopeId}; false without a claim or for null. */
    public boolean actsIn(String scopeId) {
        return current().map(claim -> claim.actsIn(scopeId)).orElse(false);
    }
}
