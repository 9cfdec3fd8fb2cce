package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborApi.Answer;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SkyPort's delegation rules (seed 000) through the real API, with real tokens of real users: for each rule an
 * allowed call and a denied one, and every denial leaves nothing changed.
 */
@ArborIT
class SkyportApiIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Only a Workspace owner can invite a Workspace admin                    | carol | zed | ws1 | admin | 200
        A Workspace admin cannot invite another workspace admin                | dave  | zed | ws1 | admin | 403
        An Account admin cannot invite a workspace admin                       | bob   | zed | ws2 | admin | 403
        An Account Owner can invite a workspace admin if there is no WO        | alice | zed | ws2 | admin | 200
        ... but not once the workspace has an owner                            | alice | zed | ws1 | admin | 403
        The Workspace Owner role is given by an Account Admin                  | bob   | zed | ws2 | owner | 200
        There could only be one Workspace Owner per workspace (realm admin too) | root  | zed | ws1 | owner | 409
        Nobody makes themselves workspace owner                                | bob   | bob | ws2 | owner | 403
        A workspace owner has no say over another workspace                    | carol | zed | ws2 | admin | 404
        Workspace owners and admins manage Gen-IC admins                       | dave  | zed | ws1 | genic-admin | 200
        ... a user without a role there does not (the workspace is invisible)  | erin  | zed | ws1 | genic-admin | 404
        Account admins manage the users of a workspace without owner           | bob   | zed | ws2 | virtual-client-user | 200
        ... not of one with an owner                                           | bob   | zed | ws1 | virtual-client-user | 403
        The owner adds account admins                                          | alice | zed | acme | admin | 200
        Admins add admins too                                                  | bob   | zed | acme | admin | 200
        A workspace owner adds no account admin                                | carol | zed | acme | admin | 403
        Only the account owner hands the account over (admin asks to transfer) | bob   | zed | acme | owner | 403
        """)
    void delegationRules(String rule, String actor, String target, String scope, String role, int status,
            TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String scopeId = switch (scope) {
            case "ws1" -> world.ws1;
            case "ws2" -> world.ws2;
            default -> world.acme;
        };
        JsonNode before = world.as("root").get("scopes/" + scopeId + "/members").expect(200);

        Answer answer = world.as(actor).put(world.roles(scopeId, target, role));

        assertThat(answer.status()).as(rule + ": " + answer.text()).isEqualTo(status);
        JsonNode after = world.as("root").get("scopes/" + scopeId + "/members").expect(200);
        if (status == 200) {
            assertThat(after.path("members").toString()).contains(world.id(target));
        } else {
            assertThat(after).as("a denial changes nothing").isEqualTo(before);
            assertThat(answer.json().path("errorMessage").asText()).isNotBlank();
        }
    }

    @Test
    void onlyTheAccountOwnerRemovesAccountAdmins(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.as("alice").put(world.roles(world.acme, "zed", "admin")).expect(200);

        world.as("bob").delete(world.roles(world.acme, "zed", "admin")).expect(403);
        world.as("alice").delete(world.roles(world.acme, "zed", "admin")).expect(200);

        assertThat(world.as("alice").get("scopes/" + world.acme + "/members").expect(200).toString())
                .doesNotContain(world.id("zed"));
    }

    @Test
    void deniedWithTheRuleThatDenied(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        JsonNode error = world.as("dave").put(world.roles(world.ws1, "zed", "admin")).expect(403);

        assertThat(error.path("errorMessage").asText()).startsWith("Not allowed: ");
        assertThat(error.path("params").toString()).contains("delegation rule 5 (only a workspace owner invites a"
                + " workspace admin");
    }

    @Test
    void takingBackTheWorkspaceRemovesItsUsersAndRestoresTheAccountOwner(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        Answer sealed = world.as("alice").get("scopes/" + world.ws1 + "/members");
        assertThat(sealed.expect(200).path("complete").asBoolean()).as("sealed: alice sees only herself").isFalse();
        assertThat(check(world, "alice", world.ws1, "subscriptions:subscriptions:start")).isFalse();

        JsonNode change = world.as("alice").delete(world.roles(world.ws1, "carol", "owner")).expect(200);

        assertThat(change.path("removedWith").toString()).contains(world.id("dave"));
        JsonNode members = world.as("alice").get("scopes/" + world.ws1 + "/members").expect(200);
        assertThat(members.path("complete").asBoolean()).isTrue();
        assertThat(members.path("members")).isEmpty();
        assertThat(check(world, "alice", world.ws1, "subscriptions:subscriptions:start")).isTrue();
        assertThat(world.as("dave").put(world.roles(world.ws1, "zed", "genic-admin")).status())
                .as("dave lost his role with the take-back").isEqualTo(404);
    }

    @Test
    void transferringTheAccountAnswers409WithoutTransferAnd200WithIt(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);

        world.as("alice").put(world.roles(world.acme, "bob", "owner")).expect(409);
        world.as("alice").send("PUT", world.roles(world.acme, "bob", "owner") + "?transfer=true", null, null)
                .expect(200);

        assertThat(world.as("bob").get("me/permissions?scopeId=" + world.acme).expect(200).path("roles").toString())
                .contains("owner");
        assertThat(world.as("alice").get("me/permissions?scopeId=" + world.acme).status())
                .as("alice holds nothing any more, so does not even see the account").isEqualTo(404);
    }

    @Test
    void fiftyConcurrentRequestsToOwnOneWorkspaceMakeExactlyOneOwner(TestRealms realms) throws Exception {
        SkyportWorld world = new SkyportWorld(realms);
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            candidates.add(world.realm.createUser("candidate" + i).id());
        }
        var root = world.as("root");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (String candidate : candidates) {
            answers.add(pool.submit(() -> {
                start.await();
                return root.put("scopes/" + world.ws2 + "/members/" + candidate + "/roles/owner").status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 200).allMatch(status -> status == 409);
        JsonNode members = root.get("scopes/" + world.ws2 + "/members").expect(200).path("members");
        assertThat(members.findValues("roles").stream().filter(roles -> roles.toString().contains("owner")))
                .hasSize(1);
    }

    @Test
    void everyChangeIsAnAdminEventNamingTheActor(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.storeAdminEvents();

        world.as("carol").put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);

        var events = world.realm.admin().getAdminEvents();
        assertThat(events).anySatisfy(event -> {
            assertThat(event.getResourcePath()).isEqualTo("tenancy/scopes/" + world.ws1 + "/members/"
                    + world.id("erin") + "/roles/genic-admin");
            assertThat(event.getAuthDetails().getUserId()).isEqualTo(world.id("carol"));
            assertThat(event.getRepresentation()).contains("genic-admin");
        });
    }

    private static boolean check(SkyportWorld world, String user, String scope, String permission) {
        return world.as(user).post("check", "{\"scopeId\":\"" + scope + "\",\"permission\":\"" + permission + "\"}")
                .expect(200).path("allowed").asBoolean();
    }
}
