package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.core.Decision.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Seed 000, SkyPort: every rule and note of the support article, one row each, against
 * {@code realm-export/schemas/skyport.yaml}.
 *
 * <p>The tree: account {@code acme} (owner alice, admins bob and amy, no purchase yet) with workspace {@code ws1}
 * (owner carol, admin dave, Gen-IC admin erin, virtual-client user frank) and workspace {@code ws2} (no owner;
 * virtual-client user gina); account {@code globex} (owner ann, admin arthur, first purchase done).
 */
class SkyportSchemaTest {

    private static final Policy POLICY = SeedSchemas.policy("skyport");

    private static final TreeSlice TREE = InMemoryTree.builder()
            .scope("acme", "account", "Acme", null, Map.of("firstPurchaseDone", false))
            .scope("ws1", "workspace", "Studio A", "acme")
            .scope("ws2", "workspace", "Studio B", "acme")
            .scope("globex", "account", "Globex", null, Map.of("firstPurchaseDone", true))
            .member("alice", "acme", "owner")
            .member("bob", "acme", "admin")
            .member("amy", "acme", "admin")
            .member("carol", "ws1", "owner")
            .member("dave", "ws1", "admin")
            .member("erin", "ws1", "genic-admin")
            .member("frank", "ws1", "virtual-client-user")
            .member("gina", "ws2", "virtual-client-user")
            .member("ann", "globex", "owner")
            .member("arthur", "globex", "admin")
            .build();

    @ParameterizedTest(name = "{0}: {1} {4} {3} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
        Account Owner: responsible for most things, has all permissions                 | alice  | acme   | account:settings:edit                  | true
        Account Owner: changes ownership of the account                                  | alice  | acme   | account:ownership:transfer             | true
        Account Owner: removes other admins                                              | alice  | acme   | account:admins:remove                  | true
        Account Owner: makes the first purchase                                          | alice  | acme   | billing:purchases:create               | true
        Account Admin: same permissions as the owner                                     | bob    | acme   | account:settings:edit                  | true
        Account Admin: invites admins                                                    | bob    | acme   | account:admins:invite                  | true
        Account Admin: except removing other admins                                      | bob    | acme   | account:admins:remove                  | false
        Account Admin: except changing ownership of the account                          | bob    | acme   | account:ownership:transfer             | false
        Account Admin note 2: can't make the first purchase                              | bob    | acme   | billing:purchases:create               | false
        Account Admin note 2: purchases once the owner made the first purchase           | arthur | globex | billing:purchases:create               | true
        Account Admin: sees purchases all the same                                       | bob    | acme   | billing:purchases:view                 | true
        Workspace Owner: Account Owner loses start in an owned workspace                 | alice  | ws1    | subscriptions:subscriptions:start      | false
        Workspace Owner: Account Owner loses stop in an owned workspace                  | alice  | ws1    | subscriptions:subscriptions:stop       | false
        Workspace Owner: Account Owner loses changing subscription names                 | alice  | ws1    | subscriptions:subscriptions:rename     | false
        Workspace Owner: Account Owner loses changing deployment targets                 | alice  | ws1    | subscriptions:subscriptions:retarget   | false
        Workspace Owner: Account Owner no longer sees the configured users               | alice  | ws1    | users:members:view                     | false
        Workspace Owner: Account Admin loses start in an owned workspace                 | bob    | ws1    | subscriptions:subscriptions:start      | false
        Workspace Owner: Account Admin no longer sees the configured users               | bob    | ws1    | users:members:view                     | false
        Workspace Owner: only the listed rights are lost; the owner still sees them      | alice  | ws1    | subscriptions:subscriptions:view       | true
        Workspace Owner note 1: with no workspace owner the account owner is owner       | alice  | ws2    | subscriptions:subscriptions:start      | true
        Workspace Owner note 1: ... and sees the configured users                        | alice  | ws2    | users:members:view                     | true
        Workspace Owner note 1: the account admin keeps its rights in a vacant workspace | bob    | ws2    | subscriptions:subscriptions:stop       | true
        Workspace Owner: has all of these rights instead                                 | carol  | ws1    | subscriptions:subscriptions:start      | true
        Workspace Owner: sees the configured users                                       | carol  | ws1    | users:members:view                     | true
        Workspace Owner: invites users                                                   | carol  | ws1    | users:members:invite                   | true
        Workspace Owner note 3: makes no purchases in the workspace                      | carol  | ws1    | billing:purchases:create               | false
        Workspace Owner note 3: makes no purchases on the account                        | carol  | acme   | billing:purchases:create               | false
        Workspace Owner note 3: moving subscriptions in is the account's job             | carol  | acme   | workspaces:assignments:move            | false
        Workspace Owner note 3: the account owner moves subscriptions in                 | alice  | acme   | workspaces:assignments:move            | true
        Workspace Owner: has no say over another workspace                               | carol  | ws2    | subscriptions:subscriptions:view       | false
        Workspace Admin: same permissions as the owner                                   | dave   | ws1    | subscriptions:subscriptions:retarget   | true
        Workspace Admin: sees the configured users                                       | dave   | ws1    | users:members:view                     | true
        Gen-IC Admin: connects to a Gen-IC through SkyPort                               | erin   | ws1    | genic:instances:connect                | true
        Gen-IC Admin: nothing more                                                       | erin   | ws1    | subscriptions:subscriptions:start      | false
        Virtual Client Users: no access to SkyPort                                       | frank  | ws1    | workspaces:workspaces:view             | false
        Virtual Client Users: nothing on the account                                     | frank  | acme   | account:settings:view                  | false
        """)
    void permissions(String rule, String user, String scope, String permission, boolean allowed) {
        Decision decision = POLICY.check(Principal.user(user), scope, permission, TREE);

        assertThat(decision.allowed()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}: {1} grants {4} at {3} to {2}")
    @CsvSource(delimiter = '|', textBlock = """
        Aug 7 2024: only a Workspace owner can invite a Workspace admin            | carol | zed   | ws1    | admin               | ALLOWED
        Aug 7 2024: a Workspace admin cannot invite another workspace admin         | dave  | zed   | ws1    | admin               | NOT_DELEGATED
        Aug 7 2024: an Account admin cannot invite a workspace admin                | bob   | zed   | ws2    | admin               | NOT_DELEGATED
        Aug 7 2024: an Account admin cannot invite a workspace admin, owned or not  | bob   | zed   | ws1    | admin               | NOT_DELEGATED
        Aug 7 2024: an Account Owner can invite a workspace admin if there is no WO | alice | zed   | ws2    | admin               | ALLOWED
        Aug 7 2024: ... but not once the workspace has an owner                     | alice | zed   | ws1    | admin               | NOT_DELEGATED
        Workspace Owner: the role is given by an Account Owner                      | alice | zed   | ws2    | owner               | ALLOWED
        Workspace Owner: ... or an Account Admin                                    | bob   | zed   | ws2    | owner               | ALLOWED
        Workspace Owner: there could only be one Workspace Owner per workspace      | carol | zed   | ws1    | owner               | NOT_DELEGATED
        Workspace Owner: nobody may make themselves workspace owner                 | bob   | bob   | ws2    | owner               | NOT_DELEGATED
        Workspace Admin: invites users of the workspace                             | dave  | zed   | ws1    | virtual-client-user | ALLOWED
        Workspace Owner: the account owner no longer manages the workspace's users  | alice | zed   | ws1    | virtual-client-user | NOT_DELEGATED
        Workspace Owner: nor does the account admin                                 | bob   | zed   | ws1    | genic-admin         | NOT_DELEGATED
        Workspace Owner note 1: the account admin manages users of a vacant one     | bob   | zed   | ws2    | genic-admin         | ALLOWED
        Account Admin: a way for the owner to delegate                              | alice | zed   | acme   | admin               | ALLOWED
        Account Admin: admins add admins                                            | bob   | zed   | acme   | admin               | ALLOWED
        Account Owner: there can only be one Account owner                          | alice | zed   | acme   | owner               | TOO_MANY_HOLDERS
        Account Owner: an admin cannot change ownership                             | bob   | bob   | acme   | owner               | NOT_DELEGATED
        Virtual Client Users: cannot invite anyone                                  | frank | zed   | ws1    | virtual-client-user | NOT_DELEGATED
        Unknown roles are refused                                                   | alice | zed   | acme   | superuser           | UNKNOWN
        """)
    void grants(String rule, String actor, String target, String scope, String role, Reason expected) {
        Decision decision = POLICY.mayGrant(Principal.user(actor), target, scope, role, false, TREE);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} revokes {4} at {3} from {2}")
    @CsvSource(delimiter = '|', textBlock = """
        Workspace Owner note 2: an account Owner can take back the workspace        | alice | carol | ws1  | owner | ALLOWED
        Workspace Owner note 2: ... and so can an account Admin                     | bob   | carol | ws1  | owner | ALLOWED
        Workspace Admin: cannot depose the owner                                    | dave  | carol | ws1  | owner | NOT_DELEGATED
        Account Admin: except removing other admins                                 | bob   | amy   | acme | admin | NOT_DELEGATED
        Account Owner: removes admins                                               | alice | amy   | acme | admin | ALLOWED
        Account Owner: there must be one; the owner cannot just leave               | alice | alice | acme | owner | TOO_FEW_HOLDERS
        Account Admin: may leave                                                    | bob   | bob   | acme | admin | ALLOWED
        Workspace Owner: the workspace owner may hand the workspace back            | carol | carol | ws1  | owner | ALLOWED
        """)
    void revocations(String rule, String actor, String target, String scope, String role, Reason expected) {
        Revocation revocation = POLICY.mayRevoke(Principal.user(actor), target, scope, role, false, TREE);

        assertThat(revocation.decision().reason())
                .as(rule + "\n" + String.join("\n", revocation.decision().explanation()))
                .isEqualTo(expected);
    }

    /** Note 2 ties the removal to the account side taking the workspace back; an owner who resigns wipes nobody. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Workspace Owner note 2: the account Owner takes the workspace back, its users go | alice | false | dave erin frank
        Workspace Owner note 2: ... so does an account Admin                             | bob   | false | dave erin frank
        A realm administrator taking it back is a take-back too                          | root  | true  | dave erin frank
        The workspace owner giving up the role is no take-back: the users stay          | carol | false | ''
        """)
    void onlyATakeBackRemovesTheWorkspacesUsers(String rule, String actor, boolean realmAdmin, String removed) {
        Revocation revocation = POLICY.mayRevoke(new Principal(actor, realmAdmin), "carol", "ws1", "owner", false,
                TREE);

        assertThat(revocation.allowed()).as(rule).isTrue();
        assertThat(revocation.cascade()).extracting(Membership::userId).as(rule + "\n"
                + String.join("\n", revocation.decision().explanation()))
                .containsExactly(removed.isBlank() ? new String[0] : removed.split(" "));
    }

    @Test
    void theOwnerGivingUpTheWorkspaceIsToldTheOthersStay() {
        Revocation resign = POLICY.mayRevoke(Principal.user("carol"), "carol", "ws1", "owner", false, TREE);

        assertThat(resign.decision().explanation()).contains("user carol gives up workspace.owner themselves: the"
                + " schema's cascade applies only when someone else takes the role back, so the other members at"
                + " workspace 'Studio A' (ws1) keep their roles");
    }

    @Test
    void theOwnersOwnRoleIsOfferedWithoutCascadeAndNotAsATakeBack() {
        Affordances carol = POLICY.affordances(Principal.user("carol"), "ws1", List.of("carol", "dave"), "new", TREE)
                .orElseThrow();
        Affordances alice = POLICY.affordances(Principal.user("alice"), "ws1", List.of("alice"), "new", TREE)
                .orElseThrow();

        assertThat(carol.members().get(0).revoke()).containsExactly(new Affordances.RevokeAffordance("owner",
                List.of()));
        assertThat(carol.takeBack()).as("giving up one's own role is no take-back").isEmpty();
        assertThat(alice.takeBack()).containsExactly(new Affordances.TakeBack("owner", "carol", 3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Account Owner: deletes a workspace, even one with its own owner (sealing spares it) | alice | ws1  | false | true
        Account Admin: deletes a workspace without owner                                   | bob   | ws2  | false | true
        Workspace Owner: a subset of subscriptions given, not the workspace itself         | carol | ws1  | false | false
        Accounts are the platform's, with everything in them                               | alice | acme | true  | false
        A realm administrator deletes an account with its workspaces                       | root  | acme | true  | true
        """)
    void deletion(String rule, String user, String scope, boolean cascade, boolean allowed) {
        Principal principal = user.equals("root") ? Principal.realmAdmin(user) : Principal.user(user);
        Decision decision = POLICY.mayDeleteScope(principal, scope, cascade, TREE);

        assertThat(decision.allowed()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(allowed);
    }

    @Test
    void takingBackTheWorkspaceDeletesAllOfItsConfiguredUsers() {
        Revocation takeBack = POLICY.mayRevoke(Principal.user("alice"), "carol", "ws1", "owner", false, TREE);

        assertThat(takeBack.cascade()).extracting(Membership::userId).containsExactly("dave", "erin", "frank");
        assertThat(takeBack.decision().explanation()).anyMatch(line -> line.contains("removes 3 membership(s)"));
    }

    @Test
    void theAccountOwnerTransfersOwnershipAndNothingCascades() {
        Decision transfer = POLICY.mayGrant(Principal.user("alice"), "bob", "acme", "owner", true, TREE);
        Revocation handOver = POLICY.mayRevoke(Principal.user("alice"), "alice", "acme", "owner", true, TREE);

        assertThat(transfer.allowed()).as(String.join("\n", transfer.explanation())).isTrue();
        assertThat(transfer.explanation()).anyMatch(line -> line.contains("moves from [alice] to user bob"));
        assertThat(handOver.allowed()).isTrue();
        assertThat(handOver.cascade()).isEmpty();
    }

    @Test
    void aSecondWorkspaceOwnerNeedsATransferEvenForARealmAdmin() {
        Principal admin = Principal.realmAdmin("root");

        assertThat(POLICY.mayGrant(admin, "zed", "ws1", "owner", false, TREE).reason())
                .isEqualTo(Reason.TOO_MANY_HOLDERS);
        assertThat(POLICY.mayGrant(admin, "zed", "ws1", "owner", true, TREE).allowed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Account Owner: creates workspaces                   | alice | acme | true
        Account Admin: creates workspaces                   | bob   | acme | true
        Workspace Owner: gets a subset, creates none        | carol | acme | false
        Accounts (one per ERP account) are the platform's   | alice |      | false
        """)
    void workspaceCreation(String rule, String user, String parent, boolean allowed) {
        String type = parent == null ? "account" : "workspace";
        Decision decision = POLICY.mayCreateScope(Principal.user(user), parent, type, TREE);

        assertThat(decision.allowed()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}: {1} lists members of {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
        Workspace Owner: the account owner won't see the configured users    | alice | ws1  | false
        Workspace Owner note 1: ... while the workspace has no owner it does | alice | ws2  | true
        Workspace Owner: the workspace owner sees them                       | carol | ws1  | true
        Account Owner: sees the account's admins                             | alice | acme | true
        Virtual Client Users: see nobody                                     | frank | ws1  | false
        """)
    void memberLists(String rule, String user, String scope, boolean allowed) {
        assertThat(POLICY.mayListMembers(Principal.user(user), scope, TREE).allowed()).as(rule).isEqualTo(allowed);
    }

    /** "These users do not give any access to SkyPort": the membership is on record, and opens nothing. */
    @Test
    void virtualClientUsersNeitherSeeNorActInSkyPort() {
        for (String scope : new String[] {"acme", "ws1"}) {
            assertThat(POLICY.maySee(Principal.user("frank"), scope, TREE).allowed()).as("sees " + scope).isFalse();
            assertThat(POLICY.mayActIn(Principal.user("frank"), scope, TREE).allowed()).as("acts in " + scope)
                    .isFalse();
        }
        assertThat(POLICY.actableScopes(Principal.user("frank"), TREE)).isEmpty();
        assertThat(POLICY.access(Principal.user("frank"), "ws1", TREE, false).orElseThrow().roles())
                .containsExactly("virtual-client-user");
        assertThat(POLICY.visibleMembers(Principal.user("carol"), "ws1", TREE)).extracting(Membership::userId)
                .contains("frank");
    }

    @Test
    void whoCannotListMembersSeesOnlyThemselves() {
        assertThat(POLICY.visibleMembers(Principal.user("frank"), "ws1", TREE))
                .extracting(Membership::userId).containsExactly("frank");
        assertThat(POLICY.visibleMembers(Principal.user("carol"), "ws1", TREE))
                .extracting(Membership::userId).containsExactly("carol", "dave", "erin", "frank");
    }

    @Test
    void explainsWhyTheAccountOwnerMayNotStartASubscriptionInAnOwnedWorkspace() {
        Decision decision = POLICY.check(Principal.user("alice"), "ws1", "subscriptions:subscriptions:start", TREE);

        assertThat(decision.explanation()).containsExactly(
                "user alice holds account.owner at account 'Acme' (acme); scopeTypes.account.roles.owner.grants[1]"
                        + " gives subscriptions:subscriptions:start",
                "workspace 'Studio A' (ws1) has an owner (workspace.owner), which seals off"
                        + " subscriptions:subscriptions:start from account.owner",
                "subscriptions:subscriptions:start is denied at workspace 'Studio A' (ws1)");
    }

    @Test
    void explainsTheVacancyThatMakesTheAccountOwnerTheWorkspaceOwner() {
        Access access = POLICY.access(Principal.user("alice"), "ws2", TREE, true).orElseThrow();

        assertThat(access.actingRoles()).containsExactly("owner");
        assertThat(access.explanation()).contains("user alice acts as workspace.owner at workspace 'Studio B' (ws2):"
                + " it has no owner and the user holds account.owner (vacancy)");
    }

    /**
     * One workspace owner, given by the account side (17b, 17i): replacing them is a transfer, which keeps the
     * workspace's users; only the take-back deletes them (19c).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        The account Owner hands the workspace to a new owner | alice | ALLOWED
        ... and so does an account Admin                     | bob   | ALLOWED
        A workspace admin does not depose the owner          | dave  | NOT_DELEGATED
        The Gen-IC admin does not either                     | erin  | NOT_DELEGATED
        """)
    void theAccountSideReplacesTheWorkspaceOwnerByATransfer(String rule, String actor, Reason expected) {
        Decision transfer = POLICY.mayGrant(Principal.user(actor), "zed", "ws1", "owner", true, TREE);

        assertThat(transfer.reason()).as(rule + "\n" + String.join("\n", transfer.explanation())).isEqualTo(expected);
        if (transfer.allowed()) {
            assertThat(transfer.explanation()).anyMatch(line -> line.contains("moves from [carol] to user zed"));
            Revocation handOver = POLICY.mayRevoke(Principal.user(actor), "carol", "ws1", "owner", true, TREE);
            assertThat(handOver.cascade()).as("a transfer deletes nobody").isEmpty();
        }
    }
}
