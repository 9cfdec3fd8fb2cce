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
import dev.arbor.testing.TestUser;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 004, Skytap: "user managers create users (but not administrators), and enable only what they have
 * themselves". A member who is both restricted and administrator: the user manager uma may set the restricted
 * role's options, not the administrator's, even with that permission enabled for herself; a refusal changes
 * nothing.
 */
@ArborIT
class MemberOptionsIT {

    private static final String PROMISCUOUS = "network:promiscuous-mode:set";
    private static final String COPY = "public:templates:copy";

    @Test
    void aUserManagerSetsOnlyTheOptionsOfRolesSheManages(TestRealms realms) {
        Skytap skytap = new Skytap(realms);
        String options = "scopes/" + skytap.account + "/members/" + skytap.id("sid") + "/options";

        Answer administrators = skytap.as("uma").put(options, body(PROMISCUOUS), "application/json");
        JsonNode afterRefusal = skytap.member("sid");
        skytap.as("uma").put(options, body(COPY), "application/json").expect(200);
        skytap.as("ada").put(options, body(COPY, PROMISCUOUS), "application/json").expect(200);
        Answer clearing = skytap.as("uma").put(options, body(COPY), "application/json");

        assertThat(administrators.status()).as(administrators.text()).isEqualTo(403);
        assertThat(administrators.json().path("errorMessage").asText()).isNotBlank();
        assertThat(afterRefusal.path("options")).as("a refusal changes nothing").isEmpty();
        assertThat(clearing.status()).as("nor may she clear it: " + clearing.text()).isEqualTo(403);
        assertThat(skytap.member("sid").path("options").toString()).contains(COPY, PROMISCUOUS);
    }

    private static String body(String... options) {
        return "{\"options\":[" + String.join(",", Arrays.stream(options).map(o -> "\"" + o + "\"").toList())
                + "]}";
    }

    /** Account acct: user manager uma (with promiscuous mode and copying enabled), administrator ada, and sid. */
    private static final class Skytap {

        final TestRealm realm;
        final OidcClient app;
        final Map<String, TestUser> users = new HashMap<>();
        final String account;

        Skytap(TestRealms realms) {
            realm = realms.create();
            app = realm.createPublicClient("app");
            realm.addTenancyClaim("app");
            users.put("root", realm.createRealmAdmin("root"));
            for (String name : new String[] {"uma", "ada", "sid"}) {
                users.put(name, realm.createUser(name));
            }
            ArborApi root = as("root");
            root.put("schema", SkyportWorld.schema("skytap"), "application/yaml").expect(200);
            account = root.post("scopes", "{\"type\":\"account\",\"name\":\"Skytap customer\"}").createdId();
            root.put(roles("uma", "user-manager")).expect(200);
            root.put(roles("ada", "administrator")).expect(200);
            root.put(roles("sid", "restricted")).expect(200);
            root.put(roles("sid", "administrator")).expect(200);
            root.put("scopes/" + account + "/members/" + id("uma") + "/options", body(PROMISCUOUS, COPY),
                    "application/json").expect(200);
        }

        ArborApi as(String user) {
            return realm.api(app, users.get(user));
        }

        String id(String user) {
            return users.get(user).id();
        }

        String roles(String user, String role) {
            return "scopes/" + account + "/members/" + id(user) + "/roles/" + role;
        }

        JsonNode member(String user) {
            for (JsonNode member : as("root").get("scopes/" + account + "/members").expect(200).path("members")) {
                if (member.path("userId").asText().equals(id(user))) {
                    return member;
                }
            }
            throw new AssertionError("no member " + user);
        }
    }
}
