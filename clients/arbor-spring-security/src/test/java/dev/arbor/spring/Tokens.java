package dev.arbor.spring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;

/** Decoded tokens as Spring's JwtDecoder hands them over after verification. */
final class Tokens {

    static final String WORKSPACE = "4f0c-ws";
    static final String ACCOUNT = "9a1e-acct";

    private Tokens() {
    }

    /** A claim acting in {@link #WORKSPACE} under {@link #ACCOUNT}. */
    static Map<String, Object> claim(List<String> roles, List<String> permissions) {
        Map<String, Object> workspace = Map.of("id", WORKSPACE, "type", "workspace", "name", "Studio B");
        return Map.of(
                "scope", workspace,
                "path", List.of(Map.of("id", ACCOUNT, "type", "account", "name", "Acme"), workspace),
                "roles", roles,
                "permissions", permissions,
                "options", List.of(),
                "schema", Map.of("id", "skyport", "version", 1L));
    }

    static Jwt.Builder token() {
        return Jwt.withTokenValue("a.b.c").header("alg", "RS256").subject("alice-id")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T00:05:00Z"))
                .claim("scope", "openid profile");
    }

    static Jwt withClaim(Object claim) {
        return token().claim("tenancy", claim).build();
    }
}
