package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.core.Decision.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seed 002, the MSP portal, against {@code realm-export/schemas/msp-portal.yaml} (A1-A11 are the assumptions
 * written in that file).
 *
 * <p>The tree: partner {@code P} (admin paula, L1 support luke with Workspaces L1, L2 support lena with Workspaces
 * L2, L3 engineer eli, billing bella, user uma) with client {@code C} (admin carla, read-only admin rory, L2 support
 * leo without Workspaces, user ursula with Workspaces L2, wes with Workspaces L1 read-only, analyzer andy), which
 * has sub-organization {@code S1} (admin sid) with sub-organization {@code S2}; and a client {@code Z} of its own
 * (admin zoe).
 */
class MspPortalSchemaTest {

    private static final Policy POLICY = SeedSchemas.policy("msp-portal");

    private static final TreeSlice TREE = InMemoryTree.builder()
            .scope("P", "partner", "Partner", null)
            .scope("C", "client", "Client", "P")
            .scope("S1", "suborg", "Sub 1", "C")
            .scope("S2", "suborg", "Sub 2", "S1")
            .scope("Z", "client", "Independent client", null)
            .member("paula", "P", "admin")
            .member("luke", "P", "l1-support", "workspaces-l1")
            .member("lena", "P", "l2-support", "workspaces-l2")
            .member("eli", "P", "l3-engineering")
            .member("bella", "P", "billing")
            .member("uma", "P", "user")
            .member("carla", "C", "admin")
            .member("rory", "C", "admin-ro")
            .member("leo", "C", "l2-support")
            .member("ursula", "C", "user", "workspaces-l2")
            .member("wes", "C", "workspaces-l1-ro")
            .member("andy", "C", "analyzer")
            .member("sid", "S1", "admin")
            .member("zoe", "Z", "admin")
            .build();

    @ParameterizedTest(name = "{0}: {1} {3} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
        Same role, own organization: the partner admin sees its billing                 | paula  | P  | portal:billing:read               | true
        Same role, dependent organization: ... but not its client's billing (A2)         | paula  | C  | portal:billing:read               | false
        Same role, dependent organization: ... while administering its users             | paula  | C  | portal:users:create               | true
        Same role, dependent organization: ... down to nested sub-organizations          | paula  | S2 | portal:users:create               | true
        The client's own administrator sees the client's billing                         | carla  | C  | portal:billing:read               | true
        Descending only: a client admin has nothing at its partner                       | carla  | P  | portal:home:read                  | false
        Sub-organizations nest: the sub-organization admin reaches its sub-organization   | sid    | S2 | portal:users:create               | true
        Sub-organizations nest: ... but not its parent client                            | sid    | C  | portal:users:read                 | false
        An organization on its own (no partner) is administered by its own admin         | zoe    | Z  | portal:billing:read               | true
        ... and no partner administers it                                                | paula  | Z  | portal:home:read                  | false
        2 Read-only organization administrator reads users                                | rory   | C  | portal:users:read                 | true
        2 Read-only organization administrator does not create users                      | rory   | C  | portal:users:create               | false
        2 Read-only: refresh is an action, not a read (A1)                                | rory   | C  | portal:flows:refresh              | false
        3 User reads Home                                                                 | uma    | P  | portal:home:read                  | true
        3 User does not read Groups (A3)                                                  | uma    | P  | portal:groups:read                | false
        Double star: L2 support with Workspaces L2 creates Flows                          | lena   | P  | portal:flows:create               | true
        Double star: ... also in the dependent client                                     | lena   | C  | portal:updates:create             | true
        Double star: L2 support without Workspaces L2 does not create Flows               | leo    | C  | portal:flows:create               | false
        Double star: L2 support without Workspaces L2 does not delete Updates             | leo    | C  | portal:updates:delete             | false
        Double star: Workspaces L1 is not enough                                          | luke   | P  | portal:flows:create               | false
        Double star: without it Flows are still readable                                  | leo    | C  | portal:flows:read                 | true
        No single star: L1 support with Workspaces L1 refreshes Workspaces (A8)           | luke   | P  | portal:workspaces:refresh         | true
        No single star: ... and L2 support without Workspaces too (A8)                    | leo    | C  | portal:workspaces:refresh         | true
        4 L1 support reads Directives? no: that is L2 (A5)                               | luke   | P  | portal:directives:read            | false
        6 L2 support manages Directives (A5)                                              | lena   | P  | portal:directives:create          | true
        8 L3 engineering creates Tenants (A6)                                             | eli    | P  | portal:tenants:create             | true
        8 L3 engineering does not manage Roles (A6)                                       | eli    | P  | portal:roles:create               | false
        8 L3 engineering creates Tenants below the partner too (A6)                       | eli    | C  | portal:tenants:create             | true
        8 L3 engineering does not read the billing Report (A6)                            | eli    | P  | portal:billing-report:read        | false
        ... nor its clients' Products (A2)                                                | eli    | C  | portal:product:read               | false
        10 Billing refreshes Billing                                                      | bella  | P  | portal:billing:refresh            | true
        10 Billing does not read Flows (A7)                                               | bella  | P  | portal:flows:read                 | false
        10 Billing of a partner does not see its clients' invoices (A2, A7)               | bella  | C  | portal:billing:read               | false
        ... nor their billing Report (A2, A7)                                             | bella  | S2 | portal:billing-report:read        | false
        ... but reads their Licenses (A7)                                                 | bella  | C  | portal:licenses:read              | true
        Workspaces L2 modifies Profile Storage                                            | ursula | C  | workspaces:profile-storage:modify | true
        Workspaces L1 does not see Profile Storage (A9)                                   | luke   | P  | workspaces:profile-storage:view   | false
        Workspaces L1 executes operations on Sessions                                     | luke   | P  | workspaces:sessions:execute       | true
        Workspaces L1 RO views Sessions                                                   | wes    | C  | workspaces:sessions:view          | true
        Workspaces L1 RO does not execute operations                                      | wes    | C  | workspaces:sessions:execute       | false
        Analyzer: access is granted ...                                                   | andy   | C  | analyzer:analyzer:use             | true
        Analyzer: ... or denied                                                           | carla  | C  | analyzer:analyzer:use             | false
        """)
    void permissions(String rule, String user, String scope, String permission, boolean allowed) {
        Decision decision = POLICY.check(Principal.user(user), scope, permission, TREE);

        assertThat(decision.allowed()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Descending: a client admin cannot assign roles at its partner              | carla | zed | P  | user          | NOT_DELEGATED
        Descending: a client admin assigns roles at its sub-organizations          | carla | zed | S2 | user          | ALLOWED
        Descending: a sub-organization admin assigns roles below it                | sid   | zed | S2 | l1-support    | ALLOWED
        Descending: ... not at its parent client                                   | sid   | zed | C  | user          | NOT_DELEGATED
        A partner provisions its clients' administrators (A10)                     | paula | zed | C  | admin         | ALLOWED
        A client admin gives every role, Workspaces too (A10)                      | carla | zed | C  | workspaces-l2 | ALLOWED
        ... and Analyzer below it (A10)                                            | carla | zed | S1 | analyzer      | ALLOWED
        A client on its own gives its users Workspaces (A10)                       | zoe   | zed | Z  | workspaces-l1 | ALLOWED
        A partner admin gives Workspaces at the partner (A10)                      | paula | zed | P  | workspaces-l2 | ALLOWED
        Nobody gives themselves a role (A10)                                       | carla | carla | C | workspaces-l2 | NOT_DELEGATED
        A read-only administrator assigns no roles (A10)                           | rory  | zed | C  | workspaces-l1 | NOT_DELEGATED
        Support staff assign no roles                                              | lena  | zed | C  | user          | NOT_DELEGATED
        One role per module: a Portal user is given no second Portal role          | paula | ursula | C | billing     | EXCLUSIVE_ROLE_HELD
        One role per module: Workspaces L2 and L1 are not held side by side        | paula | ursula | C | workspaces-l1 | EXCLUSIVE_ROLE_HELD
        One role per module: ... nor L1 and L2 support at the partner              | paula | luke  | P  | l2-support    | EXCLUSIVE_ROLE_HELD
        One role per module: a read-only twin is a role of the module too          | paula | wes   | C  | workspaces-l2-ro | EXCLUSIVE_ROLE_HELD
        One role per module: roles of other modules go beside                      | paula | ursula | C | analyzer      | ALLOWED
        One role per module: ... as do a Portal role beside Workspaces             | carla | wes   | C  | user          | ALLOWED
        """)
    void delegation(String rule, String actor, String target, String scope, String role, Reason expected) {
        Decision decision = POLICY.mayGrant(Principal.user(actor), target, scope, role, false, TREE);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    /** Tenants (Create, Delete) (A11): organizations below a partner or client are created and deleted by tenants. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        A partner admin creates a client organization                   | paula | create | P  | client | ALLOWED
        A partner admin creates a sub-organization of its client         | paula | create | C  | suborg | ALLOWED
        A client admin creates a sub-organization                        | carla | create | C  | suborg | ALLOWED
        ... and below it                                                 | sid   | create | S1 | suborg | ALLOWED
        A client on its own creates sub-organizations                    | zoe   | create | Z  | suborg | ALLOWED
        A client admin creates no client at the partner                  | carla | create | P  | client | NOT_PERMITTED
        A read-only administrator creates nothing                        | rory  | create | C  | suborg | NOT_PERMITTED
        A user creates nothing                                           | uma   | create | P  | client | NOT_PERMITTED
        A partner admin deletes a client organization                    | paula | delete | C  |        | ALLOWED
        A client admin deletes a sub-organization                        | carla | delete | S1 |        | ALLOWED
        A sub-organization admin deletes nothing above                    | sid   | delete | C  |        | NOT_PERMITTED
        A read-only administrator deletes nothing                        | rory  | delete | S1 |        | NOT_PERMITTED
        A client on its own is at the top: realm administrators delete it | zoe  | delete | Z  |        | NOT_PERMITTED
        """)
    void tenants(String rule, String user, String action, String scope, String type, Reason expected) {
        Principal principal = Principal.user(user);
        Decision decision = action.equals("create") ? POLICY.mayCreateScope(principal, scope, type, TREE)
                : POLICY.mayDeleteScope(principal, scope, false, TREE);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    /** Users (Read, Delete) (M3 of docs/seeds/msp-portal.md): the member list, and removing a member's roles. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        An administrator removes a user's Portal role                 | carla  | revoke | ursula | C  | user          | ALLOWED
        ... and a Workspaces role (A10)                                | carla  | revoke | ursula | C  | workspaces-l2 | ALLOWED
        A partner administrator removes its client's users             | paula  | revoke | ursula | C  | user          | ALLOWED
        A read-only administrator removes nobody                       | rory   | revoke | ursula | C  | user          | NOT_DELEGATED
        A user removes nobody else                                     | ursula | revoke | andy   | C  | analyzer      | NOT_DELEGATED
        A read-only administrator lists the users                      | rory   | list   |        | C  |               | ALLOWED
        A user does not                                                | ursula | list   |        | C  |               | NOT_PERMITTED
        """)
    void users(String rule, String actor, String action, String target, String scope, String role, Reason expected) {
        Principal principal = Principal.user(actor);
        Decision decision = action.equals("revoke")
                ? POLICY.mayRevoke(principal, target, scope, role, false, TREE).decision()
                : POLICY.mayListMembers(principal, scope, TREE);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    @Test
    void clientsMayBeDependentOrOnTheirOwnAndSubOrganizationsNest() {
        TenancySchema schema = POLICY.schema();

        assertThat(schema.mayNest(null, "partner")).isTrue();
        assertThat(schema.mayNest(null, "client")).isTrue();
        assertThat(schema.mayNest("partner", "client")).isTrue();
        assertThat(schema.mayNest(null, "suborg")).isFalse();
        assertThat(schema.mayNest("suborg", "suborg")).isTrue();
        assertThat(schema.roles("client")).contains("admin", "admin-ro", "l1-support", "l1-support-ro",
                "workspaces-l2-ro", "analyzer");
    }

    @Test
    void explainsAMissingPrerequisite() {
        Decision decision = POLICY.check(Principal.user("leo"), "C", "portal:flows:create", TREE);

        assertThat(decision.explanation()).anyMatch(line -> line.startsWith(
                "constraint 1 (double star - needs Workspaces L2 (A8)) takes away portal:flows:create: it requires"
                        + " the user holds partner.workspaces-l2 or client.workspaces-l2 or suborg.workspaces-l2"));
    }
}
