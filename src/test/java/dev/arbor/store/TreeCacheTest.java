package dev.arbor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The node's cache keeps what exists and no answer that something does not (those keys are whatever a caller
 * sends, so a thousand made-up ids must not grow it), but for what tokens ask each time of things that exist: "not
 * a member" and "nobody holds it" at a scope that exists, "no memberships" of a user Keycloak has; a change drops
 * what it names and nothing else, except the service's answers, which any change drops; and a load that raced a
 * change is never kept.
 */
class TreeCacheTest {

    private final String realm = "realm-" + UUID.randomUUID();
    private final RowsInMemory rows = new RowsInMemory(realm);

    @AfterEach
    void dropCache() {
        TreeCache.drop(realm, TreeChange.ofRealm());
    }

    private TreeCache.Entries entries() {
        return TreeCache.view(realm).entries;
    }

    @Test
    void madeUpIdsAndKeysLeaveNoEntries() {
        CachingTreeSlice slice = rows.newSession();

        for (int i = 0; i < 1000; i++) {
            assertThat(slice.scope("made-up-" + i)).isEmpty();
            assertThat(slice.scopeByKey("made-up-key-" + i)).isEmpty();
            assertThat(slice.membership("invitee:" + i + "@example.test", "made-up-" + i)).isEmpty();
            assertThat(slice.membershipsOf("user-" + i)).isEmpty();
            assertThat(slice.holders("made-up-" + i, "emperor")).isEmpty();
        }

        assertThat(entries().scopes.size()).isZero();
        assertThat(entries().scopeIdsByKey.size()).isZero();
        assertThat(entries().memberships.size()).isZero();
        assertThat(entries().userMemberships.size()).isZero();
        assertThat(entries().holders.size()).isZero();
    }

    @Test
    void whatExistsIsStillCachedAndAUsersListAnswersNonMembershipToo() {
        rows.scope("root", null);
        rows.grant("alice", "root", "owner");

        CachingTreeSlice first = rows.newSession();
        assertThat(first.scope("root")).isPresent();
        assertThat(first.membershipsOf("alice")).hasSize(1);

        assertThat(entries().scopes.get("root")).isNotNull();
        assertThat(entries().userMemberships.get("alice")).isNotNull();
        rows.scopes.clear();
        rows.removeMembership("alice", "root");
        CachingTreeSlice next = rows.newSession();
        assertThat(next.scope("root")).as("from the cache").isPresent();
        assertThat(next.membership("alice", "root")).map(Membership::scopeId).contains("root");
        assertThat(next.membership("alice", "elsewhere")).isEmpty();
        assertThat(entries().memberships.size()).isZero();
    }

    @Test
    void aUsersCachedListAnswersEachOfAThousandScopesByItself() {
        for (int i = 0; i < 1000; i++) {
            rows.scope("s" + i, null);
            rows.grant("heavy", "s" + i, i % 2 == 0 ? "owner" : "viewer");
        }
        assertThat(rows.newSession().membershipsOf("heavy")).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            rows.removeMembership("heavy", "s" + i);
        }

        CachingTreeSlice next = rows.newSession();
        for (int i = 0; i < 1000; i++) {
            Membership found = next.membership("heavy", "s" + i).orElseThrow();
            assertThat(found.scopeId()).isEqualTo("s" + i);
            assertThat(found.roles()).containsExactly(i % 2 == 0 ? "owner" : "viewer");
        }
        assertThat(next.membership("heavy", "s1000")).isEmpty();
        assertThat(next.membershipsOf("heavy")).hasSize(1000);
        assertThat(entries().memberships.size()).isZero();
    }

    @Test
    void theConfiguredSizeBoundsARealmCachedAfterwardsAndZeroIsRefused() {
        assertThatThrownBy(() -> TreeCache.entriesPerMap(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        try {
            TreeCache.entriesPerMap(2);
            for (String id : List.of("a", "b", "c", "d")) {
                rows.scope(id, null);
            }
            CachingTreeSlice slice = rows.newSession();
            List.of("a", "b", "c", "d").forEach(slice::scope);

            assertThat(entries().scopes.size()).isEqualTo(2);
        } finally {
            TreeCache.entriesPerMap(TreeCache.DEFAULT_ENTRIES);
        }
    }

    @Test
    void notAMemberAtAnExistingScopeIsKeptUntilAGrantThereNamesIt() {
        rows.scope("root", null);
        rows.scope("ws1", "root");
        rows.grant("alice", "ws1", "owner");

        CachingTreeSlice first = rows.newSession();
        assertThat(first.path("ws1")).hasSize(2);
        assertThat(first.membership("alice", "root")).isEmpty();
        assertThat(first.membership("alice", "ws1")).isPresent();
        assertThat(entries().memberships.get(TreeCache.membershipKey("alice", "root"))).isEqualTo(Optional.empty());

        rows.grant("alice", "root", "owner");
        assertThat(rows.newSession().membership("alice", "root")).as("from the cache, until the grant's change")
                .isEmpty();
        TreeCache.drop(realm, new TreeChange().membership("alice", "root").holder("root", "owner"));
        assertThat(rows.newSession().membership("alice", "root")).map(Membership::roles)
                .contains(java.util.Set.of("owner"));
    }

    @Test
    void aKnownUserWithoutMembershipsIsKeptAsSuchUntilAGrantNamesThem() {
        rows.scope("root", null);
        CachingTreeSlice first = rows.newSession();
        first.existingUser("zed");
        assertThat(first.membershipsOf("zed")).isEmpty();
        assertThat(first.membershipsOf("made-up")).isEmpty();
        assertThat(entries().userMemberships.get("zed")).as("kept").isEmpty();
        assertThat(entries().userMemberships.get("made-up")).as("not kept").isNull();

        rows.grant("zed", "root", "owner");
        assertThat(rows.newSession().membershipsOf("zed")).as("from the cache, until the grant's change").isEmpty();
        TreeCache.drop(realm, new TreeChange().membership("zed", "root").holder("root", "owner"));
        assertThat(rows.newSession().membershipsOf("zed")).map(Membership::scopeId).containsExactly("root");
    }

    @Test
    void aVacantRoleAtAnExistingScopeIsKeptAsSuchUntilAGrantOfItNamesIt() {
        rows.scope("root", null);
        CachingTreeSlice first = rows.newSession();
        assertThat(first.scope("root")).isPresent();
        assertThat(first.holders("root", "owner")).isEmpty();
        assertThat(entries().holders.get(TreeCache.holderKey("root", "owner"))).as("kept").isEmpty();

        rows.grant("alice", "root", "owner");
        assertThat(rows.newSession().holders("root", "owner")).as("from the cache, until the grant's change").isEmpty();
        TreeCache.drop(realm, new TreeChange().membership("alice", "root").holder("root", "owner"));
        CachingTreeSlice after = rows.newSession();
        assertThat(after.scope("root")).isPresent();
        assertThat(after.holders("root", "owner")).containsExactly("alice");
    }

    @Test
    void aGrantDropsThatUsersAndThatRolesEntriesAndKeepsTheRest() {
        rows.scope("root", null);
        rows.scope("ws1", "root");
        rows.grant("alice", "ws1", "owner");
        rows.grant("bob", "ws1", "member");
        readAll(rows.newSession());

        rows.grant("carol", "ws1", "owner");
        TreeCache.drop(realm, new TreeChange().membership("carol", "ws1").holder("ws1", "owner"));

        CachingTreeSlice after = rows.newSession();
        assertThat(after.holders("ws1", "owner")).as("dropped, read again").containsExactly("alice", "carol");
        assertThat(after.membershipsOf("carol")).hasSize(1);
        TreeCache.Entries entries = entries();
        assertThat(entries.scopes.get("ws1")).as("not changed, still cached").isNotNull();
        assertThat(entries.scopes.get("root")).isNotNull();
        assertThat(entries.userMemberships.get("alice")).isNotNull();
        assertThat(entries.userMemberships.get("bob")).isNotNull();
        assertThat(entries.holders.get(TreeCache.holderKey("ws1", "member"))).isNotNull();
        assertThat(entries.memberCounts.get("ws1")).as("carol joined ws1").isNull();
        assertThat(entries.schema.get()).isNotNull();
    }

    @Test
    void aListedScopesMemberCountIsKeptUntilAMembershipThereChanges() {
        rows.scope("root", null);
        rows.scope("ws1", "root");
        rows.newSession().memberCountRead("ws1", 3);
        rows.newSession().memberCountRead("root", 1);
        assertThat(rows.newSession().knownMemberCount("ws1")).isEqualTo(3L);

        TreeCache.drop(realm, new TreeChange().membership("carol", "root").holder("root", "owner").scope("ws1"));
        assertThat(rows.newSession().knownMemberCount("ws1")).as("no membership at ws1 changed").isEqualTo(3L);
        assertThat(rows.newSession().knownMemberCount("root")).as("a membership at root changed").isNull();

        TreeCache.drop(realm, new TreeChange().membership("carol", "ws1"));
        assertThat(rows.newSession().knownMemberCount("ws1")).isNull();

        rows.newSession().memberCountRead("ws1", 4);
        TreeCache.drop(realm, TreeChange.ofRealm());
        assertThat(rows.newSession().knownMemberCount("ws1")).isNull();
    }

    @Test
    void aMemberCountReadBeforeAChangeAtItsScopeWasDroppedIsNotKept() {
        rows.scope("ws1", null);
        CachingTreeSlice reader = rows.newSession(); // counted 3; then a fourth member's change commits and drops
        TreeCache.drop(realm, new TreeChange().membership("dave", "ws1"));

        reader.memberCountRead("ws1", 3);

        assertThat(reader.knownMemberCount("ws1")).as("the request's own page").isEqualTo(3L);
        assertThat(rows.newSession().knownMemberCount("ws1")).as("the node's cache").isNull();
    }

    @Test
    void aRenameDropsTheScopeOnlyAndItsDescendantsStillFindIt() {
        rows.scope("root", null);
        rows.scope("ws1", "root");
        readAll(rows.newSession());

        rows.scope("root", null).name = "Renamed";
        TreeCache.drop(realm, new TreeChange().scope("root"));

        assertThat(entries().scopes.get("root")).isNull();
        assertThat(entries().scopes.get("ws1")).as("names its ancestors by id only").isNotNull();
        CachingTreeSlice after = rows.newSession();
        assertThat(after.scope("ws1")).map(Scope::ancestors).contains(List.of("root"));
        assertThat(after.scope("root")).map(Scope::name).contains("Renamed");
        assertThat(entries().scopes.get("root")).as("cached again").isNotNull();
    }

    @Test
    void aChangeOfTheWholeRealmDropsEverythingTheSchemaToo() {
        rows.scope("root", null);
        rows.grant("alice", "root", "owner");
        readAll(rows.newSession());

        TreeCache.drop(realm, TreeChange.ofRealm());

        TreeCache.Entries entries = entries();
        assertThat(entries.scopes.size() + entries.userMemberships.size() + entries.holders.size()
                + entries.memberCounts.size()).isZero();
        assertThat(entries.schema.get()).isNull();
    }

    @Test
    void aLoadThatAChangeOvertookIsNotKept() {
        rows.scope("root", null);
        rows.grant("alice", "root", "member");
        CachingTreeSlice reader = rows.newSession();
        // the database answered with alice a member; then the take-back commits and its drop runs, before the
        // reader keeps what it loaded: the drop found nothing to drop
        rows.whileReading(() -> TreeCache.drop(realm,
                new TreeChange().membership("alice", "root").holder("root", "member")));

        assertThat(reader.membershipsOf("alice")).as("what the reader loaded").hasSize(1);
        rows.removeMembership("alice", "root"); // what the take-back committed, which that read did not see

        assertThat(entries().userMemberships.get("alice")).as("the stale list is not kept").isNull();
        assertThat(rows.newSession().membershipsOf("alice")).as("the next session reads the database").isEmpty();
    }

    @Test
    void aSessionThatBeganBeforeAChangeKeepsNothingItLoadsAfterIt() {
        rows.scope("root", null);
        rows.grant("alice", "root", "member");
        CachingTreeSlice reader = rows.newSession(); // Hibernate's session may hold rows from before the change
        TreeCache.drop(realm, new TreeChange().holder("root", "owner"));

        reader.membershipsOf("alice");
        reader.scope("root");

        assertThat(entries().userMemberships.get("alice")).isNull();
        assertThat(entries().scopes.get("root")).isNull();
        CachingTreeSlice next = rows.newSession();
        next.membershipsOf("alice");
        assertThat(entries().userMemberships.get("alice")).as("a session after the change fills it").isNotNull();
    }

    @Test
    void aSchemaLoadThatAChangeOvertookIsNotKept() {
        CachingTreeSlice reader = rows.newSession();
        TreeCache.drop(realm, TreeChange.ofRealm());

        assertThat(reader.activeSchema(Optional::empty)).isEmpty();

        assertThat(entries().schema.get()).isNull();
        rows.newSession().activeSchema(Optional::empty);
        assertThat(entries().schema.get()).isNotNull();
    }

    @Test
    void aSessionThatBeganBeforeTheRealmWasDroppedDoesNotFillTheRealmsNewEntries() {
        rows.scope("root", null);
        CachingTreeSlice reader = rows.newSession();
        TreeCache.drop(realm, TreeChange.ofRealm());

        reader.scope("root");

        assertThat(entries().scopes.get("root")).isNull();
        assertThat(rows.newSession().scope("root")).isPresent();
        assertThat(entries().scopes.get("root")).isNotNull();
    }

    @Test
    void anAnswerIsKeptUntilAnyChangeOfTheRealmEvenOneThatNamesNothingOfIt() {
        rows.scope("root", null);
        rows.scope("ws1", "root");
        AtomicInteger decided = new AtomicInteger();
        Supplier<Optional<String>> decide = () -> {
            decided.incrementAndGet();
            return Optional.of("allowed");
        };

        assertThat(rows.newSession().answer("may-act-in", "alice", "ws1", decide)).contains("allowed");
        assertThat(rows.newSession().answer("may-act-in", "alice", "ws1", decide)).contains("allowed");
        assertThat(decided).as("the second session took it from the cache").hasValue(1);

        // an answer rests on entries of every kind: another user's grant elsewhere may seal the scope off
        TreeCache.drop(realm, new TreeChange().membership("bob", "root").holder("root", "owner"));

        assertThat(entries().answers.size()).isZero();
        assertThat(rows.newSession().answer("may-act-in", "alice", "ws1", decide)).contains("allowed");
        assertThat(decided).as("decided again after the change").hasValue(2);
    }

    @Test
    void anEmptyAnswerIsDecidedAgainEveryTime() {
        AtomicInteger decided = new AtomicInteger();
        Supplier<Optional<String>> refuse = () -> {
            decided.incrementAndGet();
            return Optional.empty();
        };

        for (int i = 0; i < 1000; i++) {
            assertThat(rows.newSession().answer("may-act-in", "made-up-" + i, "ws1", refuse)).isEmpty();
        }

        assertThat(decided).hasValue(1000);
        assertThat(entries().answers.size()).as("made-up users leave nothing").isZero();
    }

    @Test
    void anAnswerDecidedAfterAChangeTheSessionDidNotSeeIsNotKept() {
        CachingTreeSlice reader = rows.newSession(); // decides on what it read before the change
        TreeCache.drop(realm, new TreeChange().membership("alice", "ws1"));

        assertThat(reader.answer("access", "alice", "ws1", () -> Optional.of("stale"))).contains("stale");

        assertThat(entries().answers.size()).isZero();
        assertThat(rows.newSession().answer("access", "alice", "ws1", () -> Optional.of("fresh"))).contains("fresh");
        assertThat(entries().answers.get(TreeCache.answerKey("access", "alice", "ws1")))
                .isEqualTo(Optional.of("fresh"));
    }

    private static void readAll(CachingTreeSlice slice) {
        slice.activeSchema(Optional::empty);
        slice.scope("ws1");
        slice.scope("root");
        for (String user : List.of("alice", "bob", "carol")) {
            slice.membershipsOf(user);
        }
        slice.holders("ws1", "owner");
        slice.holders("ws1", "member");
        slice.memberCountRead("ws1", 2);
    }
}
