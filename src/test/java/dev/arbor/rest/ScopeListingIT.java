package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lists give full pages of what the caller may see, and keys (the realm administrator's names for import and
 * export) are set only by realm administrators and never revealed to anyone else.
 */
@ArborIT
class ScopeListingIT {

    @Test
    void aPageHoldsTheVisibleChildrenHoweverManyHiddenOnesComeFirst(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");
        String big = root.post("scopes", "{\"type\":\"account\",\"name\":\"Big\"}").createdId();
        List<String> children = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            children.add(root.post("scopes", "{\"type\":\"workspace\",\"name\":\"W" + String.format("%02d", i)
                    + "\",\"parentId\":\"" + big + "\"}").createdId());
        }
        root.put(world.roles(children.get(24), "erin", "admin")).expect(200);
        root.put(world.roles(children.get(2), "erin", "genic-admin")).expect(200);
        String parent = "scopes?parentId=" + big;

        assertThat(names(world.as("erin").get(parent + "&max=5").expect(200))).containsExactly("W03", "W25");
        assertThat(names(world.as("erin").get(parent + "&max=1").expect(200))).containsExactly("W03");
        assertThat(names(world.as("erin").get(parent + "&first=1&max=1").expect(200))).containsExactly("W25");
        assertThat(world.as("erin").get(parent + "&first=2&max=1").expect(200)).isEmpty();
        // whoever holds a role above sees every child, page after page, none twice
        root.put(world.roles(big, "bob", "owner")).expect(200);
        List<String> seen = new ArrayList<>();
        for (int first = 0; first < 30; first += 7) {
            seen.addAll(names(world.as("bob").get(parent + "&first=" + first + "&max=7").expect(200)));
        }
        assertThat(seen).hasSize(30).doesNotHaveDuplicates().startsWith("W01").endsWith("W30");
    }

    @Test
    void onlyRealmAdministratorsGiveAKeyAndNobodyElseLearnsOne(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String globex = world.as("root").post("scopes",
                "{\"type\":\"account\",\"name\":\"Globex\",\"key\":\"globex\"}").createdId();
        int before = world.as("alice").get("scopes?parentId=" + world.acme).expect(200).size();

        JsonNode taken = world.as("alice").post("scopes", "{\"type\":\"workspace\",\"name\":\"X\",\"parentId\":\""
                + world.acme + "\",\"key\":\"globex\"}").expect(403);
        JsonNode fresh = world.as("alice").post("scopes", "{\"type\":\"workspace\",\"name\":\"X\",\"parentId\":\""
                + world.acme + "\",\"key\":\"never-used\"}").expect(403);

        assertThat(taken.path("field").asText()).isEqualTo("key");
        assertThat(taken.toString()).isEqualTo(fresh.toString());
        assertThat(world.as("alice").get("scopes?parentId=" + world.acme).expect(200)).hasSize(before);
        assertThat(world.as("alice").get("scopes?key=globex").expect(200)).isEmpty();
        assertThat(world.as("alice").get("scopes?key=never-used").expect(200)).isEmpty();
        assertThat(world.as("alice").get("scopes?key=" + globex).expect(200)).isEmpty();
        assertThat(world.as("root").get("scopes?key=globex").expect(200).get(0).path("id").asText())
                .isEqualTo(globex);
        world.as("root").post("scopes", "{\"type\":\"account\",\"name\":\"G2\",\"key\":\"globex\"}").expect(409);
    }

    private static List<String> names(JsonNode scopes) {
        List<String> names = new ArrayList<>();
        scopes.forEach(scope -> names.add(scope.path("name").asText()));
        return names;
    }
}
