package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import org.junit.jupiter.api.Test;

/** Export, then import into a fresh realm with the same usernames, reproduces the tree and the memberships. */
@ArborIT
class ExportImportIT {

    @Test
    void aFreshRealmGetsTheSameTreeAndMemberships(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.as("alice").put(world.roles(world.ws2, "zed", "admin")).expect(200);
        JsonNode exported = world.as("root").get("export").expect(200);

        TestRealm fresh = realms.create();
        var app = fresh.createTenancyClient("app");
        ArborApi root = fresh.api(app, fresh.createRealmAdmin("root"));
        for (String name : new String[] {"alice", "bob", "carol", "dave", "zed"}) {
            fresh.createUser(name);
        }
        JsonNode result = root.post("import", exported.toString()).expect(200);
        JsonNode again = root.post("import", exported.toString()).expect(200);

        assertThat(result.path("scopesCreated").asInt()).isEqualTo(3);
        assertThat(result.path("rolesGranted").asInt()).isEqualTo(5);
        assertThat(again.path("unchanged").asBoolean()).isTrue();
        JsonNode reexported = root.get("export").expect(200);
        assertThat(reexported.path("scopes")).isEqualTo(exported.path("scopes"));
        assertThat(reexported.path("members")).isEqualTo(exported.path("members"));
        assertThat(reexported.path("schema")).isEqualTo(exported.path("schema"));
    }

    @Test
    void aDocumentWithOneMistakeChangesNothing(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");
        String document = """
                {"arbor": 1,
                 "scopes": [{"key": "globex", "type": "account", "name": "Globex",
                             "children": [{"key": "globex-ws", "type": "workspace", "name": "W"}]}],
                 "members": [{"user": "alice", "scope": "globex", "roles": ["owner"]},
                             {"user": "nobody", "scope": "globex-ws", "roles": ["admin"]}]}
                """;

        JsonNode error = root.post("import", document).expect(400);

        assertThat(error.path("field").asText()).isEqualTo("members[1].user");
        assertThat(root.get("scopes").expect(200).size()).isEqualTo(1);
        root.post("import", document.replace("\"nobody\"", "\"bob\"")).expect(200);
        assertThat(root.get("scopes").expect(200).size()).isEqualTo(2);
    }

    @Test
    void importAddsRolesBesideWhatIsThereAndKeepsLimits(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");
        String ws1 = "\"" + world.ws1 + "\"";
        String ws2 = "\"" + world.ws2 + "\"";

        JsonNode added = root.post("import", """
                {"arbor": 1, "members": [
                  {"user": "dave", "scope": %s, "roles": ["admin", "genic-admin"]},
                  {"user": "dave", "scope": %s, "roles": ["genic-admin"]},
                  {"user": "zed", "scope": %s, "roles": ["owner"]}]}
                """.formatted(ws1, ws1, ws2)).expect(200);

        assertThat(added.path("rolesGranted").asInt()).as("dave's admin was there; genic-admin listed twice counts once")
                .isEqualTo(2);
        assertThat(roles(root, world.ws1, "dave")).containsExactly("admin", "genic-admin");
        assertThat(roles(root, world.ws2, "zed")).containsExactly("owner");
        root.put(world.roles(world.ws2, "erin", "owner")).expect(409); // the imported owner holds the only seat

        String tooMany = """
                {"arbor": 1, "members": [{"user": "erin", "scope": %s, "roles": ["genic-admin"]},
                                         {"user": "mallory", "scope": %s, "roles": ["owner"]}]}
                """;
        root.post("import", tooMany.formatted(ws1, ws1)).expect(409);   // carol owns ws1
        root.post("import", """
                {"arbor": 1,
                 "scopes": [{"key": "initech", "type": "account", "name": "Initech"}],
                 "members": [{"user": "erin", "scope": "initech", "roles": ["owner"]},
                             {"user": "mallory", "scope": "initech", "roles": ["owner"]}]}
                """).expect(409);                                          // two owners of a new scope

        assertThat(roles(root, world.ws1, "erin")).as("a refused document changes nothing").isEmpty();
        assertThat(root.get("scopes?key=initech").expect(200).size()).isZero();
    }

    private static java.util.List<String> roles(ArborApi api, String scopeId, String username) {
        java.util.List<String> roles = new java.util.ArrayList<>();
        for (JsonNode member : api.get("scopes/" + scopeId + "/members").expect(200).path("members")) {
            if (member.path("username").asText().equals(username)) {
                member.path("roles").forEach(role -> roles.add(role.asText()));
            }
        }
        return roles;
    }

    @Test
    void importAndExportAreForRealmAdministrators(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);

        world.as("alice").get("export").expect(403);
        world.as("alice").post("import", "{\"arbor\": 1}").expect(403);
    }
}
