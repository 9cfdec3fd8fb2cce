package dev.arbor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.FileDatabaseKeycloak;
import dev.arbor.testing.Http;
import dev.arbor.testing.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realm's tenancy travels with Keycloak's own realm import and export (docs/realm-files.md), on a Keycloak of its
 * own with a file database: {@code --import-realm} of a realm file that carries a tenancy gives the realm with it;
 * {@code kc.sh export} (to a directory, users in files of their own, and to one file) writes it into the realm file;
 * importing that into an empty server ({@code kc.sh import}, {@code --import-realm}) gives the identical tenancy; a
 * tenancy that does not fit its schema fails the import.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealmFileIT {

    private static final String REALM = "realm-file-demo";
    private static final String ATTRIBUTE = "arbor.tenancy";

    private static FileDatabaseKeycloak keycloak;
    /** The tenancy as the API exported it after the first import; what every later import must give again. */
    private static JsonNode exported;
    @TempDir
    static Path exports;

    @BeforeAll
    static void prepare() {
        keycloak = FileDatabaseKeycloak.prepare("keycloak-realmfile");
    }

    @Test
    @Order(1)
    void importRealmGivesTheRealmWithTheTenancyItsFileCarries() {
        keycloak.resetDatabase();
        Path file = resource("realm-file-demo-realm.json");
        try (FileDatabaseKeycloak.Running server = keycloak.start(List.of(file), "start-import-realm")) {
            String token = server.adminToken();
            exported = tenancy(server, token);

            JsonNode carried = Json.parse(Json.parse(read(file)).path("attributes").path(ATTRIBUTE).asText());
            assertThat(exported).as("the realm's tenancy is the one its file carried (in the export's form)")
                    .isEqualTo(carried);
            assertThat(exported.path("scopes").get(0).path("children")).hasSize(2);
            assertThat(exported.path("members")).hasSize(4);
            assertThat(exported.toString()).contains("\"options\":[\"app:members:invite\"]");
            JsonNode realm = Json.parse(Http.get(URI.create(server.baseUri() + "/admin/realms/" + REALM), token)
                    .body());
            assertThat(realm.path("attributes").has(ATTRIBUTE)).as("the attribute is removed once applied")
                    .isFalse();
        }
    }

    @Test
    @Order(2)
    void exportWritesTheTenancyIntoTheRealmFile() throws IOException {
        assertThat(exported).as("the realm was imported first").isNotNull();
        Path dir = exports.resolve("dir");
        Path single = exports.resolve("single.json");
        assertThat(keycloak.run(List.of("export", "--dir", dir.toString(), "--realm", REALM), "export-dir"))
                .as("kc.sh export --dir, see " + keycloak.log("export-dir")).isZero();
        assertThat(keycloak.run(List.of("export", "--file", single.toString(), "--realm", REALM), "export-file"))
                .as("kc.sh export --file, see " + keycloak.log("export-file")).isZero();

        JsonNode realmFile = Json.parse(Files.readString(dir.resolve(REALM + "-realm.json")));
        assertThat(Json.parse(realmFile.path("attributes").path(ATTRIBUTE).asText())).isEqualTo(exported);
        assertThat(realmFile.has("users")).as("users are in files of their own").isFalse();
        assertThat(dir.resolve(REALM + "-users-0.json")).exists();
        JsonNode singleFile = Json.parse(Files.readString(single));
        JsonNode realm = singleFile.isArray() ? singleFile.get(0) : singleFile;
        assertThat(Json.parse(realm.path("attributes").path(ATTRIBUTE).asText())).isEqualTo(exported);
    }

    @Test
    @Order(3)
    void importingTheExportIntoAnEmptyServerGivesTheSameTenancy() {
        keycloak.resetDatabase();
        assertThat(keycloak.run(List.of("import", "--dir", exports.resolve("dir").toString()), "import-dir"))
                .as("kc.sh import --dir, see " + keycloak.log("import-dir")).isZero();
        try (FileDatabaseKeycloak.Running server = keycloak.start(List.of(), "start-after-import")) {
            assertThat(tenancy(server, server.adminToken())).as("after kc.sh import --dir").isEqualTo(exported);
        }

        keycloak.resetDatabase();
        try (FileDatabaseKeycloak.Running server = keycloak.start(List.of(exports.resolve("single.json")),
                "start-import-single")) {
            assertThat(tenancy(server, server.adminToken())).as("after --import-realm of the single file")
                    .isEqualTo(exported);
        }
    }

    @Test
    @Order(4)
    void aTenancyThatDoesNotFitItsSchemaFailsTheImport() throws IOException {
        keycloak.resetDatabase();
        int exit = keycloak.run(List.of("import", "--file", resource("realm-file-misfit-realm.json").toString()),
                "import-misfit");
        String log = Files.readString(keycloak.log("import-misfit"));
        assertThat(exit).as("kc.sh import of a misfit, see " + keycloak.log("import-misfit")).isNotZero();
        assertThat(log).contains("realm-file-misfit").contains("cannot be imported").contains("no-such-role");
    }

    private static JsonNode tenancy(FileDatabaseKeycloak.Running server, String token) {
        var answer = Http.get(URI.create(server.baseUri() + "/admin/realms/" + REALM + "/tenancy/export"), token);
        assertThat(answer.statusCode()).as("GET tenancy/export: " + answer.body()).isEqualTo(200);
        return Json.parse(answer.body());
    }

    private static Path resource(String name) {
        try {
            return Path.of(RealmFileIT.class.getResource("/dev/arbor/realmfile/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
