package dev.arbor.spring;

import dev.arbor.claims.TenancyClaim;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * The authorities of a verified token: Spring's usual {@code SCOPE_…} ones from {@code scope}, each permission of
 * Arbor's {@code tenancy} claim as itself (so that {@code hasAuthority('subscriptions:subscriptions:start')} reads as
 * the permission), and each role of the claim as {@value #ROLE_PREFIX}{@code <role>}.
 *
 * <p>The role prefix is upper case and Arbor's permissions are lower case ({@code module:resource:action}), so a
 * role can never pass for a permission. Authorize by permissions: roles are there for apps that show them.
 *
 * <p>Every authority from the claim holds only in the claim's scope: pair {@code hasAuthority} with
 * {@link TenancyAccess#actsIn(String)} for the scope the request names.
 */
public final class TenancyAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    /** Prefix of the authorities made from the claim's roles. */
    public static final String ROLE_PREFIX = "TENANCY_ROLE_";

    private final Converter<Jwt, Collection<GrantedAuthority>> scopes = new JwtGrantedAuthoritiesConverter();
    private final String claimName;

    /** For the claim's default name, {@value TenancyClaim#DEFAULT_CLAIM_NAME}. */
    public TenancyAuthoritiesConverter() {
        this(TenancyClaim.DEFAULT_CLAIM_NAME);
    }

    /** For a mapper configured with the claim name {@code claimName}. */
    public TenancyAuthoritiesConverter(String claimName) {
        this.claimName = Objects.requireNonNull(claimName, "claimName");
    }

    /**
     * @return the token's {@code SCOPE_} authorities, plus the claim's permissions and prefixed roles when it has
     *         the claim; never null
     * @throws InvalidBearerTokenException when the token has a claim of that name that is not Arbor's claim
     */
    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        VerifiedClaim.of(jwt, claimName).ifPresent(claim -> {
            claim.permissions().forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission)));
            claim.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role)));
        });
        return authorities;
    }
}
