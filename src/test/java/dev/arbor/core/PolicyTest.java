package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbor.core.Decision.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The constructs the seed models do not exercise on their own: vacancy through two levels, subtree cascades,
 * self-granting rules, compound conditions, reach, realm administrators, visibility, and the evaluator's
 * contracts on unknown input.
 */
class PolicyTest {

    private static final Policy POLICY = new Policy(SchemaReader.read(SeedSchemas.yaml("""
            arbor: 1
            id: constructs
            version: 1
            permissions:
              modules:
                app:
                  docs: [view, edit]
                  members: [view, invite]
                  settings: [edit]
            scopeTypes:
              org:
                attributes: {tier: string, seats: number}
                owner: owner
                membersPermission: app:members:view
                roles:
                  owner:
                    cardinality: {max: 1}
                    grants: [{permissions: ["app:*:*"]}]
                  auditor:
                    grants:
                      - {permissions: [app:docs:view], at: descendants}
                  premium:
                    grants:
                      - permissions: [app:settings:edit]
                        at: self
                        when: {all: [{attribute: org.tier, equals: gold}, {not: {attribute: org.seats, equals: 0}}]}
              team:
                parents: [org]
                owner: lead
                vacancy: {actingOwner: [org.owner]}
                roles:
                  lead:
                    cardinality: {max: 1}
                    grants: [{permissions: ["app:*:*"]}]
                  volunteer:
                    grants: [{permissions: [app:docs:view]}]
              squad:
                parents: [team]
                owner: captain
                vacancy: {actingOwner: [team.lead]}
                roles:
                  captain:
                    cardinality: {max: 1}
                    grants: [{permissions: ["app:*:*"]}]
                  member:
                    grants: [{permissions: [app:docs:view]}]
            delegation:
              - grant: [team.lead]
                by: [org.owner]
              - grant: [squad.member]
                by: [squad.captain]
                when: {any: [{occupied: team.lead}, {attribute: org.tier, equals: gold}]}
              - grant: [team.volunteer]
                by: [team.volunteer]
                self: true
            cascades:
              - onRevoke: team.lead
                remove: subtree-members
            """)));

    private static final TreeSlice TREE = InMemoryTree.builder()
            .scope("o", "org", "Org", null, Map.of("tier", "gold", "seats", 5))
            .scope("t", "team", "Team", "o")
            .scope("s", "squad", "Squad", "t")
            .scope("o2", "org", "Org 2", null, Map.of("tier", "silver", "seats", 5))
            .scope("t2", "team", "Team 2", "o2")
            .scope("s2", "squad", "Squad 2", "t2")
            .member("olga", "o", "owner", "premium")
            .member("aud", "o", "auditor")
            .member("vera", "t", "volunteer")
            .member("mia", "s", "member")
            .member("oscar", "o2", "owner", "premium")
            .member("lee", "t2", "lead")
            .member("sam", "s2", "member")
            .build();

    @Test
    void vacancyCarriesOwnershipDownThroughVacantLevels() {
        Access access = POLICY.access(Principal.user("olga"), "s", TREE, true).orElseThrow();

        assertThat(access.actingRoles()).containsExactly("captain");
        assertThat(access.explanation()).contains(
                "user olga acts as team.lead at team 'Team' (t): it has no owner and the user holds org.owner (vacancy)",
                "user olga acts as squad.captain at squad 'Squad' (s): it has no owner and the user holds team.lead"
                        + " (vacancy)");
        assertThat(POLICY.mayGrant(Principal.user("olga"), "zed", "s", "member", false, TREE).allowed()).isTrue();
    }

    @Test
    void anOccupiedLevelStopsTheVacancyChain() {
        Access owner = POLICY.access(Principal.user("oscar"), "s2", TREE, false).orElseThrow();
        Access lead = POLICY.access(Principal.user("lee"), "s2", TREE, false).orElseThrow();

        assertThat(owner.actingRoles()).isEmpty();
        assertThat(lead.actingRoles()).containsExactly("captain");
    }

    @Test
    void descendantsOnlyGrantsSkipTheScopeItself() {
        assertThat(POLICY.check(Principal.user("aud"), "o", "app:docs:view", TREE).allowed()).isFalse();
        assertThat(POLICY.check(Principal.user("aud"), "t", "app:docs:view", TREE).allowed()).isTrue();
        assertThat(POLICY.check(Principal.user("aud"), "s", "app:docs:view", TREE).allowed()).isTrue();
    }

    @Test
    void compoundConditionsOnAttributes() {
        Decision gold = POLICY.check(Principal.user("olga"), "o", "app:settings:edit", TREE);
        TreeSlice noSeats = InMemoryTree.builder()
                .scope("o", "org", "Org", null, Map.of("tier", "gold", "seats", 0))
                .member("pat", "o", "premium")
                .build();
        Decision zeroSeats = POLICY.check(Principal.user("pat"), "o", "app:settings:edit", noSeats);

        assertThat(gold.allowed()).isTrue();
        assertThat(zeroSeats.allowed()).isFalse();
        assertThat(zeroSeats.explanation()).first().asString().endsWith(
                "applies only when (org.tier = gold and not org.seats = 0), which is not the case");
    }

    @Test
    void delegationConditionsSeeTheTargetsPath() {
        // squad.member by squad.captain when team.lead is held or the org is gold: olga acts as captain of s
        // (gold org), lee is captain of s2 by vacancy and team.lead there is held
        assertThat(POLICY.mayGrant(Principal.user("olga"), "zed", "s", "member", false, TREE).allowed()).isTrue();
        assertThat(POLICY.mayGrant(Principal.user("lee"), "zed", "s2", "member", false, TREE).allowed()).isTrue();
    }

    @Test
    void selfGrantsOnlyWhereARuleSaysSo() {
        assertThat(POLICY.mayGrant(Principal.user("vera"), "vera", "t", "volunteer", false, TREE).reason())
                .isEqualTo(Reason.ALLOWED);
        assertThat(POLICY.mayGrant(Principal.user("olga"), "olga", "t", "lead", false, TREE).explanation())
                .contains("delegation rule 1 does not let users grant team.lead to themselves");
        assertThat(POLICY.mayGrant(Principal.user("olga"), "olga", "t", "lead", false, TREE).reason())
                .isEqualTo(Reason.NOT_DELEGATED);
    }

    @Test
    void subtreeCascadesRemoveEveryoneBelow() {
        Revocation revocation = POLICY.mayRevoke(Principal.user("oscar"), "lee", "t2", "lead", false, TREE);

        assertThat(revocation.allowed()).isTrue();
        assertThat(revocation.cascade()).extracting(Membership::userId).containsExactly("sam");
        assertThat(POLICY.mayRevoke(Principal.user("oscar"), "lee", "t2", "lead", true, TREE).cascade()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        the org owner takes the team back: everyone below goes | oscar | false | sam
        a realm administrator taking it back, the same         | root  | true  | sam
        the lead gives the team up: nobody else goes           | lee   | false | ''
        """)
    void subtreeCascadesApplyToTakeBacksOnly(String rule, String actor, boolean realmAdmin, String removed) {
        Revocation revocation = POLICY.mayRevoke(new Principal(actor, realmAdmin), "lee", "t2", "lead", false, TREE);

        assertThat(revocation.allowed()).as(rule).isTrue();
        assertThat(revocation.cascade()).extracting(Membership::userId).as(rule)
                .containsExactly(removed.isBlank() ? new String[0] : new String[] {removed});
    }

    /**
     * An option is set under the rule of a role that carries it: the clerk manager may grant clerks beyond its own
     * permissions, which gives no say over the options of the editor role the same member holds.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a clerk's option, under the clerk rule (beyond one's own)    | carl | app:members:invite | ALLOWED
        an editor's option is not the clerk manager's to give       | carl | app:settings:edit  | NOT_DELEGATED
        the editor manager gives it, holding it                     | emma | app:settings:edit  | ALLOWED
        the editor manager gives no clerk option it lacks           | emma | app:members:invite | NOT_DELEGATED
        """)
    void optionsFollowTheRuleOfTheRoleThatCarriesThem(String rule, String actor, String option, Reason expected) {
        Policy policy = new Policy(SchemaReader.read(SeedSchemas.yaml(SeedSchemas.resource("options-schema.yaml"))));
        TreeSlice tree = InMemoryTree.builder()
                .scope("o", "org", "Org", null)
                .member("carl", "o", "clerk-manager")
                .member("emma", "o", "editor-manager")
                .member("pia", "o", "clerk", "editor")
                .build();

        Decision decision = policy.maySetOptions(Principal.user(actor), "pia", "o", Set.of(option), tree);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    /** A cascading delete removes every scope below, so it needs the delete permission at each, sealing included. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        the top alone                                               | olga | t  | false | ALLOWED
        with a descendant sealed off by its own owner               | olga | t  | true  | NOT_PERMITTED
        the sealed scope itself                                     | olga | s1 | false | NOT_PERMITTED
        with descendants that are not sealed                        | olga | t2 | true  | ALLOWED
        with a descendant of a type naming no deletePermission      | olga | t3 | true  | NOT_PERMITTED
        the owner of the sealed scope deletes it                    | cleo | s1 | true  | ALLOWED
        but not the team above it                                   | cleo | t  | true  | NOT_PERMITTED
        a realm administrator deletes everything                    | root | t  | true  | ALLOWED
        an unknown scope                                            | olga | xx | true  | UNKNOWN
        """)
    void aCascadingDeleteNeedsTheRightToDeleteEveryScopeBelow(String rule, String user, String scope,
            boolean cascade, Reason expected) {
        Policy policy = new Policy(SchemaReader.read(SeedSchemas.yaml(SeedSchemas.resource("deletion-schema.yaml"))));
        TreeSlice tree = InMemoryTree.builder()
                .scope("o", "org", "Org", null)
                .scope("t", "team", "Team", "o")
                .scope("s1", "squad", "Sealed", "t")
                .scope("s2", "squad", "Open", "t")
                .scope("t2", "team", "Team 2", "o")
                .scope("s3", "squad", "Open too", "t2")
                .scope("t3", "team", "Team 3", "o")
                .scope("a", "archive", "Archive", "t3")
                .member("olga", "o", "owner")
                .member("cleo", "s1", "captain")
                .build();
        Principal principal = user.equals("root") ? Principal.realmAdmin(user) : Principal.user(user);

        Decision decision = policy.mayDeleteScope(principal, scope, cascade, tree);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    @Test
    void theScopesBelowComeParentsFirst() {
        assertThat(TREE.scopesBelow("o")).extracting(Scope::id).containsExactly("t", "s");
        assertThat(TREE.scopesBelow("s")).isEmpty();
        assertThat(TREE.scopesBelow("nowhere")).isEmpty();
    }

    @Test
    void realmAdministratorsAdministerButHoldNothing() {
        Principal admin = Principal.realmAdmin("root");

        assertThat(POLICY.mayGrant(admin, "zed", "o", "auditor", false, TREE).allowed()).isTrue();
        assertThat(POLICY.mayRevoke(admin, "mia", "s", "member", false, TREE).allowed()).isTrue();
        assertThat(POLICY.mayListMembers(admin, "s", TREE).allowed()).isTrue();
        assertThat(POLICY.maySee(admin, "s2", TREE).allowed()).isTrue();
        assertThat(POLICY.access(admin, "o", TREE, false).orElseThrow().permissions()).isEmpty();
    }

    @Test
    void visibilityReachesDownToMembershipsAndUpAsPath() {
        assertThat(POLICY.maySee(Principal.user("mia"), "o", TREE).explanation())
                .containsExactly("user mia is a member of squad 'Squad' (s), below it");
        assertThat(POLICY.maySee(Principal.user("mia"), "s", TREE).allowed()).isTrue();
        assertThat(POLICY.maySee(Principal.user("mia"), "o2", TREE).reason()).isEqualTo(Reason.NOT_PERMITTED);
        assertThat(POLICY.maySee(Principal.user("olga"), "s", TREE).allowed()).isTrue();
        assertThat(POLICY.maySee(Principal.user("olga"), "t2", TREE).allowed()).isFalse();
    }

    @Test
    void aUserActsWhereTheyHoldARoleOrInheritPermissions() {
        assertThat(POLICY.mayActIn(Principal.user("mia"), "s", TREE).allowed()).isTrue();
        assertThat(POLICY.mayActIn(Principal.user("olga"), "s", TREE).explanation())
                .containsExactly("user olga has permissions at squad 'Squad' (s) from roles above it");
        assertThat(POLICY.mayActIn(Principal.user("mia"), "o", TREE).reason()).isEqualTo(Reason.NOT_PERMITTED);
        assertThat(POLICY.mayActIn(Principal.user("mia"), "o2", TREE).allowed()).isFalse();
    }

    @Test
    void aUserMayMakeActiveTheScopesWhereTheyHoldARoleInPathOrder() {
        TreeSlice tree = InMemoryTree.builder()
                .scope("o", "org", "Org", null, Map.of())
                .scope("tb", "team", "Beta", "o")
                .scope("ta", "team", "Alpha", "o")
                .scope("sa", "squad", "Alpha", "ta")
                .scope("o2", "org", "Another org", null, Map.of())
                .member("kim", "sa", "member")
                .member("kim", "tb", "volunteer")
                .member("kim", "ta", "volunteer")
                .member("kim", "o2", "auditor")
                .member("olga", "o", "owner")
                .build();

        assertThat(POLICY.actableScopes(Principal.user("kim"), tree)).extracting(Scope::id)
                .containsExactly("o2", "ta", "sa", "tb");
        assertThat(POLICY.actableScopes(Principal.user("olga"), tree)).extracting(Scope::id)
                .as("inherited reach is not listed").containsExactly("o");
        assertThat(POLICY.actableScopes(Principal.user("nobody"), tree)).isEmpty();
    }

    @Test
    void aUsersOnlyScopeIsTheOneTheyAloneMayMakeActive() {
        TreeSlice tree = InMemoryTree.builder()
                .scope("o", "org", "Org", null, Map.of())
                .scope("ta", "team", "Alpha", "o")
                .scope("tb", "team", "Beta", "o")
                .scope("sa", "squad", "Alpha", "ta")
                .member("kim", "sa", "member")
                .member("kim", "tb", "volunteer")
                .member("olga", "o", "owner")
                .member("ned", "ta", Set.of(), Set.of())
                .member("ned", "tb", "volunteer")
                .member("zoe", "ta", Set.of(), Set.of())
                .build();

        assertThat(POLICY.onlyActableScope(Principal.user("olga"), tree)).map(Scope::id)
                .as("reach below by inheritance does not count").contains("o");
        assertThat(POLICY.onlyActableScope(Principal.user("ned"), tree)).map(Scope::id)
                .as("a membership without a role does not count").contains("tb");
        assertThat(POLICY.onlyActableScope(Principal.user("kim"), tree)).isEmpty();
        assertThat(POLICY.onlyActableScope(Principal.user("zoe"), tree)).isEmpty();
        assertThat(POLICY.onlyActableScope(Principal.user("nobody"), tree)).isEmpty();
        for (String user : List.of("kim", "olga", "ned", "zoe", "nobody")) {
            List<Scope> all = POLICY.actableScopes(Principal.user(user), tree);
            assertThat(POLICY.onlyActableScope(Principal.user(user), tree)).as(user)
                    .isEqualTo(all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty());
        }
    }

    @Test
    void theFirstActableScopesAreTheHeadOfTheWholeList() {
        TreeSlice tree = InMemoryTree.builder()
                .scope("o", "org", "Org", null, Map.of())
                .scope("ta", "team", "Alpha", "o")
                .scope("tb", "team", "Beta", "o")
                .scope("tc", "team", "Alpha", "o")
                .scope("sa", "squad", "Alpha", "ta")
                .member("kim", "tb", "volunteer")
                .member("kim", "o", Set.of(), Set.of())
                .member("kim", "tc", "volunteer")
                .member("kim", "ta", "volunteer")
                .member("kim", "sa", "member")
                .member("olga", "o", "owner")
                .build();

        assertThat(POLICY.actableScopes(Principal.user("kim"), tree)).extracting(Scope::id)
                .as("by the names on the path, a parent before its children, equal names by id; no role-less one")
                .containsExactly("ta", "tc", "sa", "tb");
        for (String user : List.of("kim", "olga", "nobody")) {
            List<Scope> all = POLICY.actableScopes(Principal.user(user), tree);
            for (int atMost = 0; atMost <= all.size() + 1; atMost++) {
                assertThat(POLICY.actableScopes(Principal.user(user), tree, atMost)).as(user + ", " + atMost)
                        .isEqualTo(all.subList(0, Math.min(atMost, all.size())));
            }
        }
    }

    @Test
    void affordancesAreTheAnswersOfTheDecisionsTheApiMakes() {
        Principal oscar = Principal.user("oscar");

        Affordances atTeam = POLICY.affordances(oscar, "t2", List.of("lee", "zed"), "newcomer", TREE).orElseThrow();

        assertThat(atTeam.members()).extracting(Affordances.MemberAffordances::userId).containsExactly("lee", "zed");
        assertThat(atTeam.members().get(0).revoke()).containsExactly(
                new Affordances.RevokeAffordance("lead", List.of("sam")));
        assertThat(atTeam.members().get(1).grant()).doesNotContain("lead");
        assertThat(atTeam.members().get(1).transfer()).containsExactly("lead");
        assertThat(atTeam.createChildren()).as("squad names no createPermission").isEmpty();
        assertThat(POLICY.affordances(Principal.realmAdmin("root"), "t2", List.of(), "newcomer", TREE).orElseThrow()
                .createChildren()).containsExactly("squad");
        assertThat(atTeam.takeBack()).containsExactly(new Affordances.TakeBack("lead", "lee", 1));
        assertThat(POLICY.affordances(Principal.user("sam"), "t2", List.of(), "newcomer", TREE).orElseThrow()
                .takeBack()).as("a squad member may not take the team back").isEmpty();
        for (String userId : List.of("olga", "aud", "vera", "mia", "oscar", "lee", "sam")) {
            for (String scopeId : List.of("o", "t", "s", "o2", "t2", "s2")) {
                Principal caller = Principal.user(userId);
                List<String> members = TREE.members(scopeId).stream().map(Membership::userId).toList();
                Affordances affordances = POLICY.affordances(caller, scopeId, members, "newcomer", TREE)
                        .orElseThrow();
                assertThat(affordances.update()).isEqualTo(POLICY.mayUpdateScope(caller, scopeId, TREE).allowed());
                assertThat(affordances.listMembers())
                        .isEqualTo(POLICY.mayListMembers(caller, scopeId, TREE).allowed());
                for (Affordances.MemberAffordances member : affordances.members()) {
                    for (String role : POLICY.schema().roles(TREE.scope(scopeId).orElseThrow().type())) {
                        boolean held = TREE.membership(member.userId(), scopeId).orElseThrow().roles().contains(role);
                        assertThat(member.grant().contains(role)).as("%s grants %s to %s at %s", userId, role,
                                member.userId(), scopeId).isEqualTo(!held && POLICY.mayGrant(caller,
                                        member.userId(), scopeId, role, false, TREE).allowed());
                        assertThat(member.revoke().stream().anyMatch(r -> r.role().equals(role)))
                                .isEqualTo(held && POLICY.mayRevoke(caller, member.userId(), scopeId, role, false,
                                        TREE).allowed());
                    }
                }
            }
        }
        assertThat(POLICY.affordances(oscar, "nowhere", List.of(), "newcomer", TREE)).isEmpty();
    }

    @Test
    void aRolesPermissionsAtAScopeAreWhatAHolderWouldGetThere() {
        assertThat(POLICY.permissionsOfRole("s", "member", TREE)).contains(List.of("app:docs:view"));
        assertThat(POLICY.permissionsOfRole("t", "lead", TREE).orElseThrow())
                .containsExactlyInAnyOrderElementsOf(POLICY.schema().permissions());
        assertThat(POLICY.permissionsOfRole("o", "premium", TREE)).as("gold tier, seats left: the condition holds")
                .contains(List.of("app:settings:edit"));
        assertThat(POLICY.permissionsOfRole("o2", "premium", TREE)).as("silver tier").contains(List.of());
        assertThat(POLICY.permissionsOfRole("s", "emperor", TREE)).isEmpty();
        assertThat(TREE.members("s")).extracting(Membership::userId).as("nothing stored").containsExactly("mia");
    }

    @Test
    void invitationsAreWithdrawnByTheirSenderOrWhoeverAdministersTheMembers() {
        assertThat(POLICY.mayWithdrawInvitation(Principal.user("vera"), "s", "vera", TREE).allowed()).isTrue();
        assertThat(POLICY.mayWithdrawInvitation(Principal.user("mia"), "s", "vera", TREE).allowed()).isFalse();
        assertThat(POLICY.mayWithdrawInvitation(Principal.realmAdmin("root"), "s", "vera", TREE).allowed()).isTrue();
    }

    @Test
    void unknownInputIsADenialNotAnError() {
        Principal olga = Principal.user("olga");

        assertThat(POLICY.check(olga, "o", "app:docs:print", TREE).reason()).isEqualTo(Reason.UNKNOWN);
        assertThat(POLICY.check(olga, "nowhere", "app:docs:view", TREE).reason()).isEqualTo(Reason.UNKNOWN);
        assertThat(POLICY.mayGrant(olga, "zed", "o", "emperor", false, TREE).explanation())
                .containsExactly("scope type org has no role emperor; its roles are [owner, auditor, premium]");
        assertThat(POLICY.mayRevoke(olga, "zed", "o", "auditor", false, TREE).decision().reason())
                .isEqualTo(Reason.UNKNOWN);
        assertThat(POLICY.access(olga, "nowhere", TREE, false)).isEmpty();
        assertThat(POLICY.checkAcross(olga, List.of("s", "s2"), "app:docs:view", false, TREE).reason())
                .isEqualTo(Reason.NO_COMMON_ANCESTOR);
    }

    @Test
    void aSliceWithoutTheAncestorsIsRefused() {
        TreeSlice broken = new OneScopeSlice(new Scope("s", "squad", "Squad", List.of("o", "t"), Map.of()));

        assertThatThrownBy(() -> POLICY.check(Principal.user("mia"), "s", "app:docs:view", broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the tree slice lacks scope o, an ancestor of s");
    }

    @Test
    void optionsInEffectAreReportedWithTheAccess() {
        Policy skytap = SeedSchemas.policy("skytap");
        TreeSlice tree = InMemoryTree.builder()
                .scope("a", "account", "A", null)
                .member("stan", "a", Set.of("standard"), Set.of("vms:vms:import", "settings:account:edit"))
                .build();

        Access access = skytap.access(Principal.user("stan"), "a", tree, false).orElseThrow();

        assertThat(access.options()).containsExactly("vms:vms:import");
        assertThat(access.allows("settings:account:edit")).isFalse();
    }

    @Test
    void evaluationIsDeterministic() {
        Access first = POLICY.access(Principal.user("olga"), "s", TREE, true).orElseThrow();
        Access second = POLICY.access(Principal.user("olga"), "s", TREE, true).orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(first.permissions()).isSorted();
    }
}
