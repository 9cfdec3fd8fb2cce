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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets a clear 4xx naming the field, never a 5xx, and changes nothing. */
@ArborIT
class ApiInputIT {

    @Test
    void aRealmWithoutSchemaSaysSo(TestRealms realms) {
        TestRealm realm = realms.create();
        OidcClient app = realm.createTenancyClient("app");
        ArborApi root = realm.api(app, realm.createRealmAdmin("root"));

        assertThat(root.get("info").expect(200).path("schema").path("status").asText()).isEqualTo("NOT_CONFIGURED");
        assertThat(root.post("scopes", "{\"type\":\"account\",\"name\":\"A\"}").expect(409).path("errorMessage")
                .asText()).contains("has no tenancy schema yet");
        root.get("schema").expect(404);

        root.put("schema", SkyportWorld.schema("skyport"), "application/yaml").expect(200);

        JsonNode info = root.get("info").expect(200).path("schema");
        assertThat(info.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(info.path("id").asText()).isEqualTo("skyport");
        assertThat(info.path("revision").asInt()).isEqualTo(1);
        assertThat(root.get("schema").expect(200).path("document").path("id").asText()).isEqualTo("skyport");
    }

    @Test
    void anInvalidSchemaIsRefusedWithEveryProblemAndItsPlace(TestRealms realms) {
        TestRealm realm = realms.create();
        ArborApi root = realm.api(realm.createTenancyClient("app"), realm.createRealmAdmin("root"));
        String broken = SkyportWorld.schema("skyport")
                .replace("grant: [workspace.admin]\n    by: [workspace.owner]", "grant: [workspace.boss]\n    by: [workspace.owner]")
                .replace("cardinality: {max: 1}", "cardinality: {max: 2}");

        JsonNode error = root.put("schema", broken, "application/yaml").expect(400);

        assertThat(error.path("errors").findValuesAsText("field")).contains("delegation[4].grant[0]",
                "scopeTypes.workspace.owner");
        assertThat(root.post("schema/validate", "{\"arbor\": 1}").expect(200).path("valid").asBoolean()).isFalse();
        root.get("schema").expect(404);
    }

    @Test
    void onlyRealmAdministratorsWriteTheSchema(TestRealms realms) {
        TestRealm realm = realms.create();
        ArborApi user = realm.api(realm.createTenancyClient("app"), realm.createUser("mallory"));

        user.put("schema", SkyportWorld.schema("skyport"), "application/yaml").expect(403);
        user.post("schema/validate", "{}").expect(403);
    }

    @Test
    void aSchemaTheExistingDataWouldNotFitIsRefused(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String withoutWorkspaces = SkyportWorld.schema("hosting-contacts");

        JsonNode error = world.as("root").put("schema", withoutWorkspaces, "application/yaml").expect(409);

        assertThat(error.path("params").toString()).contains("has a type the new schema does not declare");
        assertThat(world.as("root").get("info").expect(200).path("schema").path("id").asText()).isEqualTo("skyport");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        malformed JSON            | {"type": "workspace",                                   | 400 |
        unknown field             | {"type":"workspace","name":"X","colour":"red"}           | 400 | colour
        wrong type                | {"type":"workspace","name":["X"]}                        | 400 | name
        missing name              | {"type":"workspace"}                                     | 400 | name
        unknown type              | {"type":"galaxy","name":"X"}                             | 400 | type
        unknown parent            | {"type":"workspace","name":"X","parentId":"nope"}        | 400 | parentId
        a workspace at the top    | {"type":"workspace","name":"X"}                          | 400 | parentId
        undeclared attribute      | {"type":"account","name":"X","attributes":{"vip":true}}  | 400 | attributes.vip
        attribute of the wrong kind | {"type":"account","name":"X","attributes":{"firstPurchaseDone":"yes"}} | 400 | attributes.firstPurchaseDone
        empty body                |                                                          | 400 |
        """)
    void badScopesAreRefusedAndNothingIsCreated(String what, String body, int status, String field,
            TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");
        int before = root.get("scopes").expect(200).size();

        Answer answer = root.send("POST", "scopes", body == null ? "" : body, "application/json");

        assertThat(answer.status()).as(what + ": " + answer.text()).isEqualTo(status);
        assertThat(answer.json().path("errorMessage").asText()).as(what).isNotBlank();
        if (field != null) {
            assertThat(answer.json().path("field").asText()).as(what).isEqualTo(field);
        }
        assertThat(root.get("scopes").expect(200).size()).isEqualTo(before);
    }

    @Test
    void unknownIdsAreNotFound(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");

        root.get("scopes/no-such-scope").expect(404);
        root.put("scopes/" + world.ws1 + "/members/no-such-user/roles/admin").expect(404);
        root.put(world.roles(world.ws1, "zed", "emperor")).expect(404);
        root.delete(world.roles(world.ws1, "zed", "admin")).expect(404);
        root.get("me/permissions").expect(400);
    }

    @Test
    void anOversizedBodyIsRefused(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String huge = "{\"type\":\"account\",\"name\":\"" + "x".repeat(1_100_000) + "\"}";

        int status = world.as("root").post("scopes", huge).status();

        assertThat(status).isBetween(400, 499);
    }

    @Test
    void scopesOfAnotherAccountAreInvisibleById(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String globex = world.as("root").post("scopes", "{\"type\":\"account\",\"name\":\"Globex\"}").createdId();

        world.as("alice").get("scopes/" + globex).expect(404);
        world.as("alice").put(world.roles(globex, "mallory", "admin")).expect(404);
        assertThat(names(world.as("alice").get("scopes").expect(200))).containsExactly("Acme");
        assertThat(names(world.as("root").get("scopes").expect(200))).containsExactly("Acme", "Globex");
    }

    @Test
    void aDeletedUserLeavesNoMembershipBehind(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);

        world.realm.admin().users().get(world.id("dave")).remove();

        assertThat(world.as("carol").get("scopes/" + world.ws1 + "/members").expect(200).toString())
                .doesNotContain(world.id("dave"));
    }

    private static java.util.List<String> names(JsonNode scopes) {
        java.util.List<String> names = new java.util.ArrayList<>();
        scopes.forEach(scope -> names.add(scope.path("name").asText()));
        return names;
    }
}
