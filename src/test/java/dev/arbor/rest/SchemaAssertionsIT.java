package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborApi.Answer;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import org.junit.jupiter.api.Test;

/**
 * A schema carries its own assertions: {@code POST /schema/validate} reports a failing row by its place, and
 * {@code PUT /schema} refuses the schema (400, the row as the field), leaving the schema in force unchanged.
 */
@ArborIT
class SchemaAssertionsIT {

    private static final String SKYPORT = SkyportWorld.schema("skyport");
    /** The seed's own rows, with one that the schema contradicts: the account owner starting a sealed workspace. */
    private static final String CONTRADICTED = SKYPORT.replace(
            "    - {user: alice, scope: studio, permission: \"subscriptions:subscriptions:start\", allowed: false}",
            "    - {user: alice, scope: studio, permission: \"subscriptions:subscriptions:start\", allowed: true}");

    @Test
    void aSchemaWhoseOwnAssertionFailsIsRefusedNamingTheRow(TestRealms realms) {
        assertThat(CONTRADICTED).isNotEqualTo(SKYPORT);
        TestRealm realm = realms.create();
        OidcClient app = realm.createPublicClient("app");
        realm.addTenancyClaim("app");
        ArborApi admin = realm.api(app, realm.createRealmAdmin("root"));
        int revision = admin.put("schema", SKYPORT, "application/yaml").expect(200).path("revision").asInt();

        JsonNode validation = admin.send("POST", "schema/validate", CONTRADICTED, "application/yaml").expect(200);
        Answer refused = admin.put("schema", CONTRADICTED, "application/yaml");

        assertThat(validation.path("valid").asBoolean()).isFalse();
        assertThat(validation.path("problems")).singleElement().satisfies(problem -> {
            assertThat(problem.path("path").asText()).isEqualTo("assertions.expect[6]");
            assertThat(problem.path("message").asText()).startsWith("expected allowed, but the schema denies");
        });
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.text()).contains("assertions.expect[6]");
        assertThat(admin.get("schema").expect(200).path("revision").asInt()).isEqualTo(revision);
    }
}
