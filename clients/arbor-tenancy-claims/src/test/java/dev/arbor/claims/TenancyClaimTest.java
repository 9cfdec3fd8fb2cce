package dev.arbor.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TenancyClaimTest {

    private static final String ACCOUNT = "9a1e…";
    private static final String WORKSPACE = "4f0c…";

    /** The claim example of docs/tokens.md, as a JSON library decodes it: fresh and mutable for each test. */
    private static Map<String, Object> docsExample() {
        Map<String, Object> tenancy = new LinkedHashMap<>();
        tenancy.put("scope", scope(WORKSPACE, "workspace", "Studio B"));
        tenancy.put("path", new ArrayList<>(List.of(scope(ACCOUNT, "account", "Acme Broadcast"),
                scope(WORKSPACE, "workspace", "Studio B"))));
        tenancy.put("roles", new ArrayList<>(List.of("owner")));
        tenancy.put("permissions", new ArrayList<>(List.of("genic:instances:connect",
                "subscriptions:subscriptions:rename", "subscriptions:subscriptions:start")));
        tenancy.put("options", new ArrayList<>());
        tenancy.put("schema", new LinkedHashMap<>(Map.of("id", "skyport", "version", 1)));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "http://localhost:8080/realms/skyport");
        claims.put("sub", "alice");
        claims.put("tenancy", tenancy);
        return claims;
    }

    private static Map<String, Object> scope(String id, String type, String name) {
        return new LinkedHashMap<>(Map.of("id", id, "type", type, "name", name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tenancyOf(Map<String, Object> claims) {
        return (Map<String, Object>) claims.get("tenancy");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> partOf(Map<String, Object> claims, String part) {
        return (Map<String, Object>) tenancyOf(claims).get(part);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Map<String, Object> claims, String part) {
        return (List<Object>) tenancyOf(claims).get(part);
    }

    @Test
    void theDocumentedClaimReadsAsATypedValue() {
        TenancyClaim claim = TenancyClaim.from(docsExample()).orElseThrow();

        assertThat(claim.scope()).isEqualTo(new ScopeRef(WORKSPACE, "workspace", "Studio B"));
        assertThat(claim.path()).containsExactly(new ScopeRef(ACCOUNT, "account", "Acme Broadcast"),
                new ScopeRef(WORKSPACE, "workspace", "Studio B"));
        assertThat(claim.roles()).containsExactly("owner");
        assertThat(claim.permissions()).containsExactly("genic:instances:connect",
                "subscriptions:subscriptions:rename", "subscriptions:subscriptions:start");
        assertThat(claim.options()).isEmpty();
        assertThat(claim.schema()).isEqualTo(new ClaimSchema("skyport", 1));
    }

    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of("a permission it lists", "subscriptions:subscriptions:start", true),
                Arguments.of("a permission it does not list", "subscriptions:subscriptions:stop", false),
                Arguments.of("a prefix of a listed permission", "subscriptions:subscriptions", false),
                Arguments.of("a wildcard", "subscriptions:*:*", false),
                Arguments.of("a role, not a permission", "owner", false),
                Arguments.of("null", null, false));
    }

    @ParameterizedTest(name = "hasPermission: {0}")
    @MethodSource("questions")
    void hasPermissionIsExactMembership(String description, String permission, boolean expected) {
        assertThat(TenancyClaim.from(docsExample()).orElseThrow().hasPermission(permission)).isEqualTo(expected);
    }

    @Test
    void actsInOnlyTheScopeItself() {
        TenancyClaim claim = TenancyClaim.from(docsExample()).orElseThrow();

        assertThat(claim.actsIn(WORKSPACE)).isTrue();
        assertThat(claim.actsIn(ACCOUNT)).as("an ancestor on the path is not the scope acted in").isFalse();
        assertThat(claim.actsIn("another")).isFalse();
        assertThat(claim.actsIn(null)).isFalse();
    }

    @Test
    void aTokenWithoutTheClaimHasNoTenancy() {
        Map<String, Object> claims = docsExample();
        claims.remove("tenancy");
        assertThat(TenancyClaim.from(claims)).isEmpty();

        claims.put("tenancy", null);
        assertThat(TenancyClaim.from(claims)).as("JSON null").isEmpty();
    }

    @Test
    void aMapperWithAnotherClaimNameIsReadByThatName() {
        Map<String, Object> claims = docsExample();
        claims.put("org", claims.remove("tenancy"));

        assertThat(TenancyClaim.from(claims)).isEmpty();
        assertThat(TenancyClaim.from(claims, "org").orElseThrow().actsIn(WORKSPACE)).isTrue();
    }

    @Test
    void theValueDoesNotChangeWithTheMapItWasReadFromAndCannotBeChanged() {
        Map<String, Object> claims = docsExample();
        TenancyClaim claim = TenancyClaim.from(claims).orElseThrow();

        listOf(claims, "permissions").add("billing:purchases:create");
        partOf(claims, "scope").put("id", ACCOUNT);

        assertThat(claim.hasPermission("billing:purchases:create")).isFalse();
        assertThat(claim.actsIn(WORKSPACE)).isTrue();
        assertThatThrownBy(() -> claim.permissions().add("billing:purchases:create"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void partsArborAddsLaterAreIgnored() {
        Map<String, Object> claims = docsExample();
        tenancyOf(claims).put("switchable", List.of(Map.of("id", "x", "type", "workspace", "name", "Studio A",
                "path", List.of("Acme", "Studio A"))));
        tenancyOf(claims).put("switchableTruncated", true);

        assertThat(TenancyClaim.from(claims).orElseThrow()).isEqualTo(TenancyClaim.from(docsExample()).orElseThrow());
    }

    static Stream<Arguments> integralVersions() {
        return Stream.of(Arguments.of("Integer (Jackson)", 1), Arguments.of("Long (Nimbus)", 1L),
                Arguments.of("BigInteger", BigInteger.ONE), Arguments.of("Short", (short) 1));
    }

    @ParameterizedTest(name = "schema.version as {0}")
    @MethodSource("integralVersions")
    void anyLibrarysIntegerIsAVersion(String type, Number version) {
        Map<String, Object> claims = docsExample();
        partOf(claims, "schema").put("version", version);

        assertThat(TenancyClaim.from(claims).orElseThrow().schema().version()).isEqualTo(1);
    }

    static Stream<Arguments> malformed() {
        return Stream.<Arguments>of(
                bad("the claim is a string", "tenancy", c -> c.put("tenancy", "workspace")),
                bad("the claim is an array", "tenancy", c -> c.put("tenancy", List.of())),
                bad("no scope", "tenancy.scope", c -> tenancyOf(c).remove("scope")),
                bad("scope is a string", "tenancy.scope", c -> tenancyOf(c).put("scope", WORKSPACE)),
                bad("no scope id", "tenancy.scope.id", c -> partOf(c, "scope").remove("id")),
                bad("scope id is a number", "tenancy.scope.id", c -> partOf(c, "scope").put("id", 42)),
                bad("scope id is blank", "tenancy.scope.id", c -> partOf(c, "scope").put("id", " ")),
                bad("no scope type", "tenancy.scope.type", c -> partOf(c, "scope").remove("type")),
                bad("no scope name", "tenancy.scope.name", c -> partOf(c, "scope").remove("name")),
                bad("no path", "tenancy.path", c -> tenancyOf(c).remove("path")),
                bad("path is an object", "tenancy.path", c -> tenancyOf(c).put("path", scope(WORKSPACE, "w", "n"))),
                bad("path is empty", "tenancy.path", c -> listOf(c, "path").clear()),
                bad("path ends elsewhere", "tenancy.path", c -> listOf(c, "path").remove(1)),
                bad("a path entry is a string", "tenancy.path[0]", c -> listOf(c, "path").set(0, ACCOUNT)),
                bad("a path entry lacks its name", "tenancy.path[1].name",
                        c -> ((Map<?, ?>) listOf(c, "path").get(1)).remove("name")),
                bad("no roles", "tenancy.roles", c -> tenancyOf(c).remove("roles")),
                bad("roles is a string", "tenancy.roles", c -> tenancyOf(c).put("roles", "owner")),
                bad("a role is a number", "tenancy.roles[0]", c -> listOf(c, "roles").set(0, 7)),
                bad("no permissions", "tenancy.permissions", c -> tenancyOf(c).remove("permissions")),
                bad("permissions is one string", "tenancy.permissions",
                        c -> tenancyOf(c).put("permissions", "subscriptions:subscriptions:start")),
                bad("a permission is null", "tenancy.permissions[1]", c -> listOf(c, "permissions").set(1, null)),
                bad("a permission is an object", "tenancy.permissions[2]",
                        c -> listOf(c, "permissions").set(2, Map.of("id", "x"))),
                bad("no options", "tenancy.options", c -> tenancyOf(c).remove("options")),
                bad("no schema", "tenancy.schema", c -> tenancyOf(c).remove("schema")),
                bad("no schema id", "tenancy.schema.id", c -> partOf(c, "schema").remove("id")),
                bad("schema version is a string", "tenancy.schema.version",
                        c -> partOf(c, "schema").put("version", "1")),
                bad("schema version is a fraction", "tenancy.schema.version",
                        c -> partOf(c, "schema").put("version", 1.5)),
                bad("schema version is 0", "tenancy.schema.version", c -> partOf(c, "schema").put("version", 0)),
                bad("schema version overflows an int", "tenancy.schema.version",
                        c -> partOf(c, "schema").put("version", 1L << 40)));
    }

    private static Arguments bad(String description, String field, Consumer<Map<String, Object>> damage) {
        return Arguments.of(description, field, damage);
    }

    @ParameterizedTest(name = "{0}: refused, naming {1}")
    @MethodSource("malformed")
    void aMalformedClaimIsRefusedNamingTheField(String description, String field,
            Consumer<Map<String, Object>> damage) {
        Map<String, Object> claims = docsExample();
        damage.accept(claims);

        assertThatThrownBy(() -> TenancyClaim.from(claims))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed tenancy claim: " + field + ":");
    }

    @Test
    void aMalformedClaimUnderAnotherNameIsNamedByThatName() {
        Map<String, Object> claims = docsExample();
        partOf(claims, "scope").remove("id");
        claims.put("org", claims.remove("tenancy"));

        assertThatThrownBy(() -> TenancyClaim.from(claims, "org"))
                .hasMessageStartingWith("malformed tenancy claim: org.scope.id:");
    }
}
