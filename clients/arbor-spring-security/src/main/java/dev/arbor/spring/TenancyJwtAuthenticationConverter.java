package dev.arbor.spring;

import dev.arbor.claims.TenancyClaim;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Spring's {@link JwtAuthenticationConverter} with {@link TenancyAuthoritiesConverter}'s authorities: what
 * {@code oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(new TenancyJwtAuthenticationConverter())))}
 * needs. The principal's name is the token's {@code sub}, as Spring's default.
 */
public final class TenancyJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtAuthenticationConverter delegate = new JwtAuthenticationConverter();

    /** For the claim's default name, {@value TenancyClaim#DEFAULT_CLAIM_NAME}. */
    public TenancyJwtAuthenticationConverter() {
        this(TenancyClaim.DEFAULT_CLAIM_NAME);
    }

    /** For a mapper configured with the claim name {@code claimName}. */
    public TenancyJwtAuthenticationConverter(String claimName) {
        delegate.setJwtGrantedAuthoritiesConverter(new TenancyAuthoritiesConverter(claimName));
    }

    /**
     * @return a {@link JwtAuthenticationToken}; never null
     * @throws InvalidBearerTokenException when the token's claim is not Arbor's claim
     */
    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return delegate.convert(jwt);
    }
}
