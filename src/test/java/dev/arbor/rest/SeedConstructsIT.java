package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.core.SeedSchemas;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The language constructs the seeds needed, through the API with real tokens: the creator of a Skytap project owns
 * it; optional permissions on by default are set by every way a role is granted and may be taken away; an option a
 * constraint rules out is refused; exclusive roles and scopes per user are refused alike by a grant, an invitation
 * and an import; a SkyPort virtual-client user is on record but sees and acts nowhere. Every refusal leaves nothing
 * changed.
 */
@ArborIT
class SeedConstructsIT {

    private static final String VPN = "vpn:vpn:connect";
    private static final String REPORTS = "reports:reports:generate";

    @Test
    void whoCreatesAProjectOwnsIt(TestRealms realms) {
        Skytap skytap = new Skytap(realms);

        String project = skytap.as("stan").post("scopes", skytap.child("project", "Release 8")).createdId();
        String byAdministrator = skytap.as("root").post("scopes", skytap.child("project", "Admin's")).createdId();
        int refused = skytap.as("rita").post("scopes", skytap.child("project", "Rita's")).status();

        assertThat(skytap.members(project)).containsExactly(Map.entry("stan", List.of("owner")));
        assertThat(skytap.as("stan").get("me/permissions?scopeId=" + project).expect(200).path("roles").toString())
                .isEqualTo("[\"owner\"]");
        assertThat(skytap.members(byAdministrator)).as("a realm administrator holds nothing").isEmpty();
        assertThat(refused).as("a restricted user can't create a project").isEqualTo(403);
        assertThat(names(skytap.as("root").get("scopes?parentId=" + skytap.account + "&type=project").expect(200)))
                .containsExactlyInAnyOrder("Release 8", "Admin's");
    }

    /** The creator's role is held within the rules on what one user may hold, and with its default options. */
    @Test
    void aCreatorWhoCouldNotHoldTheRoleCreatesNothing(TestRealms realms) {
        TestRealm realm = realms.create();
        OidcClient app = realm.createTenancyClient("app");
        ArborApi root = realm.api(app, realm.createRealmAdmin("root"));
        TestUser eve = realm.createUser("eve");
        TestUser eli = realm.createUser("eli");
        root.put("schema", SeedSchemas.resource("constructs-schema.yaml"), "application/yaml").expect(200);
        String org = root.post("scopes", "{\"type\":\"org\",\"name\":\"One\"}").createdId();
        String red = root.post("scopes", "{\"type\":\"team\",\"name\":\"Red\",\"parentId\":\"" + org + "\"}")
                .createdId();
        root.put("scopes/" + org + "/members/" + eve.id() + "/roles/editor").expect(200);
        root.put("scopes/" + org + "/members/" + eli.id() + "/roles/editor").expect(200);
        root.put("scopes/" + red + "/members/" + eli.id() + "/roles/member").expect(200);
        String team = "{\"type\":\"team\",\"name\":\"Blue\",\"parentId\":\"" + org + "\"}";

        JsonNode tooMany = realm.api(app, eli).post("scopes", team).expect(409);
        String blue = realm.api(app, eve).post("scopes", team).createdId();

        assertThat(tooMany.path("params").toString()).contains("scopesPerUser");
        JsonNode lead = root.get("scopes/" + blue + "/members").expect(200).path("members").get(0);
        assertThat(lead.path("userId").asText()).isEqualTo(eve.id());
        assertThat(lead.path("roles").toString()).isEqualTo("[\"lead\"]");
        assertThat(lead.path("options").toString()).as("the lead's default, eve being an editor")
                .isEqualTo("[\"app:reports:generate\"]");
        assertThat(names(root.get("scopes?parentId=" + org).expect(200))).containsExactlyInAnyOrder("Red", "Blue");
    }

    @Test
    void everyUserConnectsToTheVpnUntilAnAdministratorRestrictsIt(TestRealms realms) {
        Skytap skytap = new Skytap(realms);
        TestUser ivy = skytap.user("ivy");
        TestUser nia = skytap.user("nia");

        skytap.as("uma").put(skytap.roles(skytap.account, nia, "restricted")).expect(200);
        String invitation = skytap.as("ada").post("scopes/" + skytap.account + "/invitations",
                "{\"email\":\"ivy@example.test\",\"roles\":[\"standard\"]}").createdId();
        skytap.as("ivy").post("me/invitations/" + invitation + "/accept", null).expect(200);
        skytap.as("ada").put("scopes/" + skytap.account + "/members/" + skytap.id("stan") + "/options",
                "{\"options\":[]}", "application/json").expect(200);
        skytap.as("root").put(skytap.roles(skytap.account, skytap.users.get("stan"), "standard")).expect(200);

        assertThat(skytap.options(nia)).as("granted through the API").containsExactly(VPN);
        assertThat(skytap.options(ivy)).as("granted by an accepted invitation").containsExactly(VPN);
        assertThat(skytap.options(skytap.users.get("stan"))).as("restricted, and not given back by granting a role"
                + " held already").isEmpty();
        assertThat(skytap.options(skytap.users.get("ada"))).containsExactly(VPN);
    }

    @Test
    void restrictedUsersStayRestrictedInTheirDepartment(TestRealms realms) {
        Skytap skytap = new Skytap(realms);
        String engineering = skytap.as("ada").post("scopes", skytap.child("department", "Engineering")).createdId();
        String sales = skytap.as("ada").post("scopes", skytap.child("department", "Sales")).createdId();
        skytap.as("ada").put(skytap.roles(engineering, skytap.users.get("rita"), "member")).expect(200);
        skytap.as("ada").put(skytap.roles(sales, skytap.users.get("stan"), "member")).expect(200);
        String reports = "{\"options\":[\"" + REPORTS + "\"]}";

        JsonNode refused = skytap.as("ada").put("scopes/" + engineering + "/members/" + skytap.id("rita")
                + "/options", reports, "application/json").expect(400);
        skytap.as("ada").put("scopes/" + sales + "/members/" + skytap.id("stan") + "/options", reports,
                "application/json").expect(200);

        assertThat(refused.path("params").toString()).contains("constraint 1", "restricted users stay restricted");
        assertThat(skytap.as("root").get("scopes/" + engineering + "/members").expect(200).path("members").get(0)
                .path("options")).isEmpty();
    }

    @Test
    void oneUserRoleAndOneDepartmentPerUserWhereverRolesAreGiven(TestRealms realms) {
        Skytap skytap = new Skytap(realms);
        TestUser stan = skytap.users.get("stan");
        String engineering = skytap.as("root").post("scopes", skytap.child("department", "Engineering")).createdId();
        String sales = skytap.as("root").post("scopes", skytap.child("department", "Sales")).createdId();
        skytap.as("ada").put(skytap.roles(engineering, stan, "member")).expect(200);
        TestUser ivy = skytap.user("ivy");
        String offer = skytap.as("ada").post("scopes/" + skytap.account + "/invitations",
                "{\"email\":\"ivy@example.test\",\"roles\":[\"standard\"]}").createdId();
        skytap.as("uma").put(skytap.roles(skytap.account, ivy, "restricted")).expect(200);

        JsonNode secondRole = skytap.as("ada").put(skytap.roles(skytap.account, stan, "restricted")).expect(409);
        JsonNode secondDepartment = skytap.as("ada").put(skytap.roles(sales, stan, "member")).expect(409);
        JsonNode accepted = skytap.as("ivy").post("me/invitations/" + offer + "/accept", null).expect(409);
        JsonNode invitation = skytap.as("ada").post("scopes/" + skytap.account + "/invitations",
                "{\"email\":\"nia@example.test\",\"roles\":[\"standard\",\"restricted\"]}").expect(409);
        JsonNode imported = skytap.as("root").post("import", "{\"arbor\":1,\"members\":[{\"user\":\"stan\","
                + "\"scope\":\"acct\",\"roles\":[\"administrator\"]}]}").expect(409);

        assertThat(secondRole.path("errorMessage").asText()).contains("holds account.standard", "revoke it first");
        assertThat(secondDepartment.path("params").toString()).contains("scopesPerUser");
        assertThat(accepted.path("params").toString()).as("accepted after becoming restricted")
                .contains("holds account.restricted");
        assertThat(invitation.path("params").toString()).contains("exclusive group user-role");
        assertThat(imported.path("params").toString()).contains("[administrator, standard]",
                "exclusive group user-role");
        assertThat(skytap.members(skytap.account)).containsEntry("stan", List.of("standard"))
                .containsEntry("ivy", List.of("restricted"));
        assertThat(skytap.members(sales)).isEmpty();
        assertThat(skytap.as("ada").get("scopes/" + skytap.account + "/invitations").expect(200))
                .as("only the one to ivy, still open").hasSize(1);
    }

    /** SkyPort: "These users do not give any access to SkyPort". */
    @Test
    void aVirtualClientUserIsOnRecordButSeesAndActsNowhere(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        world.as("alice").put(world.roles(world.ws2, "zed", "virtual-client-user")).expect(200);
        ArborApi zed = world.as("zed");

        assertThat(zed.get("scopes").expect(200)).isEmpty();
        zed.get("scopes/" + world.ws2).expect(404);
        zed.get("scopes/" + world.acme).expect(404);
        assertThat(zed.get("me").expect(200)).isEmpty();
        assertThat(world.app.password(world.users.get("zed"), Map.of("tenancy_scope", world.ws2))
                .accessTokenClaims().has("tenancy")).as("never the active scope of a token").isFalse();
        JsonNode members = world.as("alice").get("scopes/" + world.ws2 + "/members").expect(200).path("members");
        assertThat(members.toString()).as("listed for who may list the members").contains(world.id("zed"),
                "virtual-client-user");
    }

    private static List<String> names(JsonNode scopes) {
        List<String> names = new ArrayList<>();
        scopes.forEach(scope -> names.add(scope.path("name").asText()));
        return names;
    }

    /** Account acct (key {@code acct}): administrator ada, user manager uma, standard stan, restricted rita. */
    private static final class Skytap {

        final TestRealm realm;
        final OidcClient app;
        final Map<String, TestUser> users = new HashMap<>();
        final String account;

        Skytap(TestRealms realms) {
            realm = realms.create();
            app = realm.createTenancyClient("app");
            users.put("root", realm.createRealmAdmin("root"));
            ArborApi root = as("root");
            root.put("schema", SkyportWorld.schema("skytap"), "application/yaml").expect(200);
            account = root.post("scopes", "{\"type\":\"account\",\"name\":\"Skytap customer\",\"key\":\"acct\"}")
                    .createdId();
            for (String[] user : new String[][] {{"ada", "administrator"}, {"uma", "user-manager"},
                    {"stan", "standard"}, {"rita", "restricted"}}) {
                root.put(roles(account, user(user[0]), user[1])).expect(200);
            }
        }

        TestUser user(String name) {
            TestUser user = realm.createUser(name);
            users.put(name, user);
            return user;
        }

        ArborApi as(String user) {
            return realm.api(app, users.get(user));
        }

        String id(String user) {
            return users.get(user).id();
        }

        String roles(String scope, TestUser user, String role) {
            return "scopes/" + scope + "/members/" + user.id() + "/roles/" + role;
        }

        String child(String type, String name) {
            return "{\"type\":\"" + type + "\",\"name\":\"" + name + "\",\"parentId\":\"" + account + "\"}";
        }

        /** Username to roles of every member of {@code scope}, as a realm administrator lists them. */
        Map<String, List<String>> members(String scope) {
            Map<String, List<String>> members = new HashMap<>();
            for (JsonNode member : as("root").get("scopes/" + scope + "/members").expect(200).path("members")) {
                List<String> roles = new ArrayList<>();
                member.path("roles").forEach(role -> roles.add(role.asText()));
                members.put(member.path("username").asText(), roles);
            }
            return members;
        }

        List<String> options(TestUser user) {
            for (JsonNode member : as("root").get("scopes/" + account + "/members").expect(200).path("members")) {
                if (member.path("userId").asText().equals(user.id())) {
                    List<String> options = new ArrayList<>();
                    member.path("options").forEach(option -> options.add(option.asText()));
                    return options;
                }
            }
            throw new AssertionError("no member " + user.username());
        }
    }
}
