package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invitations cannot be sprayed: one open invitation per address and scope (a repeat replaces it), at most 10 open
 * ones per address from all senders together, at most 200 per sender (the defaults); one more is a 409 naming
 * {@code email} and changes nothing.
 */
@ArborIT
class InvitationLimitsIT {

    @Test
    void aRepeatedInvitationReplacesTheOpenOne(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String path = "scopes/" + world.ws1 + "/invitations";
        String first = world.as("carol").post(path, "{\"email\":\"erin@example.test\",\"roles\":[\"admin\"]}")
                .createdId();

        JsonNode again = world.as("dave").post(path,
                "{\"email\":\"Erin@Example.test\",\"roles\":[\"genic-admin\"],\"expiresIn\":3600}").expect(200);

        assertThat(again.path("id").asText()).isEqualTo(first);
        assertThat(again.path("roles").toString()).isEqualTo("[\"genic-admin\"]");
        assertThat(again.path("inviterId").asText()).isEqualTo(world.id("dave"));
        assertThat(ids(world.as("carol").get(path).expect(200))).containsExactly(first);
        JsonNode mine = world.as("erin").get("me/invitations").expect(200);
        assertThat(ids(mine)).containsExactly(first);
        assertThat(mine.get(0).path("expiresAt").asLong()).isLessThan(System.currentTimeMillis() + 3_700_000);
    }

    @Test
    void anAddressHoldsAtMostTenOpenInvitationsFromAllSenders(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        List<String> workspaces = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            workspaces.add(world.as("alice").post("scopes", world.workspace("W" + i)).createdId());
        }
        String invite = "{\"email\":\"zed@example.test\",\"roles\":[\"admin\"]}";
        for (int i = 0; i < 10; i++) {
            world.as(i < 6 ? "alice" : "root").post("scopes/" + workspaces.get(i) + "/invitations", invite)
                    .expect(201);
        }

        JsonNode refused = world.as("alice").post("scopes/" + workspaces.get(10) + "/invitations", invite)
                .expect(409);

        assertThat(refused.path("field").asText()).isEqualTo("email");
        assertThat(world.as("alice").get("scopes/" + workspaces.get(10) + "/invitations").expect(200)).isEmpty();
        assertThat(world.as("zed").get("me/invitations").expect(200)).hasSize(10);
        // a repeat to a scope that has one open is no new invitation: still allowed
        world.as("root").post("scopes/" + workspaces.get(0) + "/invitations", invite).expect(200);
        // and a withdrawn one frees its place
        String withdrawn = ids(world.as("alice").get("scopes/" + workspaces.get(1) + "/invitations").expect(200))
                .get(0);
        world.as("alice").delete("scopes/" + workspaces.get(1) + "/invitations/" + withdrawn).expect(204);
        world.as("alice").post("scopes/" + workspaces.get(10) + "/invitations", invite).expect(201);
    }

    @Test
    void aSenderHasAtMostTwoHundredOpenInvitations(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String path = "scopes/" + world.ws2 + "/invitations";
        for (int i = 1; i <= 200; i++) {
            world.as("alice").post(path, "{\"email\":\"guest" + i + "@example.test\",\"roles\":[\"admin\"]}")
                    .expect(201);
        }

        JsonNode refused = world.as("alice").post(path, "{\"email\":\"guest201@example.test\",\"roles\":[\"admin\"]}")
                .expect(409);

        assertThat(refused.path("field").asText()).isEqualTo("email");
        assertThat(world.as("alice").get(path + "?max=1000").expect(200)).hasSize(200);
        // another sender is not held back by alice's invitations
        world.as("root").post(path, "{\"email\":\"guest201@example.test\",\"roles\":[\"admin\"]}").expect(201);
    }

    private static List<String> ids(JsonNode invitations) {
        List<String> ids = new ArrayList<>();
        invitations.forEach(invitation -> ids.add(invitation.path("id").asText()));
        return ids;
    }
}
