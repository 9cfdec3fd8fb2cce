package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import org.junit.jupiter.api.Test;

/**
 * Seed 000, note 2: the workspace's users go when the account side takes the workspace back, not when its owner
 * gives the role up; the app's "give up" offer says as much, from the same decision.
 */
@ArborIT
class ResignIT {

    @Test
    void aWorkspaceOwnerWhoResignsLeavesTheWorkspacesUsersInPlace(TestRealms realms) {
        SkyportWorld world = world(realms);
        JsonNode offer = world.as("carol").get("scopes/" + world.ws1 + "/actions").expect(200);

        JsonNode change = world.as("carol").delete(world.roles(world.ws1, "carol", "owner")).expect(200);

        assertThat(offer.path("takeBack")).as("giving up is no take-back").isEmpty();
        assertThat(revokeOffer(offer, world.id("carol")).path("removes")).as("nobody is removed with it").isEmpty();
        assertThat(change.path("removedWith")).isEmpty();
        JsonNode members = world.as("root").get("scopes/" + world.ws1 + "/members").expect(200).path("members");
        assertThat(members.toString()).doesNotContain(world.id("carol")).contains(world.id("dave"));
        assertThat(world.as("dave").put(world.roles(world.ws1, "zed", "genic-admin")).status())
                .as("dave is still an admin of the workspace").isEqualTo(200);
    }

    @Test
    void theAccountOwnerTakingTheWorkspaceBackStillRemovesItsUsers(TestRealms realms) {
        SkyportWorld world = world(realms);
        JsonNode offer = world.as("alice").get("scopes/" + world.ws1 + "/actions").expect(200);

        JsonNode change = world.as("alice").delete(world.roles(world.ws1, "carol", "owner")).expect(200);

        assertThat(offer.path("takeBack").get(0).path("removes").asInt()).isEqualTo(1);
        assertThat(change.path("removedWith").toString()).contains(world.id("dave"));
        assertThat(world.as("root").get("scopes/" + world.ws1 + "/members").expect(200).path("members")).isEmpty();
    }

    private static SkyportWorld world(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        return world;
    }

    private static JsonNode revokeOffer(JsonNode actions, String userId) {
        for (JsonNode member : actions.path("members")) {
            if (member.path("userId").asText().equals(userId)) {
                for (JsonNode revoke : member.path("revoke")) {
                    if (revoke.path("role").asText().equals("owner")) {
                        return revoke;
                    }
                }
            }
        }
        throw new AssertionError("no offer to give up owner for " + userId + " in " + actions);
    }
}
