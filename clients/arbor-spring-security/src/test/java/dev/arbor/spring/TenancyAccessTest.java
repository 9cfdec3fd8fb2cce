package dev.arbor.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class TenancyAccessTest {

    private final TenancyAccess tenancy = new TenancyAccess();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static void authenticate(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    private static void authenticate(Jwt jwt) {
        authenticate(new TenancyJwtAuthenticationConverter().convert(jwt));
    }

    @Test
    void aTokenActsInItsScopeOnly() {
        authenticate(Tokens.withClaim(Tokens.claim(List.of("owner"), List.of("subscriptions:subscriptions:start"))));

        assertThat(tenancy.actsIn(Tokens.WORKSPACE)).isTrue();
        assertThat(tenancy.actsIn(Tokens.ACCOUNT)).as("an ancestor on its path").isFalse();
        assertThat(tenancy.actsIn("another-workspace")).isFalse();
        assertThat(tenancy.actsIn(null)).isFalse();
        assertThat(tenancy.current().orElseThrow().hasPermission("subscriptions:subscriptions:start")).isTrue();
    }

    @Test
    void aTokenWithoutTheClaimActsNowhere() {
        authenticate(Tokens.token().build());

        assertThat(tenancy.current()).isEmpty();
        assertThat(tenancy.actsIn(Tokens.WORKSPACE)).isFalse();
    }

    @Test
    void noAuthenticationAnonymousOrAnotherKindActsNowhere() {
        assertThat(tenancy.actsIn(Tokens.WORKSPACE)).as("no authentication").isFalse();

        authenticate(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(tenancy.actsIn(Tokens.WORKSPACE)).as("anonymous").isFalse();

        authenticate(UsernamePasswordAuthenticationToken.authenticated(Tokens.WORKSPACE, "n/a", List.of()));
        assertThat(tenancy.actsIn(Tokens.WORKSPACE)).as("a principal that is not a token").isFalse();
    }

    @Test
    void aMalformedClaimIsAnInvalidTokenHereToo() {
        Jwt jwt = Tokens.withClaim("workspace");
        authenticate(new JwtAuthenticationToken(jwt));

        assertThatThrownBy(() -> tenancy.actsIn("workspace")).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void anotherClaimNameIsReadByThatName() {
        authenticate(new TenancyJwtAuthenticationConverter("org").convert(
                Tokens.token().claim("org", Tokens.claim(List.of(), List.of())).build()));

        assertThat(tenancy.actsIn(Tokens.WORKSPACE)).isFalse();
        assertThat(new TenancyAccess("org").actsIn(Tokens.WORKSPACE)).isTrue();
    }
}
