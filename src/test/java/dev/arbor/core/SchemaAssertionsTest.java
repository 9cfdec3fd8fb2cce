package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Assertions inside a schema: judged whenever it is read; a failing or malformed row refuses it, named. */
class SchemaAssertionsTest {

    private static final String TREE = """
            scopes:
              - key: acme
                type: account
                children: [{key: studio, type: workspace}, {key: lab, type: workspace}]
            members:
              - {user: alice, scope: acme, roles: [owner]}
              - {user: carol, scope: studio, roles: [owner]}
              - {user: frank, scope: studio, roles: [virtual-client-user]}
            """;

    @Test
    void aSchemaWhoseRowsHoldIsRead() {
        TenancySchema schema = SchemaReader.read(skyportWith(TREE + """
                expect:
                  - {user: alice, scope: lab, permission: subscriptions:subscriptions:start, allowed: true}
                  - {user: alice, scope: studio, permission: subscriptions:subscriptions:start, allowed: false}
                  - {user: alice, scopes: [studio, lab], permission: users:members:view, allowed: true}
                  - {user: carol, scope: studio, grant: admin, to: dave, allowed: true}
                  - {user: carol, scope: studio, grant: owner, to: dave, allowed: false}
                  - {user: alice, scope: studio, revoke: owner, from: carol, allowed: true}
                  - {user: carol, scope: studio, create: workspace, allowed: false}
                  - {user: carol, scope: lab, see: false}
                  - {user: carol, scope: studio, actIn: true}
                """));

        assertThat(schema.id()).isEqualTo("skyport");
    }

    @Test
    void aFailingRowRefusesTheSchemaNamingTheRowAndWhy() {
        assertThatThrownBy(() -> SchemaReader.read(skyportWith(TREE + """
                expect:
                  - {user: alice, scope: lab, permission: subscriptions:subscriptions:start, allowed: true}
                  - {user: alice, scope: studio, permission: subscriptions:subscriptions:start, allowed: true}
                """)))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).path()).isEqualTo("assertions.expect[1]");
                    assertThat(e.problems().get(0).message()).startsWith("expected allowed, but the schema denies")
                            .contains("seals off subscriptions:subscriptions:start");
                });
    }

    @Test
    void anAllowedRowExpectedDeniedFailsToo() {
        assertThatThrownBy(() -> SchemaReader.read(skyportWith(TREE + """
                expect:
                  - {user: carol, scope: studio, grant: admin, to: dave, allowed: false}
                """)))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e ->
                        assertThat(e.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.path()).isEqualTo("assertions.expect[0]");
                            assertThat(problem.message()).startsWith("expected denied, but the schema allows");
                        }));
    }

    @Test
    void malformedRowsAndTreesAreReportedAllAtOnceWithTheirPlaces() {
        assertThatThrownBy(() -> SchemaReader.read(skyportWith("""
                scopes:
                  - {key: acme, type: account, children: [{key: w, type: account}, {key: acme, type: workspace}]}
                  - {key: x, type: galaxy}
                members:
                  - {user: alice, scope: nowhere, roles: [owner]}
                  - {user: bob, scope: acme, roles: [king]}
                """)))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e ->
                        assertThat(e.problems()).extracting(SchemaProblem::path).containsExactly(
                                "assertions.scopes[0].children[0].type", "assertions.scopes[0].children[1].key",
                                "assertions.scopes[1].type", "assertions.members[0].scope",
                                "assertions.members[1].roles[0]", "assertions.members[1].roles"));
        assertThatThrownBy(() -> SchemaReader.read(skyportWith(TREE + """
                expect:
                  - {user: alice, scope: lab, allowed: true}
                  - {user: alice, scope: lab, see: true, permission: users:members:view, allowed: true}
                  - {user: alice, scope: mars, see: true}
                  - {user: alice, scope: lab, permission: users:members:fly, allowed: true}
                  - {user: alice, scope: lab, permission: users:members:view}
                  - {user: alice, scopes: [studio, lab], grant: admin, to: bob, allowed: true}
                  - {user: alice, scope: lab, grant: emperor, to: bob, allowed: true}
                  - {user: alice, scope: lab, see: maybe}
                  - {user: alice, scope: lab, sees: true}
                """)))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e ->
                        assertThat(e.problems()).extracting(SchemaProblem::path).containsExactly(
                                "assertions.expect[0]", "assertions.expect[1]", "assertions.expect[2].scope",
                                "assertions.expect[3].permission", "assertions.expect[4].allowed",
                                "assertions.expect[5].scopes", "assertions.expect[6].grant",
                                "assertions.expect[7].see", "assertions.expect[8].sees", "assertions.expect[8]"));
    }

    @Test
    void theAssertionsOfTheSchemaItselfAreCheckedOnlyOnceItIsValid() {
        Map<String, Object> document = skyportWith(TREE + "expect: [{user: alice, scope: lab, see: true}]");
        document.put("version", 0);

        assertThatThrownBy(() -> SchemaReader.read(document))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e ->
                        assertThat(e.problems()).extracting(SchemaProblem::path).containsExactly("version"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> skyportWith(String assertions) {
        Map<String, Object> document = new LinkedHashMap<>((Map<String, Object>) SeedSchemas.document("skyport"));
        document.put("assertions", SeedSchemas.yaml(assertions));
        return document;
    }
}
