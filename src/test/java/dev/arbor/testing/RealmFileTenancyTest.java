package dev.arbor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every realm file in {@code realm-export/} carries, in its attribute {@code arbor.tenancy}, exactly what
 * {@link RealmFileTenancy} makes of its YAML sources ({@code schemas/<seed>.yaml}, {@code tenancy/<seed>.yaml}):
 * whoever edits a YAML source and forgets to regenerate is told the command.
 */
class RealmFileTenancyTest {

    static List<Path> realmFiles() {
        return RealmExports.files(RealmExports.directory());
    }

    @ParameterizedTest
    @MethodSource("realmFiles")
    void theAttributeIsWhatTheGeneratorMakesOfTheYamlSources(Path file) {
        String seed = RealmFileTenancy.seed(file);
        Optional<String> expected = RealmFileTenancy.attribute(RealmExports.directory(), seed);
        assertThat(expected).as(seed + " has schemas/" + seed + ".yaml and tenancy/" + seed + ".yaml").isPresent();
        JsonNode attribute = RealmExports.read(file).path("attributes").path(RealmFileTenancy.ATTRIBUTE);

        assertThat(attribute.isTextual() ? attribute.asText() : null)
                .as(file + ": the realm attribute " + RealmFileTenancy.ATTRIBUTE + " differs from what "
                        + RealmFileTenancy.class.getSimpleName() + " makes of schemas/" + seed + ".yaml and tenancy/"
                        + seed + ".yaml; regenerate it with: " + RealmFileTenancy.COMMAND)
                .isEqualTo(expected.get());
    }

    @ParameterizedTest
    @MethodSource("realmFiles")
    void theDocumentHasTheSchemaFromItsYamlAndTheTreeAndMembersFromTheTenancyYaml(Path file) {
        String seed = RealmFileTenancy.seed(file);
        JsonNode document = Json.parse(RealmFileTenancy.attribute(RealmExports.directory(), seed).orElseThrow());

        assertThat(document.path("arbor").asInt()).isEqualTo(1);
        assertThat(document.path("schema").path("id").isTextual()).as(seed + ": the schema's id").isTrue();
        assertThat(document.path("schema").path("scopeTypes").isObject()).isTrue();
        assertThat(document.path("scopes").isArray() && !document.path("scopes").isEmpty()).as(seed + ": scopes")
                .isTrue();
        assertThat(document.path("members").isArray() && !document.path("members").isEmpty()).as(seed + ": members")
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("realmFiles")
    void regeneratingChangesNothingElseInTheFile(Path file) {
        String text = RealmFileTenancy.read(file);
        String attribute = RealmExports.read(file).path("attributes").path(RealmFileTenancy.ATTRIBUTE).asText();

        assertThat(RealmFileTenancy.withAttribute(text, attribute))
                .as(file + " is in the layout the generator writes; regenerate with: " + RealmFileTenancy.COMMAND)
                .isEqualTo(text);
    }
}
