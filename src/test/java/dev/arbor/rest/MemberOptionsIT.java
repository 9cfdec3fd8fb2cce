package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.core.SeedSchemas;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborApi.Answer;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An option is set under the delegation rule of a role that carries it ({@code options-schema.yaml}): pia holds
 * clerk and editor; the clerk manager carl may set her clerk option, which he may give beyond his own permissions,
 * but has no say over her editor option, which the editor manager emma sets; a refusal changes nothing. (Skytap, where
 * this was first seen, now gives each user one user role, so a member's options there have one carrier.)
 */
@ArborIT
class MemberOptionsIT {

    private static final String INVITE = "app:members:invite";
    private static final String SETTINGS = "app:settings:edit";

    @Test
    void aManagerSetsOnlyTheOptionsOfRolesHeManages(TestRealms realms) {
        Org org = new Org(realms);
        String options = "scopes/" + org.scope + "/members/" + org.id("pia") + "/options";

        Answer editors = org.as("carl").put(options, body(SETTINGS), "application/json");
        JsonNode afterRefusal = org.member("pia");
        org.as("carl").put(options, body(INVITE), "application/json").expect(200);
        org.as("emma").put(options, body(INVITE, SETTINGS), "application/json").expect(200);
        Answer clearing = org.as("carl").put(options, body(INVITE), "application/json");

        assertThat(editors.status()).as(editors.text()).isEqualTo(403);
        assertThat(editors.json().path("errorMessage").asText()).isNotBlank();
        assertThat(afterRefusal.path("options")).as("a refusal changes nothing").isEmpty();
        assertThat(clearing.status()).as("nor may he clear it: " + clearing.text()).isEqualTo(403);
        assertThat(org.member("pia").path("options").toString()).contains(INVITE, SETTINGS);
    }

    private static String body(String... options) {
        return "{\"options\":[" + String.join(",", Arrays.stream(options).map(o -> "\"" + o + "\"").toList())
                + "]}";
    }

    /** Organization org: clerk manager carl, editor manager emma, and pia, clerk and editor. */
    private static final class Org {

        final TestRealm realm;
        final OidcClient app;
        final Map<String, TestUser> users = new HashMap<>();
        final String scope;

        Org(TestRealms realms) {
            realm = realms.create();
            app = realm.createPublicClient("app");
            realm.addTenancyClaim("app");
            users.put("root", realm.createRealmAdmin("root"));
            for (String name : new String[] {"carl", "emma", "pia"}) {
                users.put(name, realm.createUser(name));
            }
            ArborApi root = as("root");
            root.put("schema", SeedSchemas.resource("options-schema.yaml"), "application/yaml").expect(200);
            scope = root.post("scopes", "{\"type\":\"org\",\"name\":\"Org\"}").createdId();
            root.put(roles("carl", "clerk-manager")).expect(200);
            root.put(roles("emma", "editor-manager")).expect(200);
            root.put(roles("pia", "clerk")).expect(200);
            root.put(roles("pia", "editor")).expect(200);
        }

        ArborApi as(String user) {
            return realm.api(app, users.get(user));
        }

        String id(String user) {
            return users.get(user).id();
        }

        String roles(String user, String role) {
            return "scopes/" + scope + "/members/" + id(user) + "/roles/" + role;
        }

        JsonNode member(String user) {
            for (JsonNode member : as("root").get("scopes/" + scope + "/members").expect(200).path("members")) {
                if (member.path("userId").asText().equals(id(user))) {
                    return member;
                }
            }
            throw new AssertionError("no member " + user);
        }
    }
}
