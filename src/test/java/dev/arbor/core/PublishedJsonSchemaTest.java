package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schema shipped in the jar ({@code dev/arbor/schema/tenancy-schema.json}, for editors and CI pipelines)
 * accepts every seed schema and agrees with {@link SchemaReader} on structural mistakes.
 */
class PublishedJsonSchemaTest {

    private static final Schema JSON_SCHEMA = load();

    private static Schema load() {
        try (InputStream in = PublishedJsonSchemaTest.class.getResourceAsStream("/dev/arbor/schema/tenancy-schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"skyport", "eschat", "msp-portal", "hosting-contacts", "skytap"})
    void everySeedSchemaValidates(String name) {
        JsonNode document = new ObjectMapper().valueToTree(SeedSchemas.document(name));

        List<Error> errors = JSON_SCHEMA.validate(document);

        assertThat(errors).as(name).isEmpty();
        assertThat(SchemaReader.read(SeedSchemas.document(name)).id()).isEqualTo(name);
    }

    @Test
    void structuralMistakesAreCaughtByBoth() {
        Object document = SeedSchemas.yaml("""
                arbor: 1
                id: demo
                version: 1
                permissions: {modules: {app: {docs: [view]}}}
                scopeTypes:
                  org:
                    roles:
                      reader:
                        grants: [{permissions: [app:docs:view], at: everywhere}]
                """);

        List<Error> errors = JSON_SCHEMA.validate(new ObjectMapper().valueToTree(document));

        assertThat(errors).extracting(error -> error.getInstanceLocation().toString())
                .containsExactly("/scopeTypes/org/roles/reader/grants/0/at");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidSchemaException.class,
                () -> SchemaReader.read(document)).problems())
                .extracting(SchemaProblem::path).containsExactly("scopeTypes.org.roles.reader.grants[0].at");
    }

    @Test
    void acceptsEveryConstructTheSeedsAdded() {
        Object document = SeedSchemas.yaml(SeedSchemas.resource("constructs-schema.yaml"));

        assertThat(JSON_SCHEMA.validate(new ObjectMapper().valueToTree(document))).isEmpty();
        assertThat(SchemaReader.read(document).id()).isEqualTo("constructs");
    }

    /** A mistake in one of the constructs the seeds added, found by the JSON Schema and the reader at one place. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        access of an unknown kind     | 'access: none'                   | 'access: some'                   | /scopeTypes/org/roles/billing-contact/access | scopeTypes.org.roles.billing-contact.access
        no scopes per user            | 'scopesPerUser: {max: 1}'        | 'scopesPerUser: {max: 0}'        | /scopeTypes/team/scopesPerUser/max           | scopeTypes.team.scopesPerUser.max
        an exclusive group of one     | 'level: [admin, editor, viewer]' | 'level: [admin]'                 | /scopeTypes/org/exclusiveRoles/level         | scopeTypes.org.exclusiveRoles.level
        """)
    void mistakesInTheSeedConstructsAreCaughtByBoth(String what, String original, String replacement,
            String pointer, String path) {
        String text = SeedSchemas.resource("constructs-schema.yaml");
        String broken = text.replace(original, replacement);
        assertThat(broken).as(what).isNotEqualTo(text);
        Object document = SeedSchemas.yaml(broken);

        List<Error> errors = JSON_SCHEMA.validate(new ObjectMapper().valueToTree(document));

        assertThat(errors).as(what).extracting(error -> error.getInstanceLocation().toString()).contains(pointer);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidSchemaException.class,
                () -> SchemaReader.read(document)).problems()).as(what).extracting(SchemaProblem::path)
                .containsExactly(path);
    }
}
