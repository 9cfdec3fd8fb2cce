package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.core.Decision.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The language constructs the seed platforms needed (issue 14), one table each, over {@code constructs-schema.yaml}:
 * exclusive role groups, roles without access, scopes per user, the creator's role, optional permissions on by
 * default, options bounded by constraints, and conditions on the recipient of a grant. Denials are asserted with
 * their reason, and where the reason alone would not tell, with the line that names what decided.
 *
 * <p>The tree: organization {@code o1} with teams {@code t1} (lead lee; members mo, kim, eli, bea) and {@code t2};
 * organization {@code o2} (administrator ola, viewer val) with team {@code t3}. At {@code o1}: administrator ada,
 * editors eve and eli, viewers vic and kim, billing contacts bill and bea (a role without access).
 */
class SeedConstructsTest {

    private static final Policy POLICY = new Policy(SchemaReader.read(SeedSchemas.yaml(
            SeedSchemas.resource("constructs-schema.yaml"))));

    private static final TreeSlice TREE = InMemoryTree.builder()
            .scope("o1", "org", "One", null)
            .scope("t1", "team", "Red", "o1")
            .scope("t2", "team", "Blue", "o1")
            .scope("o2", "org", "Two", null)
            .scope("t3", "team", "Green", "o2")
            .member("ada", "o1", "admin")
            .member("eve", "o1", "editor")
            .member("eli", "o1", "editor")
            .member("vic", "o1", "viewer")
            .member("kim", "o1", "viewer")
            .member("bill", "o1", "billing-contact")
            .member("bea", "o1", "billing-contact")
            .member("lee", "t1", "lead")
            .member("mo", "t1", "member")
            .member("kim", "t1", "member")
            .member("eli", "t1", "member")
            .member("bea", "t1", "member")
            .member("ola", "o2", "admin")
            .member("val", "o2", "viewer")
            .build();

    private static Principal principal(String user) {
        return user.equals("root") ? Principal.realmAdmin(user) : Principal.user(user);
    }

    private static String why(Decision decision) {
        return "\n" + String.join("\n", decision.explanation());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        exclusive: an editor is not made a viewer beside                 | ada  | eve  | o1 | viewer          | EXCLUSIVE_ROLE_HELD | user eve holds org.editor at org 'One' (o1); revoke it first
        exclusive: realm administrators are bound by it too              | root | eve  | o1 | viewer          | EXCLUSIVE_ROLE_HELD | user eve holds org.editor
        exclusive: a role outside the group goes beside it               | ada  | vic  | o1 | billing-contact | ALLOWED             | ''
        exclusive: granting the role held again changes nothing          | ada  | vic  | o1 | viewer          | ALLOWED             | already holds
        scopes per user: a member of one team joins no other              | ada  | mo   | t2 | member          | TOO_MANY_SCOPES     | user mo holds roles at [team 'Red' (t1)] under org 'One' (o1) already
        scopes per user: the lead of one team leads no other              | ada  | lee  | t2 | lead            | TOO_MANY_SCOPES     | scopesPerUser
        scopes per user: realm administrators are bound by it too         | root | mo   | t2 | member          | TOO_MANY_SCOPES     | ''
        scopes per user: counted per root, so another organization's team | root | mo   | t3 | member          | ALLOWED             | ''
        scopes per user: a second role at the same team                   | lee  | kim  | t1 | member          | ALLOWED             | already holds
        recipient: an editor adds a viewer of the organization to a team  | eve  | vic  | t2 | member          | ALLOWED             | ''
        recipient: not a viewer of another organization                  | eve  | val  | t2 | member          | NOT_DELEGATED       | applies only to a recipient for whom the user holds org.viewer on the path of team 'Blue' (t2); for user val that is not the case
        recipient: nor someone who is no viewer at all                   | eve  | zed  | t2 | member          | NOT_DELEGATED       | for user zed that is not the case
        recipient: the administrator's rule names no recipient           | ada  | val  | t2 | member          | ALLOWED             | ''
        no access: a billing contact grants nothing                      | bill | zed  | o1 | viewer          | NOT_DELEGATED       | ''
        """)
    void grants(String rule, String actor, String target, String scope, String role, Reason expected, String line) {
        Decision decision = POLICY.mayGrant(principal(actor), target, scope, role, false, TREE);

        assertThat(decision.reason()).as(rule + why(decision)).isEqualTo(expected);
        if (!line.isBlank()) {
            assertThat(decision.explanation()).as(rule).anySatisfy(each -> assertThat(each).contains(line));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        an offer of two roles of one group is refused whole        | newcomer | editor viewer          | EXCLUSIVE_ROLE_HELD
        an offer of roles of no common group                       | newcomer | viewer billing-contact | ALLOWED
        an offer to someone holding another role of the group      | eve      | viewer                 | EXCLUSIVE_ROLE_HELD
        """)
    void invitationsOfferRolesTogether(String rule, String target, String roles, Reason expected) {
        Decision decision = POLICY.mayGrantAll(principal("ada"), target, "o1", Arrays.asList(roles.split(" ")), TREE);

        assertThat(decision.reason()).as(rule + why(decision)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a billing contact does not see the organization              | bill | o1 | false | false
        a viewer sees and acts                                       | vic  | o1 | true  | true
        a billing contact who is a team member sees the way there     | bea  | o1 | true  | false
        ... and acts in the team                                     | bea  | t1 | true  | true
        """)
    void rolesWithoutAccessOpenNothing(String rule, String user, String scope, boolean sees, boolean acts) {
        assertThat(POLICY.maySee(principal(user), scope, TREE).allowed()).as(rule + ": sees").isEqualTo(sees);
        assertThat(POLICY.mayActIn(principal(user), scope, TREE).allowed()).as(rule + ": acts").isEqualTo(acts);
    }

    @Test
    void aMembershipWithoutAccessIsOnRecordForThoseWhoListMembers() {
        assertThat(POLICY.actableScopes(principal("bill"), TREE)).isEmpty();
        assertThat(POLICY.actableScopes(principal("bea"), TREE)).extracting(Scope::id).containsExactly("t1");
        assertThat(POLICY.visibleMembers(principal("ada"), "o1", TREE)).extracting(Membership::userId)
                .contains("bill", "bea");
        Access access = POLICY.access(principal("bill"), "o1", TREE, false).orElseThrow();
        assertThat(access.roles()).containsExactly("billing-contact");
        assertThat(access.permissions()).isEmpty();
        assertThat(POLICY.maySee(principal("bill"), "o1", TREE).explanation()).containsExactly(
                "user bill has no role at, above or below org 'One' (o1) that gives access");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        an editor creates a team and leads it                         | eve  | o1 | ALLOWED         | user eve becomes team.lead of the new scope (creatorRole)
        the administrator, too                                        | ada  | o1 | ALLOWED         | becomes team.lead
        a viewer may not create one                                   | vic  | o1 | NOT_PERMITTED   | ''
        an editor who is a member of a team would hold roles at two   | eli  | o1 | TOO_MANY_SCOPES | scopesPerUser
        a realm administrator creates one and leads nothing           | root | o1 | ALLOWED         | realm administrator
        """)
    void creatingAScopeMakesTheCreatorItsHolder(String rule, String user, String parent, Reason expected,
            String line) {
        Decision decision = POLICY.mayCreateScope(principal(user), parent, "team", TREE);

        assertThat(decision.reason()).as(rule + why(decision)).isEqualTo(expected);
        if (!line.isBlank()) {
            assertThat(decision.explanation()).as(rule).anySatisfy(each -> assertThat(each).contains(line));
        }
    }

    @Test
    void theCreatorRoleIsNotARealmAdministrators() {
        assertThat(POLICY.creatorRole(principal("eve"), "team")).contains("lead");
        assertThat(POLICY.creatorRole(principal("root"), "team")).isEmpty();
        assertThat(POLICY.creatorRole(principal("eve"), "org")).isEmpty();
        assertThat(POLICY.creatorRole(principal("eve"), "galaxy")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a team's administrator deletes it                          | ada  | t1 | ALLOWED
        an organization is a root: its administrator may not       | ada  | o1 | NOT_PERMITTED
        a realm administrator may                                  | root | o1 | ALLOWED
        """)
    void rootScopesAreDeletedByRealmAdministrators(String rule, String user, String scope, Reason expected) {
        Decision decision = POLICY.mayDeleteScope(principal(user), scope, false, TREE);

        assertThat(decision.reason()).as(rule + why(decision)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a new viewer gets the VPN by default                               | zed | o1 | viewer | app:vpn:connect
        granting a held role again gives back nothing taken away           | vic | o1 | viewer | ''
        a new lead who is an editor gets reports                            | eve | t2 | lead   | app:reports:generate
        a new lead who is only a viewer does not: the constraint fails      | vic | t2 | lead   | ''
        a role without defaults                                            | zed | t2 | member | ''
        an unknown role                                                    | zed | t2 | boss   | ''
        """)
    void optionsOnByDefault(String rule, String user, String scope, String role, String expected) {
        assertThat(POLICY.defaultOptions(user, scope, role, TREE)).as(rule)
                .isEqualTo(expected.isBlank() ? Set.of() : Set.of(expected));
    }

    /** An import asks this for every role it gives: a role with no defaults must not cost a read per grant. */
    @Test
    void aRoleWithoutDefaultsIsAnsweredFromTheSchemaAlone() {
        TreeSlice noMembershipReads = new TreeSlice() {
            @Override
            public Optional<Scope> scope(String scopeId) {
                return TREE.scope(scopeId);
            }

            @Override
            public Optional<Membership> membership(String userId, String scopeId) {
                throw new AssertionError("read the membership of " + userId + " at " + scopeId);
            }

            @Override
            public Set<String> holders(String scopeId, String role) {
                throw new AssertionError("read the holders of " + role);
            }

            @Override
            public List<Membership> members(String scopeId) {
                throw new AssertionError("read the members of " + scopeId);
            }

            @Override
            public List<Membership> membersBelow(String scopeId) {
                throw new AssertionError("read the members below " + scopeId);
            }

            @Override
            public List<Scope> scopesBelow(String scopeId) {
                return TREE.scopesBelow(scopeId);
            }

            @Override
            public List<Membership> membershipsOf(String userId) {
                throw new AssertionError("read the memberships of " + userId);
            }
        };

        assertThat(POLICY.schema().hasDefaultOptions("team", "member")).isFalse();
        assertThat(POLICY.schema().hasDefaultOptions("org", "viewer")).isTrue();
        assertThat(POLICY.schema().hasDefaultOptions("org", "boss")).isFalse();
        assertThat(POLICY.defaultOptions("zed", "t2", "member", noMembershipReads)).isEmpty();
        assertThat(POLICY.defaultOptions("zed", "o1", "viewer", TREE)).containsExactly("app:vpn:connect");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        reports for a team member who is an editor of the organization   | eli | app:reports:generate | ALLOWED
        not for one who is only a viewer: the constraint fails           | kim | app:reports:generate | OPTION_NOT_ALLOWED
        """)
    void optionsAreBoundedByConstraints(String rule, String member, String option, Reason expected) {
        Decision decision = POLICY.maySetOptions(principal("ada"), member, "t1", Set.of(option), TREE);

        assertThat(decision.reason()).as(rule + why(decision)).isEqualTo(expected);
        if (expected == Reason.OPTION_NOT_ALLOWED) {
            assertThat(decision.explanation()).last().asString().isEqualTo("constraint 1 (reports need an editor or"
                    + " administrator of the organization) requires the user holds org.admin or org.editor for"
                    + " app:reports:generate, which user kim does not meet at team 'Red' (t1): the option would never"
                    + " count, so it is not given");
        }
    }

    @Test
    void dataThatBreaksTheRulesOnWhatOneUserHoldsDoesNotFit() {
        List<Scope> scopes = List.of(new Scope("o1", "org", "One", List.of(), Map.of()),
                new Scope("t1", "team", "Red", List.of("o1"), Map.of()),
                new Scope("t2", "team", "Blue", List.of("o1"), Map.of()),
                new Scope("o2", "org", "Two", List.of(), Map.of()),
                new Scope("t3", "team", "Green", List.of("o2"), Map.of()));
        List<Membership> memberships = List.of(
                new Membership("vic", "o1", Set.of("viewer", "editor"), Set.of()),
                new Membership("mo", "t1", Set.of("member"), Set.of()),
                new Membership("mo", "t2", Set.of("member"), Set.of()),
                new Membership("mo", "t3", Set.of("member"), Set.of()),
                new Membership("eve", "o1", Set.of("editor", "billing-contact"), Set.of()));

        assertThat(SchemaCompatibility.problems(POLICY.schema(), scopes, memberships)).containsExactly(
                "user vic holds [editor, viewer] at org 'One' (o1), roles of the exclusive group level of scope type"
                        + " org",
                "user mo holds roles at 2 team scopes under one root ([team 'Red' (t1), team 'Blue' (t2)]); scope"
                        + " type team allows 1 (scopesPerUser)");
        assertThat(Holdings.problems(POLICY.schema(), id -> scopes.stream().filter(s -> s.id().equals(id))
                .findFirst(), memberships.subList(1, 2))).isEmpty();
        assertThat(Holdings.problems(POLICY.schema(), id -> Optional.empty(), memberships)).isEmpty();
    }
}
