package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import org.junit.jupiter.api.Test;

/**
 * Invitations: sent under the same rules as a direct grant, accepted only by the owner of the verified address,
 * and re-checked at accept time. Every refused attempt leaves nothing changed.
 */
@ArborIT
class InvitationIT {

    @Test
    void aWorkspaceOwnerInvitesAnAdminWhoAccepts(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);

        String invitation = world.as("carol").post("scopes/" + world.ws1 + "/invitations",
                "{\"email\":\"Erin@Example.test\",\"roles\":[\"admin\"]}").createdId();

        JsonNode mine = world.as("erin").get("me/invitations").expect(200);
        assertThat(ids(mine)).containsExactly(invitation);
        JsonNode access = world.as("erin").post("me/invitations/" + invitation + "/accept", null).expect(200);
        assertThat(access.path("roles").toString()).contains("admin");
        assertThat(world.as("erin").get("me/invitations").expect(200)).isEmpty();
        assertThat(world.as("carol").get("scopes/" + world.ws1 + "/invitations").expect(200).get(0)
                .path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void invitingNeedsTheRightToGrant(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);

        world.as("dave").post("scopes/" + world.ws1 + "/invitations",
                "{\"email\":\"erin@example.test\",\"roles\":[\"admin\"]}").expect(403);
        world.as("bob").post("scopes/" + world.ws2 + "/invitations",
                "{\"email\":\"erin@example.test\",\"roles\":[\"admin\"]}").expect(403);
        world.as("bob").post("scopes/" + world.ws2 + "/invitations",
                "{\"email\":\"bob@example.test\",\"roles\":[\"owner\"]}").expect(403);

        assertThat(world.as("erin").get("me/invitations").expect(200)).isEmpty();
    }

    @Test
    void nobodyAcceptsSomeoneElsesInvitationOrChangesItsRoles(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String invitation = world.as("carol").post("scopes/" + world.ws1 + "/invitations",
                "{\"email\":\"erin@example.test\",\"roles\":[\"genic-admin\"]}").createdId();

        world.as("mallory").post("me/invitations/" + invitation + "/accept", null).expect(404);
        world.as("mallory").post("me/invitations/" + invitation + "/decline", null).expect(404);
        JsonNode access = world.as("erin").post("me/invitations/" + invitation + "/accept",
                "{\"roles\":[\"owner\"]}").expect(200);

        assertThat(access.path("roles").toString()).isEqualTo("[\"genic-admin\"]");
        assertThat(world.as("mallory").get("me").expect(200)).isEmpty();
    }

    @Test
    void acceptingReChecksTheSendersRightAtAcceptTime(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String invitation = world.as("carol").post("scopes/" + world.ws1 + "/invitations",
                "{\"email\":\"zed@example.test\",\"roles\":[\"admin\"]}").createdId();
        world.as("alice").delete(world.roles(world.ws1, "carol", "owner")).expect(200);

        JsonNode error = world.as("zed").post("me/invitations/" + invitation + "/accept", null).expect(403);

        assertThat(error.path("params").get(0).asText()).isEqualTo("the invitation's sender may no longer grant this:");
        assertThat(world.as("zed").get("me").expect(200)).isEmpty();
        assertThat(ids(world.as("zed").get("me/invitations").expect(200))).containsExactly(invitation);
    }

    @Test
    void acceptingReChecksCardinality(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String invitation = world.as("root").post("scopes/" + world.ws2 + "/invitations",
                "{\"email\":\"zed@example.test\",\"roles\":[\"owner\"]}").createdId();
        world.as("root").put(world.roles(world.ws2, "erin", "owner")).expect(200);

        world.as("zed").post("me/invitations/" + invitation + "/accept", null).expect(409);

        assertThat(world.as("zed").get("me").expect(200)).isEmpty();
    }

    @Test
    void aDeclinedOrWithdrawnInvitationCannotBeAccepted(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String declined = world.as("carol").post("scopes/" + world.ws1 + "/invitations",
                "{\"email\":\"zed@example.test\",\"roles\":[\"admin\"]}").createdId();
        world.as("zed").post("me/invitations/" + declined + "/decline", null).expect(204);
        // once the first is decided, the same address at the same scope gets a new invitation
        String withdrawn = world.as("carol").post("scopes/" + world.ws1 + "/invitations",
                "{\"email\":\"zed@example.test\",\"roles\":[\"genic-admin\"]}").createdId();

        world.as("dave").delete("scopes/" + world.ws1 + "/invitations/" + withdrawn).expect(204);

        world.as("zed").post("me/invitations/" + declined + "/accept", null).expect(404);
        world.as("zed").post("me/invitations/" + withdrawn + "/accept", null).expect(404);
        assertThat(world.as("zed").get("me").expect(200)).isEmpty();
    }

    @Test
    void anUnverifiedAddressClaimsNothing(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String invitation = world.as("carol").post("scopes/" + world.ws1 + "/invitations",
                "{\"email\":\"zed@example.test\",\"roles\":[\"admin\"]}").createdId();
        var zed = world.realm.admin().users().get(world.id("zed"));
        var representation = zed.toRepresentation();
        representation.setEmailVerified(false);
        zed.update(representation);

        assertThat(world.as("zed").get("me/invitations").expect(200)).isEmpty();
        world.as("zed").post("me/invitations/" + invitation + "/accept", null).expect(404);
    }

    @Test
    void badInvitationsAreRefused(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String path = "scopes/" + world.ws1 + "/invitations";

        assertThat(world.as("carol").post(path, "{\"email\":\"not-an-address\",\"roles\":[\"admin\"]}").expect(400)
                .path("field").asText()).isEqualTo("email");
        assertThat(world.as("carol").post(path, "{\"email\":\"z@example.test\",\"roles\":[]}").expect(400)
                .path("field").asText()).isEqualTo("roles");
        assertThat(world.as("carol").post(path, "{\"email\":\"z@example.test\",\"roles\":[\"admin\"],"
                + "\"expiresIn\":99999999}").expect(400).path("field").asText()).isEqualTo("expiresIn");
        world.as("carol").post(path, "{\"email\":\"z@example.test\",\"roles\":[\"emperor\"]}").expect(404);
        assertThat(world.as("carol").get(path).expect(200)).isEmpty();
    }

    @Test
    void removingAUserRemovesTheInvitationsToThem(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.as("carol").post("scopes/" + world.ws1 + "/invitations",
                "{\"email\":\"zed@example.test\",\"roles\":[\"admin\"]}").expect(201);

        world.realm.admin().users().get(world.id("zed")).remove();

        assertThat(world.as("carol").get("scopes/" + world.ws1 + "/invitations").expect(200)).isEmpty();
    }

    private static java.util.List<String> ids(JsonNode invitations) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        invitations.forEach(invitation -> ids.add(invitation.path("id").asText()));
        return ids;
    }
}
