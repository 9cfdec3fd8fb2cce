package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.core.Decision.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seed 004, Skytap, against {@code realm-export/schemas/skytap.yaml} (S1-S8 are the assumptions written there).
 *
 * <p>The tree: account {@code acct} (restricted rita, standard stan, user manager uma, administrator ada) with
 * departments {@code d1} (stan, and dora with reporting for d1 only) and {@code d2} (rita), and project {@code p1}
 * (owner stan, editor rita, viewer vic).
 */
class SkytapSchemaTest {

    private static final Policy POLICY = SeedSchemas.policy("skytap");
    private static final List<String> ROLES = List.of("restricted", "standard", "user-manager", "administrator");
    /** The customer account is enabled for promiscuous mode (S12); the trees below are. */
    private static final Map<String, Object> PROMISCUOUS = Map.of("promiscuousMode", true);

    private static final TreeSlice TREE = InMemoryTree.builder()
            .scope("acct", "account", "Skytap customer", null, PROMISCUOUS)
            .scope("d1", "department", "Engineering", "acct")
            .scope("d2", "department", "Sales", "acct")
            .scope("p1", "project", "Release 7", "acct")
            .member("rita", "acct", "restricted")
            .member("stan", "acct", "standard")
            .member("uma", "acct", "user-manager")
            .member("ada", "acct", "administrator")
            .member("dora", "acct", "standard")
            .member("stan", "d1", "member")
            .member("rita", "d2", "member")
            .member("dora", "d1", Set.of("member"), Set.of("reports:reports:generate"))
            .member("stan", "p1", "owner")
            .member("rita", "p1", "editor")
            .member("vic", "p1", "viewer")
            .build();

    /** The seed's role table: a row per ability, a column per role (Restricted, Standard, User Manager, Admin). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        Access shared project resources                       | Y Y Y Y | resources:environments:view  | p1   | shared
        Create and own projects (restricted: see the owner row)| N Y Y Y | projects:projects:create     | acct | -
        Create environments (S1: restricted ones, limited)     | Y Y Y Y | resources:environments:create| acct | -
        Create templates                                       | N Y Y Y | resources:templates:create   | acct | -
        Create assets                                          | N Y Y Y | resources:assets:create      | acct | -
        Create and edit users                                  | N N Y Y | users:users:edit             | acct | -
        Create and edit groups                                 | N N Y Y | users:groups:create          | acct | -
        Delete groups                                          | N N Y Y | users:groups:delete          | acct | -
        Create and view reports (others need the option)       | N N N Y | reports:reports:generate     | acct | -
        Create and edit departments                            | N N N Y | departments:departments:edit | acct | -
        Delete users                                           | N N N Y | users:users:delete           | acct | -
        Create and edit account-wide settings                  | N N N Y | settings:account:edit        | acct | -
        Edit environments owned by all users in the account    | N N N Y | resources:environments:edit  | acct | others
        Delete templates owned by all users in the account     | N N N Y | resources:templates:delete   | acct | others
        Standard users view the resources they own             | Y Y Y Y | resources:environments:view  | acct | own
        ... edit them                                          | Y Y Y Y | resources:environments:edit  | acct | own
        ... share them (S1: restricted users share nothing)    | N Y Y Y | resources:environments:share | acct | own
        ... delete them                                        | Y Y Y Y | resources:environments:delete| acct | own
        By default, users can't view resources owned by others | N N N Y | resources:environments:view  | acct | others
        Administrators can't edit public templates             | N N N N | public:templates:edit        | acct | -
        Administrators can't delete public assets              | N N N N | public:assets:delete         | acct | -
        """)
    void roleTable(String ability, String cells, String permission, String scope, String resource) {
        List<String> expected = Arrays.asList(cells.trim().split("\\s+"));
        for (int column = 0; column < ROLES.size(); column++) {
            String role = ROLES.get(column);
            TreeSlice tree = InMemoryTree.builder()
                    .scope("acct", "account", "Skytap customer", null, PROMISCUOUS)
                    .scope("p1", "project", "Release 7", "acct")
                    .member("someone", "acct", role)
                    .member("someone", "p1", resource.equals("shared") ? "viewer" : "owner")
                    .build();
            String where = resource.equals("shared") ? "p1" : scope;
            TreeSlice used = resource.equals("shared") ? tree : withoutProject(role);
            Decision decision = POLICY.check(Principal.user("someone"), where, permission, resource.equals("own"),
                    used);
            assertThat(decision.allowed())
                    .as(ability + " | " + role + " = " + expected.get(column) + "\n"
                            + String.join("\n", decision.explanation()))
                    .isEqualTo(expected.get(column).equals("Y"));
        }
    }

    private static TreeSlice withoutProject(String role) {
        return InMemoryTree.builder()
                .scope("acct", "account", "Skytap customer", null, PROMISCUOUS)
                .member("someone", "acct", role)
                .build();
    }

    /** The seed's additional permissions table: M mandatory, O optional, - not allowed. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        Access public templates and public assets | O O O M | public:templates:copy
        Import VMs into Skytap                    | - O O M | vms:vms:import
        Export VMs from Skytap                    | - O O M | vms:vms:export
        Generate reports                          | - O O M | reports:reports:generate
        Set promiscuous mode on VM adapters       | - O O O | network:promiscuous-mode:set
        Connect environments to a VPN (S6)        | O O O O | vpn:vpn:connect
        """)
    void additionalPermissions(String permissionRow, String cells, String permission) {
        List<String> expected = Arrays.asList(cells.trim().split("\\s+"));
        for (int column = 0; column < ROLES.size(); column++) {
            String role = ROLES.get(column);
            String cell = expected.get(column);
            String label = permissionRow + " | " + role + " = " + cell;
            TreeSlice plain = tree(role, Set.of());
            Decision setting = POLICY.maySetOptions(Principal.user("ada"), "someone", "acct", Set.of(permission),
                    plain);
            boolean withoutOption = POLICY.check(Principal.user("someone"), "acct", permission, plain).allowed();
            boolean withOption = POLICY.check(Principal.user("someone"), "acct", permission,
                    tree(role, Set.of(permission))).allowed();
            switch (cell) {
                case "M" -> {
                    assertThat(withoutOption).as(label + ": always on").isTrue();
                    assertThat(setting.reason()).as(label + ": can't be disabled").isEqualTo(Reason.OPTION_NOT_ALLOWED);
                }
                case "O" -> {
                    assertThat(setting.allowed()).as(label + ": " + setting.explanation()).isTrue();
                    assertThat(withoutOption).as(label + ": off until enabled").isFalse();
                    assertThat(withOption).as(label + ": on once enabled").isTrue();
                }
                case "-" -> {
                    assertThat(setting.reason()).as(label).isEqualTo(Reason.OPTION_NOT_ALLOWED);
                    assertThat(withOption).as(label + ": ignored even if stored").isFalse();
                }
                default -> throw new AssertionError(cell);
            }
        }
    }

    private static TreeSlice tree(String role, Set<String> options) {
        return InMemoryTree.builder()
                .scope("acct", "account", "Skytap customer", null, PROMISCUOUS)
                .member("ada", "acct", "administrator")
                .member("someone", "acct", Set.of(role), options)
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Reporting enabled for just the user's department: there         | dora | d1   | true
        Reporting enabled for just the user's department: not elsewhere | dora | d2   | false
        Reporting enabled for just the user's department: not account   | dora | acct | false
        Without the privilege, no reports                               | stan | d1   | false
        Administrators report on the entire account                     | ada  | d2   | true
        """)
    void departmentScopedReporting(String rule, String user, String scope, boolean allowed) {
        assertThat(POLICY.check(Principal.user(user), scope, "reports:reports:generate", TREE).allowed())
                .as(rule).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Project roles: an editor edits shared environments             | rita | p1 | resources:environments:edit  | true
        Project roles: ... a restricted user included                  | rita | p1 | resources:templates:use      | true
        Project roles: an editor does not share them                   | rita | p1 | resources:environments:share | false
        Project roles: a viewer views them                             | vic  | p1 | resources:assets:view        | true
        Project roles: a viewer does not use them                      | vic  | p1 | resources:environments:use   | false
        Public templates can't be added to projects                    | stan | p1 | public:templates:view        | false
        Public templates can't be added to projects: by nobody (S11)   | ada  | p1 | public:templates:share       | false
        ... while the copies, owned by the copier, are shared          | stan | p1 | resources:templates:share    | true
        """)
    void projects(String rule, String user, String scope, String permission, boolean allowed) {
        Decision decision = POLICY.check(Principal.user(user), scope, permission, TREE);

        assertThat(decision.allowed()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(allowed);
    }

    /**
     * S10: project roles "depending on their project role and user role": a restricted user made owner manages the
     * project but creates no project and shares nothing into it; a standard one shares.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        A restricted owner manages the project                   | restricted | owner   | projects:projects:manage     | true
        ... but creates no project, there either                 | restricted | owner   | projects:projects:create     | false
        ... and shares nothing into it                           | restricted | owner   | resources:templates:share    | false
        ... nor as its manager                                   | restricted | manager | resources:environments:share | false
        A standard owner shares into it                          | standard   | owner   | resources:templates:share    | true
        ... and creates projects by their user role              | standard   | owner   | projects:projects:create     | true
        """)
    void projectRolesDependOnTheUserRole(String rule, String userRole, String projectRole, String permission,
            boolean allowed) {
        TreeSlice tree = InMemoryTree.builder()
                .scope("acct", "account", "Skytap customer", null, PROMISCUOUS)
                .scope("p1", "project", "Release 7", "acct")
                .member("someone", "acct", userRole)
                .member("someone", "p1", projectRole)
                .build();

        Decision decision = POLICY.check(Principal.user("someone"), "p1", permission, tree);

        assertThat(decision.allowed()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(allowed);
    }

    /** S9: "Delete users" is the administrator's; a user's user role is their membership of the account. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        An administrator deletes a user                              | ada  | stan | acct | standard   | ALLOWED
        A user manager does not                                      | uma  | stan | acct | standard   | NOT_DELEGATED
        ... not even a restricted user                               | uma  | rita | acct | restricted | NOT_DELEGATED
        A user manager moves users out of a department               | uma  | stan | d1   | member     | ALLOWED
        """)
    void deletingUsers(String rule, String actor, String target, String scope, String role, Reason expected) {
        Decision decision = POLICY.mayRevoke(Principal.user(actor), target, scope, role, false, TREE).decision();

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Another user can make a restricted user a project owner        | stan | rita | p1   | owner         | true  | ALLOWED
        Project owners add members                                     | stan | dora | p1   | viewer        | false | ALLOWED
        ... who are users of the account (S10: "other Skytap users")   | stan | ann  | p1   | viewer        | false | NOT_DELEGATED
        Project editors do not                                         | rita | ann  | p1   | viewer        | false | NOT_DELEGATED
        User managers create standard users                            | uma  | ann  | acct | standard      | false | ALLOWED
        User managers do not create administrators                     | uma  | ann  | acct | administrator | false | NOT_DELEGATED
        Standard users create no users                                 | stan | ann  | acct | restricted    | false | NOT_DELEGATED
        One user role per user: a standard user is not made restricted beside   | ada | stan | acct | restricted   | false | EXCLUSIVE_ROLE_HELD
        ... nor a user manager                                         | uma  | stan | acct | user-manager  | false | EXCLUSIVE_ROLE_HELD
        One department per user: a member of Engineering joins no other | ada  | stan | d2   | member        | false | TOO_MANY_SCOPES
        ... while a user of no department joins one                     | ada  | uma  | d2   | member        | false | ALLOWED
        """)
    void delegation(String rule, String actor, String target, String scope, String role, boolean transfer,
            Reason expected) {
        Decision decision = POLICY.mayGrant(Principal.user(actor), target, scope, role, transfer, TREE);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    /**
     * "User managers create users (but not administrators), and enable only what they have themselves". The user
     * manager uma has promiscuous mode enabled for herself; the target holds {@code roles} with {@code current}
     * options enabled, and is asked to get {@code requested}. (A user holds one user role, so an option's carrier is
     * that role; PolicyTest shows an option judged under the rule of its carrier among several roles.)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        A user manager enables what a standard user may have and she has                  | uma | standard      | ''                           | network:promiscuous-mode:set | ALLOWED
        ... but not an administrator's option: administrators are not hers to manage       | uma | administrator | ''                           | network:promiscuous-mode:set | NOT_DELEGATED
        ... nor clears it                                                                 | uma | administrator | network:promiscuous-mode:set | ''                           | NOT_DELEGATED
        ... while a restricted user's options are hers to set                             | uma | restricted    | ''                           | public:templates:copy        | ALLOWED
        ... but does not restrict their VPN, on by default: administrators do (S6, S9)    | uma | restricted    | vpn:vpn:connect              | ''                           | NOT_DELEGATED
        Administrators restrict a user's VPN                                              | ada | restricted    | vpn:vpn:connect              | ''                           | ALLOWED
        Administrators enable or restrict every additional permission                     | ada | administrator | ''                           | network:promiscuous-mode:set | ALLOWED
        A user manager cannot enable what she lacks herself                               | uma | standard      | ''                           | vms:vms:import               | EXCEEDS_OWN_PERMISSIONS
        """)
    void optionsAreSetUnderTheRuleOfTheRoleThatCarriesThem(String rule, String actor, String roles, String current,
            String requested, Reason expected) {
        TreeSlice tree = InMemoryTree.builder()
                .scope("acct", "account", "Skytap customer", null, PROMISCUOUS)
                .member("uma", "acct", Set.of("user-manager"), Set.of("network:promiscuous-mode:set",
                        "public:templates:copy"))
                .member("ada", "acct", "administrator")
                .member("someone", "acct", words(roles), words(current))
                .build();

        Decision decision = POLICY.maySetOptions(Principal.user(actor), "someone", "acct", words(requested), tree);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    private static Set<String> words(String text) {
        return text.isBlank() ? Set.of() : Set.of(text.trim().split("\\s+"));
    }

    /** S8: reporting on a department membership needs a user role that may report; restricted users stay so. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Reporting for the department of a standard user                    | stan | d1 | ALLOWED
        Not for a restricted user's department: the constraint fails        | rita | d2 | OPTION_NOT_ALLOWED
        """)
    void departmentReportingKeepsRestrictedUsersRestricted(String rule, String user, String department,
            Reason expected) {
        Decision decision = POLICY.maySetOptions(Principal.user("ada"), user, department,
                Set.of("reports:reports:generate"), TREE);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    @Test
    void everyUserRoleConnectsToAVpnUntilRestricted() {
        for (String role : ROLES) {
            assertThat(POLICY.defaultOptions("ann", "acct", role, TREE)).as(role).containsExactly("vpn:vpn:connect");
        }
        assertThat(POLICY.defaultOptions("stan", "acct", "standard", TREE)).as("held already").isEmpty();
        assertThat(POLICY.defaultOptions("ann", "d1", "member", TREE)).as("no defaults").isEmpty();
    }

    /** S7: creating projects and departments, renaming and deleting them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Create and own projects: a standard user creates one            | stan | create | acct | project    | ALLOWED
        A restricted user can't create a project                        | rita | create | acct | project    | NOT_PERMITTED
        Administrators create and edit departments                      | ada  | create | acct | department | ALLOWED
        ... user managers do not                                        | uma  | create | acct | department | NOT_PERMITTED
        ... and rename them                                             | ada  | update | d1   |            | ALLOWED
        A member does not rename their department                       | stan | update | d1   |            | NOT_PERMITTED
        The project's owner renames it                                  | stan | update | p1   |            | ALLOWED
        ... and deletes it                                              | stan | delete | p1   |            | ALLOWED
        An editor of the project does not delete it                     | rita | delete | p1   |            | NOT_PERMITTED
        Administrators delete every project of the account              | ada  | delete | p1   |            | ALLOWED
        Nobody but realm administrators deletes departments             | ada  | delete | d1   |            | NOT_PERMITTED
        """)
    void projectsAndDepartments(String rule, String user, String action, String scope, String type,
            Reason expected) {
        Decision decision = SeedSchemas.scopeDecision(POLICY, user, action, scope, type, TREE);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    /** S12: promiscuous mode "is displayed when your customer account is enabled for promiscuous mode". */
    @ParameterizedTest(name = "account enabled: {0}")
    @CsvSource({"true, ALLOWED, true", "false, OPTION_NOT_ALLOWED, false"})
    void promiscuousModeOnlyWhereTheAccountIsEnabledForIt(boolean enabled, Reason setting, boolean counts) {
        TreeSlice tree = InMemoryTree.builder()
                .scope("acct", "account", "Skytap customer", null, Map.of("promiscuousMode", enabled))
                .member("ada", "acct", "administrator")
                .member("stan", "acct", Set.of("standard"), Set.of("network:promiscuous-mode:set"))
                .member("dora", "acct", "standard")
                .build();

        Decision decision = POLICY.maySetOptions(Principal.user("ada"), "dora", "acct",
                Set.of("network:promiscuous-mode:set"), tree);

        assertThat(decision.reason()).as(String.join("\n", decision.explanation())).isEqualTo(setting);
        assertThat(POLICY.check(Principal.user("stan"), "acct", "network:promiscuous-mode:set", tree).allowed())
                .as("stored before the account was disabled").isEqualTo(counts);
    }

    @Test
    void theCreatorOfAProjectOwnsIt() {
        assertThat(POLICY.creatorRole(Principal.user("stan"), "project")).contains("owner");
        assertThat(POLICY.creatorRole(Principal.user("ada"), "department")).isEmpty();
    }

    @Test
    void aUserManagerCannotEnableWhatItLacks() {
        Decision decision = POLICY.maySetOptions(Principal.user("uma"), "stan", "acct", Set.of("vms:vms:import"),
                TREE);

        assertThat(decision.reason()).isEqualTo(Reason.EXCEEDS_OWN_PERMISSIONS);
        assertThat(decision.explanation()).last().asString().contains("does not have vms:vms:import");
    }
}
