package dev.arbor.spring;

import dev.arbor.claims.TenancyClaim;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** The claim of a {@link Jwt} Spring Security has verified; a malformed claim makes the token invalid (401). */
final class VerifiedClaim {

    private VerifiedClaim() {
    }

    static Optional<TenancyClaim> of(Jwt jwt, String claimName) {
        try {
            return TenancyClaim.from(jwt.getClaims(), claimName);
        } catch (IllegalArgumentException malformed) {
            // signed by the realm yet not Arbor's claim: a misconfigured mapper; grant nothing from it
            throw new InvalidBearerTokenException(malformed.getMessage(), malformed);
        }
    }
}
