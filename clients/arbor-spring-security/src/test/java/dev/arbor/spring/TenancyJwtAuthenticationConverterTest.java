package dev.arbor.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class TenancyJwtAuthenticationConverterTest {

    @Test
    void theAuthenticationIsSpringsJwtOneWithTheClaimsAuthorities() {
        AbstractAuthenticationToken authentication = new TenancyJwtAuthenticationConverter()
                .convert(Tokens.withClaim(Tokens.claim(List.of("admin"), List.of("subscriptions:subscriptions:view"))));

        assertThat(authentication).isInstanceOf(JwtAuthenticationToken.class);
        assertThat(authentication.getName()).isEqualTo("alice-id");
        assertThat(AuthorityUtils.authorityListToSet(authentication.getAuthorities())).containsExactlyInAnyOrder(
                "SCOPE_openid", "SCOPE_profile", "subscriptions:subscriptions:view", "TENANCY_ROLE_admin");
    }

    @Test
    void anotherClaimNameReachesTheAuthorities() {
        AbstractAuthenticationToken authentication = new TenancyJwtAuthenticationConverter("org").convert(
                Tokens.token().claim("org", Tokens.claim(List.of(), List.of("genic:instances:connect"))).build());

        assertThat(AuthorityUtils.authorityListToSet(authentication.getAuthorities()))
                .contains("genic:instances:connect");
    }
}
