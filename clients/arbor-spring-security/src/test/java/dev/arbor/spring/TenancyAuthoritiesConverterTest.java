package dev.arbor.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class TenancyAuthoritiesConverterTest {

    private final TenancyAuthoritiesConverter converter = new TenancyAuthoritiesConverter();

    private static List<String> names(Collection<GrantedAuthority> authorities) {
        return List.copyOf(AuthorityUtils.authorityListToSet(authorities));
    }

    @Test
    void permissionsAreAuthoritiesAsTheyAreRolesArePrefixedAndScopesStay() {
        Jwt jwt = Tokens.withClaim(Tokens.claim(List.of("owner"),
                List.of("genic:instances:connect", "subscriptions:subscriptions:start")));

        assertThat(names(converter.convert(jwt))).containsExactlyInAnyOrder("SCOPE_openid", "SCOPE_profile",
                "genic:instances:connect", "subscriptions:subscriptions:start", "TENANCY_ROLE_owner");
    }

    @Test
    void aTokenWithoutTheClaimKeepsOnlyItsScopes() {
        assertThat(names(converter.convert(Tokens.token().build()))).containsExactlyInAnyOrder("SCOPE_openid",
                "SCOPE_profile");
    }

    @Test
    void aRoleNamedLikeAPermissionDoesNotGrantThePermission() {
        Jwt jwt = Tokens.withClaim(Tokens.claim(List.of("subscriptions:subscriptions:start"), List.of()));

        assertThat(names(converter.convert(jwt))).doesNotContain("subscriptions:subscriptions:start")
                .contains("TENANCY_ROLE_subscriptions:subscriptions:start");
    }

    @Test
    void aScopeOfTheTokenDoesNotPassForAPermission() {
        Jwt jwt = Tokens.token().claim("scope", "subscriptions:subscriptions:start").build();

        assertThat(names(converter.convert(jwt))).containsExactly("SCOPE_subscriptions:subscriptions:start");
    }

    @Test
    void aMapperWithAnotherClaimNameIsReadByThatName() {
        Jwt jwt = Tokens.token().claim("org", Tokens.claim(List.of(), List.of("genic:instances:connect"))).build();

        assertThat(names(converter.convert(jwt))).doesNotContain("genic:instances:connect");
        assertThat(names(new TenancyAuthoritiesConverter("org").convert(jwt))).contains("genic:instances:connect");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a string", "workspace", "tenancy:"),
                Arguments.of("no scope id", Map.of("scope", Map.of("type", "workspace", "name", "B")),
                        "tenancy.scope.id:"),
                Arguments.of("permissions as one string", Map.of(
                        "scope", Map.of("id", "w", "type", "workspace", "name", "B"),
                        "path", List.of(Map.of("id", "w", "type", "workspace", "name", "B")),
                        "roles", List.of(), "permissions", "subscriptions:subscriptions:start"),
                        "tenancy.permissions:"));
    }

    @ParameterizedTest(name = "a claim that is {0}: an invalid token, no authorities")
    @MethodSource("malformed")
    void aMalformedClaimMakesTheTokenInvalid(String description, Object claim, String field) {
        assertThatThrownBy(() -> converter.convert(Tokens.withClaim(claim)))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining(field);
    }
}
