package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborApi.Answer;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /scopes/{id}/members} paged by cursor: each page names the next ({@code next}, given back as
 * {@code after}) until the last, which names none; following them lists every member exactly once in user id
 * order, even when members join between pages; a caller who may not list the members still sees only their own
 * membership, cursor or not; and a cursor no page gave is refused naming {@code after}.
 */
@ArborIT
class MemberListingIT {

    /** New users made Gen-IC admins of ws1 (owner carol, admin dave): a role that may not list the members. */
    private static final int POOL = 12;

    @Test
    void followingNextListsEveryMemberOnceInOrderWhileOthersJoin(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");
        List<TestUser> pool = pool(world);
        // the lowest and highest ids of the pool join after the first page: one before its cursor, one after it
        TestUser early = pool.remove(0);
        TestUser late = pool.remove(pool.size() - 1);
        pool.forEach(user -> root.put(genicAdmin(world, user)).expect(200));
        root.put("scopes/" + world.ws1 + "/members/" + world.id("dave") + "/roles/genic-admin").expect(200);
        JsonNode onePage = root.get(members(world) + "?max=1000").expect(200);
        List<String> before = userIds(onePage);
        assertThat(before).hasSize(POOL).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.naturalOrder())
                .contains(world.id("carol"), world.id("dave"));
        JsonNode carol = member(onePage, world.id("carol"));
        assertThat(carol.path("username").asText()).isEqualTo("carol");
        assertThat(carol.path("roles").toString()).isEqualTo("[\"owner\"]");
        assertThat(member(onePage, world.id("dave")).path("roles").toString()).as("two roles: one member, in name order")
                .isEqualTo("[\"admin\",\"genic-admin\"]");

        JsonNode first = root.get(members(world) + "?max=4").expect(200);
        root.put(genicAdmin(world, early)).expect(200);
        root.put(genicAdmin(world, late)).expect(200);
        List<JsonNode> pages = new ArrayList<>(List.of(first));
        while (pages.get(pages.size() - 1).hasNonNull("next") && pages.size() < 10) {
            String next = pages.get(pages.size() - 1).path("next").asText();
            pages.add(root.get(members(world) + "?max=4&after=" + next).expect(200));
        }

        List<String> listed = new ArrayList<>();
        pages.forEach(page -> listed.addAll(userIds(page)));
        assertThat(pages).hasSize(4);
        assertThat(pages.subList(0, 3)).allSatisfy(page -> assertThat(page.path("members")).hasSize(4));
        assertThat(listed).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.naturalOrder())
                .containsAll(before).contains(late.id()).doesNotContain(early.id()).hasSize(POOL + 1);
        assertThat(pages.get(3).has("next")).isFalse();
        assertThat(pages.get(3).path("total").asLong()).isEqualTo(POOL + 2);
        // the same listing again, now with everyone, equals one page of all, member by member; in pages of one,
        // dave's two roles (two rows of the page's query) end a page and follow one
        JsonNode everyone = root.get(members(world) + "?max=1000").expect(200).path("members");
        assertThat(allByCursor(root, world, 5)).isEqualTo(everyone).hasSize(POOL + 2);
        assertThat(allByCursor(root, world, 1)).isEqualTo(everyone);
    }

    @Test
    void pagingByFirstStillWorksAndNamesTheNextPageToo(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");
        pool(world).forEach(user -> root.put(genicAdmin(world, user)).expect(200));
        JsonNode all = root.get(members(world) + "?max=1000").expect(200);

        JsonNode second = root.get(members(world) + "?first=5&max=5").expect(200);
        JsonNode last = root.get(members(world) + "?first=10&max=5").expect(200);
        JsonNode past = root.get(members(world) + "?first=20&max=5").expect(200);

        assertThat(userIds(second)).isEqualTo(userIds(all).subList(5, 10));
        assertThat(second.path("first").asInt()).isEqualTo(5);
        assertThat(second.path("total").asLong()).isEqualTo(POOL + 2);
        assertThat(userIds(root.get(members(world) + "?max=5&after=" + second.path("next").asText()).expect(200)))
                .isEqualTo(userIds(last));
        assertThat(userIds(last)).hasSize(4);
        assertThat(last.has("next")).isFalse();
        assertThat(all.has("next")).isFalse();
        assertThat(past.path("members")).isEmpty();
        assertThat(past.path("total").asLong()).isEqualTo(POOL + 2);
    }

    @Test
    void whoMayNotListTheMembersSeesOnlyThemselvesWhateverTheCursor(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");
        List<TestUser> pool = pool(world);
        pool.forEach(user -> root.put(genicAdmin(world, user)).expect(200));
        String next = root.get(members(world) + "?max=2").expect(200).path("next").asText();
        TestUser genicAdmin = pool.get(POOL - 1);
        ArborApi member = world.realm.api(world.app, genicAdmin);

        for (String query : List.of("", "?max=2", "?max=2&after=" + next, "?first=3&max=1",
                "?max=1&after=" + cursorOf(genicAdmin.id()))) {
            JsonNode page = member.get(members(world) + query).expect(200);
            assertThat(userIds(page)).as(query).containsExactly(genicAdmin.id());
            assertThat(page.path("complete").asBoolean()).as(query).isFalse();
            assertThat(page.path("total").asLong()).as(query).isEqualTo(1);
            assertThat(page.has("next")).as(query).isFalse();
        }
        // who holds nothing there does not even see the scope, cursor or not
        world.as("zed").get(members(world) + "?after=" + next).expect(404);
        world.as("zed").get(members(world)).expect(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        not base64url            | after=not*base64
        padded                   | after=Y2Fyb2w=
        not UTF-8                | after=__4
        longer than a user id    | after=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDEyMzQ1Njc4OQ
        both ways of paging      | first=0&after=Y2Fyb2w
        """)
    void aCursorNoPageGaveIsRefusedNamingIt(String what, String query, TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String field = query.startsWith("first") ? "first" : "after";

        // the realm administrator, a member who may list the members, and alice, who sees the scope but may not
        // list them since carol owns it (sealing); who may not see it gets 404 whatever the query
        for (String caller : List.of("root", "dave", "alice")) {
            Answer answer = world.as(caller).get(members(world) + "?" + query);

            assertThat(answer.status()).as(what + " as " + caller + ": " + answer.text()).isEqualTo(400);
            assertThat(answer.json().path("field").asText()).as(what).isEqualTo(field);
            assertThat(answer.json().path("errorMessage").asText()).as(what).isNotBlank();
        }
    }

    /** The count rides on the first page and is kept for the next ones until a membership at the scope changes. */
    @Test
    void theTotalFollowsEachWayAMemberComesOrGoes(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");
        List<TestUser> pool = pool(world);
        long before = total(root, world);
        assertThat(total(root, world)).as("the next listing, counted or not").isEqualTo(before);

        root.put(genicAdmin(world, pool.get(0))).expect(200);
        assertThat(total(root, world)).as("granted").isEqualTo(before + 1);
        root.post("import", "{\"arbor\":1,\"members\":[{\"user\":\"" + pool.get(1).username() + "\",\"scope\":\""
                + world.ws1 + "\",\"roles\":[\"genic-admin\"]}]}").expect(200);
        assertThat(total(root, world)).as("imported").isEqualTo(before + 2);
        root.put(genicAdmin(world, pool.get(2))).expect(200);
        assertThat(total(root, world)).isEqualTo(before + 3);
        root.delete(genicAdmin(world, pool.get(0))).expect(200);
        assertThat(total(root, world)).as("the last role revoked").isEqualTo(before + 2);
        root.delete(members(world) + "/" + pool.get(1).id()).expect(204);
        assertThat(total(root, world)).as("removed").isEqualTo(before + 1);
        world.realm.admin().users().get(pool.get(2).id()).remove();
        assertThat(total(root, world)).as("the user deleted in Keycloak").isEqualTo(before);
    }

    private static long total(ArborApi api, SkyportWorld world) {
        JsonNode first = api.get(members(world) + "?max=1").expect(200);
        JsonNode second = api.get(members(world) + "?max=1&after=" + first.path("next").asText()).expect(200);
        assertThat(second.path("total").asLong()).as("the second page").isEqualTo(first.path("total").asLong());
        return first.path("total").asLong();
    }

    /** {@link #POOL} new users of the realm, in user id order. */
    private static List<TestUser> pool(SkyportWorld world) {
        List<TestUser> pool = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            pool.add(world.realm.createUser("member" + i));
        }
        pool.sort(Comparator.comparing(TestUser::id));
        return pool;
    }

    private static String genicAdmin(SkyportWorld world, TestUser user) {
        return "scopes/" + world.ws1 + "/members/" + user.id() + "/roles/genic-admin";
    }

    private static String members(SkyportWorld world) {
        return "scopes/" + world.ws1 + "/members";
    }

    private static JsonNode allByCursor(ArborApi api, SkyportWorld world, int max) {
        List<JsonNode> all = new ArrayList<>();
        String query = "?max=" + max;
        for (int pages = 0; pages < 100; pages++) {
            JsonNode page = api.get(members(world) + query).expect(200);
            page.path("members").forEach(all::add);
            if (!page.hasNonNull("next")) {
                return new ObjectMapper().createArrayNode().addAll(all);
            }
            query = "?max=" + max + "&after=" + page.path("next").asText();
        }
        throw new AssertionError("no last page after 100 pages");
    }

    private static JsonNode member(JsonNode page, String userId) {
        for (JsonNode member : page.path("members")) {
            if (member.path("userId").asText().equals(userId)) {
                return member;
            }
        }
        return null;
    }

    private static List<String> userIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("members").forEach(member -> ids.add(member.path("userId").asText()));
        return ids;
    }

    /** The cursor format, written here on purpose: a cursor naming oneself opens nothing more. */
    private static String cursorOf(String userId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(userId.getBytes(StandardCharsets.UTF_8));
    }
}
