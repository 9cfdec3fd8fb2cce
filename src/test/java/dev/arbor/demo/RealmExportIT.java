package dev.arbor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Http;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.RealmExports;
import dev.arbor.testing.TestUser;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.representations.idm.RealmRepresentation;

/** Every realm the demo imports is valid for this Keycloak, and its demo users can reach Arbor with a token. */
@ArborIT
class RealmExportIT {

    static Stream<Path> realmFiles() {
        List<Path> files = RealmExports.files(RealmExports.directory());
        assertThat(files).as("realm-export/ holds the demo realms").isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("realmFiles")
    void importsAndLetsEveryDemoUserCallArbor(Path file, KeycloakServer server) {
        ObjectNode realm = (ObjectNode) RealmExports.read(file);
        // imported under a unique name, so that the IT never collides with another run or with the demo itself
        String name = realm.path("realm").asText() + "-" + UUID.randomUUID().toString().substring(0, 8);
        realm.put("realm", name);
        String clientId = publicClientWithDirectGrant(realm);
        server.admin().realms().create(new ObjectMapper().convertValue(realm, RealmRepresentation.class));
        try {
            List<TestUser> logins = RealmExports.demoLogins(realm);
            assertThat(logins).as("demo logins of " + file.getFileName()).isNotEmpty();
            OidcClient client = OidcClient.of(server, name, clientId);
            for (TestUser login : logins) {
                String token = client.password(login).accessToken();
                assertThat(Http.get(server.realmUri(name, "tenancy/info"), token).statusCode())
                        .as("GET tenancy/info as " + login.username())
                        .isEqualTo(200);
            }
        } finally {
            server.admin().realm(name).remove();
        }
    }

    private static String publicClientWithDirectGrant(JsonNode realm) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("publicClient").asBoolean() && client.path("directAccessGrantsEnabled").asBoolean()) {
                return client.path("clientId").asText();
            }
        }
        throw new AssertionError("a demo realm needs a public client with the password grant, for trying it out");
    }
}
