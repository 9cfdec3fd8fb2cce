package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A refused request changes nothing, for every write that takes several steps: an error answer rolls the whole
 * request back, and no membership is ever left without a role. Races are run for real, many requests at once.
 */
@ArborIT
class IntegrityIT {

    private static final int RACERS = 12;

    @Test
    void anImportRefusedForItsLastMemberLeavesTheSchemaTheScopesAndTheFirstMembersAlone(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");
        root.post("import", """
                {"arbor": 1, "scopes": [{"key": "imp", "type": "account", "name": "Imported",
                  "children": [{"key": "imp-ws", "type": "workspace", "name": "Imported studio"}]}]}
                """).expect(200);
        String workspaceId = root.get("scopes?key=imp-ws").expect(200).get(0).path("id").asText();
        JsonNode before = root.get("export").expect(200);

        ObjectNode document = (ObjectNode) before.deepCopy();
        ObjectNode schema = (ObjectNode) document.path("schema");
        schema.put("version", schema.path("version").asInt() + 1);
        ((ArrayNode) document.path("scopes")).addObject().put("key", "brand-new").put("type", "account")
                .put("name", "Brand new");
        ArrayNode members = (ArrayNode) document.path("members");
        members.addObject().put("user", "zed").put("scope", "imp-ws").putArray("roles").add("owner");
        members.addObject().put("user", "erin").put("scope", workspaceId).putArray("roles").add("owner");

        JsonNode refused = root.post("import", document.toString()).expect(409);

        assertThat(refused.path("errorMessage").asText()).contains("owner");
        assertThat(root.get("export").expect(200)).isEqualTo(before);
        assertThat(world.as("zed").get("me").expect(200)).isEmpty();
    }

    @Test
    void manyGrantsOfAFullRoleAtOnceGiveItOnceAndLeaveNoMembershipWithoutARole(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        List<String> racers = racers(world);
        ArborApi alice = world.as("alice");

        List<Integer> statuses = race(racers, racer -> () -> alice.put(world.roles(world.ws2, racer, "owner")).status());

        // 409 for who counted the holders before the winner wrote, 403 after (the new owner hides the account's)
        assertThat(statuses).isSubsetOf(200, 403, 409);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        JsonNode members = world.as("root").get("scopes/" + world.ws2 + "/members?max=100").expect(200);
        assertThat(members.path("members")).hasSize(1);
        assertThat(members.path("total").asInt()).isEqualTo(1);
        assertEveryMemberHoldsARole(world);
    }

    @Test
    void manyTransfersAtOnceLeaveExactlyOneOwnerAndNothingHalfDone(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        List<String> racers = racers(world);
        ArborApi alice = world.as("alice");

        List<Integer> statuses = race(racers,
                racer -> () -> alice.put(world.roles(world.acme, racer, "owner") + "?transfer=true").status());

        // 409 for who lost the race, 404 after the winner's commit (alice, no longer a member, no longer sees it)
        assertThat(statuses).isSubsetOf(200, 404, 409);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        JsonNode members = world.as("root").get("scopes/" + world.acme + "/members?max=100").expect(200)
                .path("members");
        List<String> owners = new ArrayList<>();
        members.forEach(member -> {
            if (member.path("roles").toString().contains("\"owner\"")) {
                owners.add(member.path("userId").asText());
            }
        });
        assertThat(owners).hasSize(1);
        assertThat(members.toString()).contains(world.id("bob")).doesNotContain(world.id("alice"));
        for (int i = 0; i < racers.size(); i++) {
            if (statuses.get(i) != 200) {
                assertThat(members.toString()).as("a refused transfer to " + racers.get(i) + " left nothing")
                        .doesNotContain(world.id(racers.get(i)));
            }
        }
        assertEveryMemberHoldsARole(world);
    }

    @Test
    void invitationsToAOneHolderRoleAcceptedAtOnceGiveItOnceAndTheRefusedOnesStayOpen(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        List<String> racers = racers(world);
        ArborApi alice = world.as("alice");
        List<ArborApi> invitees = new ArrayList<>();
        List<String> invitations = new ArrayList<>();
        for (String racer : racers) {
            invitations.add(alice.post("scopes/" + world.ws2 + "/invitations",
                    "{\"email\":\"" + racer + "@example.test\",\"roles\":[\"owner\"]}").createdId());
            invitees.add(world.as(racer));
        }

        List<Integer> statuses = race(racers, racer -> {
            int i = racers.indexOf(racer);
            return () -> invitees.get(i).post("me/invitations/" + invitations.get(i) + "/accept", null).status();
        });

        // 409 for who lost the race to the seat, 403 after the winner's commit (the new owner hides the sender's
        // rights there, so the invitations still open can no longer be accepted)
        assertThat(statuses).isSubsetOf(200, 403, 409);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        for (int i = 0; i < racers.size(); i++) {
            JsonNode open = invitees.get(i).get("me/invitations").expect(200);
            if (statuses.get(i) != 200) {
                assertThat(open.toString()).as("the refused acceptance left the invitation open")
                        .contains(invitations.get(i));
                assertThat(invitees.get(i).get("me").expect(200)).isEmpty();
            }
        }
        assertEveryMemberHoldsARole(world);
    }

    @Test
    void schemaRevisionsStoredAtOnceAreEachStoredWholeOrNotAtAll(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        List<String> racers = racers(world);
        ArborApi root = world.as("root");
        int before = root.get("schema").expect(200).path("revision").asInt();

        List<Integer> statuses = race(racers, racer -> () -> root.put("schema", SkyportWorld.schema("skyport")
                .replace("version: 1", "version: " + (10 + racers.indexOf(racer))), "application/yaml").status());

        assertThat(statuses).isSubsetOf(200, 409).contains(200);
        long stored = statuses.stream().filter(status -> status == 200).count();
        assertThat(root.get("schema").expect(200).path("revision").asInt()).isEqualTo(before + stored);
    }

    @Test
    void takeBacksAtOnceRemoveTheWorkspaceUsersOnceAndAnswerEveryRequest(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        List<String> racers = racers(world);
        ArborApi carol = world.as("carol");
        for (String racer : racers) {
            carol.put(world.roles(world.ws1, racer, "admin")).expect(200);
        }
        ArborApi alice = world.as("alice");

        List<Integer> statuses = race(racers,
                racer -> () -> alice.delete(world.roles(world.ws1, "carol", "owner")).status());

        assertThat(statuses).doesNotContain(500).contains(200);
        JsonNode members = world.as("root").get("scopes/" + world.ws1 + "/members?max=100").expect(200);
        assertThat(members.path("total").asInt()).as("the take-back removed every workspace user").isZero();
        assertEveryMemberHoldsARole(world);
    }

    /** Users who hold nothing yet, each ready to race for a role. */
    private static List<String> racers(SkyportWorld world) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String name = "racer" + i;
            world.users.put(name, world.realm.createUser(name));
            names.add(name);
        }
        return names;
    }

    /** Runs one request per racer, all released at the same moment; the statuses in the racers' order. */
    private static List<Integer> race(List<String> racers, Function<String, Callable<Integer>> request) {
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String racer : racers) {
                Callable<Integer> call = request.apply(racer);
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every member listed holds a role, and the database counts no membership that the listing leaves out. */
    private static void assertEveryMemberHoldsARole(SkyportWorld world) {
        ArborApi root = world.as("root");
        for (String scope : List.of(world.acme, world.ws1, world.ws2)) {
            JsonNode page = root.get("scopes/" + scope + "/members?max=100").expect(200);
            page.path("members").forEach(member ->
                    assertThat(member.path("roles")).as("roles of " + member).isNotEmpty());
            assertThat(page.path("total").asInt()).as("memberships stored at " + scope)
                    .isEqualTo(page.path("members").size());
        }
    }
}
