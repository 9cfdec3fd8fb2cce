package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.core.Decision.Reason;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seed 001, ESChat, against {@code realm-export/schemas/eschat.yaml}: every cell of the Create, Edit, Delete and
 * View tables, for each of the six role columns, plus the prose rules.
 *
 * <p>The tree: server {@code srv} (root rita, support sven); conduit {@code c1} (conduit admin carl, sales reps
 * sara and sam, customer manager cora) with customers {@code cust1} (customer admin cam, customer technical tess,
 * primary contact pam; departments d1a, d1b) and {@code cust2} (department d2a); conduit {@code c2} (conduit admin
 * cody) with customer {@code cust3} (department d3a). Sam is also customer admin of cust1 and cust2.
 */
class EschatSchemaTest {

    private static final Policy POLICY = SeedSchemas.policy("eschat");

    /** One user per role column of the seed's tables, in table order. */
    private static final List<String> COLUMNS = List.of("sven", "carl", "sara", "cora", "cam", "tess");
    private static final List<String> COLUMN_NAMES = List.of("Support", "Conduit Admin", "Sales Rep",
            "Customer Manager", "Customer Admin", "Customer Technical");

    private static final TreeSlice TREE = InMemoryTree.builder()
            .scope("srv", "server", "ESChat server", null)
            .scope("c1", "conduit", "Conduit 1", "srv")
            .scope("cust1", "customer", "Customer 1", "c1")
            .scope("d1a", "department", "Dispatch", "cust1")
            .scope("d1b", "department", "Field", "cust1")
            .scope("cust2", "customer", "Customer 2", "c1")
            .scope("d2a", "department", "Dispatch", "cust2")
            .scope("c2", "conduit", "Conduit 2", "srv")
            .scope("cust3", "customer", "Customer 3", "c2")
            .scope("d3a", "department", "Dispatch", "cust3")
            .member("rita", "srv", "root")
            .member("sven", "srv", "support")
            .member("carl", "c1", "conduit-admin")
            .member("sara", "c1", "sales-rep")
            .member("sam", "c1", "sales-rep")
            .member("cora", "c1", "customer-manager")
            .member("cam", "cust1", "customer-admin")
            .member("tess", "cust1", "customer-technical")
            .member("pam", "cust1", "primary-contact")
            .member("sam", "cust1", "customer-admin")
            .member("sam", "cust2", "customer-admin")
            .member("cody", "c2", "conduit-admin")
            .build();

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        Create | Customer                                                    | Y  Y  Y  N  N  N  | customers:customer:create          | c1
        Create | Departments                                                 | Y  Y  Y  Y  Y  N  | departments:departments:create     | cust1
        Create | Departmental Associations (intra customer)                  | Y  Y  Y  Y  Y  N  | associations:intra-customer:create | d1a+d1b
        Create | Departmental Associations (inter customer/inter-conduit)    | Y  N  N  N  N  N  | associations:inter-customer:create | d1a+d3a
        Create | Departmental Associations (inter customer/intra conduit)    | Y  Y  Y  N  N  N  | associations:inter-customer:create | d1a+d2a
        Create | Groups                                                      | Y  Y  Y  Y  Y  Y  | users:groups:create                | cust1
        Create | Broadcast Groups                                            | Y  N  N  N  N  N  | users:broadcast-groups:create      | cust1
        Create | Manual Activation Codes                                     | Y  Y  Y  Y  Y  Y  | users:activation-codes:create      | cust1
        Create | Users                                                       | Y  Y  Y  Y  Y  Y  | users:users:create                 | cust1
        Create | Notes                                                       | Y  Y  RO RO N  N  | customers:notes:create             | cust1
        Edit   | Customer                                                    | Y  Y  Y  Y  N  N  | customers:customer:edit            | cust1
        Edit   | Customer Billing: Non-Billable                              | Y  N  N  N  N  N  | customers:billing:set-non-billable | cust1
        Edit   | Customer Billing: Activate Demo                             | Y  Y  Y  N  N  N  | customers:billing:activate-demo    | cust1
        Edit   | Customer Billing: Extend Demo                               | Y  N  N  N  N  N  | customers:billing:extend-demo      | cust1
        Edit   | Customer Billing: Activate Customer                         | Y  Y  N  N  N  N  | customers:billing:activate         | cust1
        Edit   | Customer Billing: Deactivate Customer                       | Y  Y  N  N  N  N  | customers:billing:deactivate       | cust1
        Edit   | Customer Billing: Archive Customer                          | Y  Y  N  N  N  N  | customers:billing:archive          | cust1
        Edit   | Enable Client Side Recording                                | Y  Y  Y  Y  Y  N  | customers:recording:edit           | cust1
        Edit   | Modify External Contacts                                    | Y  Y  Y  Y  Y  N  | customers:external-contacts:edit   | cust1
        Edit   | RTP Gateway Config                                          | Y  Y  Y  Y  N  N  | customers:rtp-gateway:edit         | cust1
        Edit   | Departments                                                 | Y  Y  Y  Y  Y  N  | departments:departments:edit       | d1a
        Edit   | Groups                                                      | Y  Y  Y  Y  Y  Y  | users:groups:edit                  | cust1
        Edit   | Broadcast Groups                                            | Y  N  N  N  N  N  | users:broadcast-groups:edit        | cust1
        Edit   | Users                                                       | Y  Y  Y  Y  Y  Y  | users:users:edit                   | cust1
        Edit   | User Support Feature Keys                                   | Y  Y  Y  Y  Y  Y  | users:feature-keys:edit            | cust1
        Edit   | Notes                                                       | Y  Y  Y  N  N  N  | customers:notes:edit               | cust1
        Edit   | Manual Activation Code                                      | Y  Y  Y  Y  Y  Y  | users:activation-codes:edit        | cust1
        Delete | Customers                                                   | NA NA NA NA NA NA | customers:customer:delete          | cust1
        Delete | Departments                                                 | Y  Y  Y  Y  Y  N  | departments:departments:delete     | d1a
        Delete | Department Associations (Intra Customer)                    | Y  Y  Y  Y  Y  N  | associations:intra-customer:delete | d1a+d1b
        Delete | Department Associations (Inter Customer, same server)       | Y  Y  N  N  N  N  | associations:inter-conduit:delete  | c1
        Delete | Department Associations (Inter customer, same conduit)      | Y  Y  Y  N  N  N  | associations:inter-customer:delete | d1a+d2a
        Delete | Groups                                                      | Y  Y  Y  Y  Y  Y  | users:groups:delete                | cust1
        Delete | Users                                                       | Y  Y  Y  Y  Y  Y  | users:users:delete                 | cust1
        Delete | Notes                                                       | Y  Y  N  N  N  N  | customers:notes:delete             | cust1
        View   | Portal Users                                                | Y  N  N  N  N  N  | portal-users:all:view              | srv
        View   | Portal Users Assigned to Customer                           | Y  Y  Y  Y  N  N  | portal-users:customer:view         | cust1
        View   | Portal Users within assigned conduit                        | Y  Y  Y  Y  N  N  | portal-users:conduit:view          | c1
        View   | Notes                                                       | Y  Y  Y  Y  N  N  | customers:notes:view               | cust1
        View   | Customers                                                   | Y  Y  Y  Y  N  N  | customers:customer:view            | cust1
        View   | Department Associations Intra customer                      | Y  Y  Y  Y  Y  Y  | associations:intra-customer:view   | d1a+d1b
        """)
    void everyCellOfTheTables(String table, String row, String cells, String permission, String where) {
        List<String> expected = Arrays.asList(cells.trim().split("\\s+"));
        assertThat(expected).as("one cell per role column").hasSize(COLUMNS.size());
        for (int column = 0; column < COLUMNS.size(); column++) {
            String cell = expected.get(column);
            Decision decision = decide(COLUMNS.get(column), permission, where);
            String label = table + " | " + row + " | " + COLUMN_NAMES.get(column) + " = " + cell + "\n"
                    + String.join("\n", decision.explanation());
            switch (cell) {
                case "Y" -> assertThat(decision.allowed()).as(label).isTrue();
                case "N" -> assertThat(decision.reason()).as(label).isEqualTo(Reason.NOT_PERMITTED);
                case "RO" -> {
                    assertThat(decision.allowed()).as(label).isFalse();
                    String view = permission.substring(0, permission.lastIndexOf(':')) + ":view";
                    assertThat(decide(COLUMNS.get(column), view, where).allowed()).as(label + " (may view)").isTrue();
                }
                case "NA" -> assertThat(decision.reason()).as(label + " (no such action)").isEqualTo(Reason.UNKNOWN);
                default -> throw new AssertionError("unknown cell " + cell);
            }
        }
    }

    private static Decision decide(String user, String permission, String where) {
        if (where.contains("+")) {
            return POLICY.checkAcross(Principal.user(user), List.of(where.split("\\+")), permission, false, TREE);
        }
        return POLICY.check(Principal.user(user), where, permission, TREE);
    }

    @Test
    void interCustomerAssociationsAreJudgedAtTheLowestCommonAncestor() {
        Decision sameConduit = POLICY.checkAcross(Principal.user("sara"), List.of("d1a", "d2a"),
                "associations:inter-customer:create", false, TREE);
        Decision acrossConduits = POLICY.checkAcross(Principal.user("sara"), List.of("d1a", "d3a"),
                "associations:inter-customer:create", false, TREE);

        assertThat(sameConduit.explanation().get(0)).endsWith("lowest common ancestor c1");
        assertThat(sameConduit.allowed()).isTrue();
        assertThat(acrossConduits.explanation().get(0)).endsWith("lowest common ancestor srv");
        assertThat(acrossConduits.allowed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Root: may create and manage all other roles, especially Support       | rita | zed | srv   | support          | ALLOWED
        Root: ... Support does not manage Support                             | sven | zed | srv   | support          | NOT_DELEGATED
        Root: creates conduit admins                                          | rita | zed | c1    | conduit-admin    | ALLOWED
        Conduit Admin: staffs its conduit with sales reps                     | carl | zed | c1    | sales-rep        | ALLOWED
        Conduit Admin: has no say in another conduit                          | cody | zed | c1    | sales-rep        | NOT_DELEGATED
        Sales Rep: may be assigned customer admin rights to several customers | carl | sara| cust2 | customer-admin   | ALLOWED
        Sales Rep: cannot assign customer admin rights itself                 | sara | sara| cust2 | customer-admin   | NOT_DELEGATED
        Customer Manager: may be assigned customer admin rights too           | carl | cora| cust2 | customer-admin   | ALLOWED
        Sales Rep: ... within the conduit: not by another conduit's admin     | cody | sara| cust3 | customer-admin   | NOT_DELEGATED
        Conduit Admin: makes a user of the customer its customer admin        | carl | tess| cust1 | customer-admin   | ALLOWED
        Conduit Admin: ... but not someone of neither the conduit nor the customer | carl | zed | cust1 | customer-admin | NOT_DELEGATED
        Support: assigns customer admin rights throughout the server          | sven | zed | cust3 | customer-admin   | ALLOWED
        Customer Admin: manages the customer's users                          | cam  | zed | cust1 | customer-technical | ALLOWED
        Customer Admin: not another customer's                                | cam  | zed | cust2 | customer-technical | NOT_DELEGATED
        Customer Technical: manages no portal users                           | tess | zed | cust1 | customer-technical | NOT_DELEGATED
        """)
    void roleManagement(String rule, String actor, String target, String scope, String role, Reason expected) {
        Decision decision = POLICY.mayGrant(Principal.user(actor), target, scope, role, false, TREE);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    /** Creating, renaming and deleting customers and departments, as the Create, Edit and Delete tables say. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Create Customer: Conduit Admin                    | carl | create | c1    | customer   | ALLOWED
        Create Customer: Sales Rep                        | sara | create | c1    | customer   | ALLOWED
        Create Customer: Customer Manager may not         | cora | create | c1    | customer   | NOT_PERMITTED
        Create Customer: not in another conduit           | carl | create | c2    | customer   | NOT_PERMITTED
        Create Departments: Customer Admin                | cam  | create | cust1 | department | ALLOWED
        Create Departments: Customer Manager              | cora | create | cust2 | department | ALLOWED
        Create Departments: Customer Technical may not    | tess | create | cust1 | department | NOT_PERMITTED
        Edit Customer: Customer Manager                   | cora | update | cust1 |            | ALLOWED
        Edit Customer: Customer Admin may not             | cam  | update | cust1 |            | NOT_PERMITTED
        Edit Departments: Customer Admin                  | cam  | update | d1a   |            | ALLOWED
        Delete Departments: Customer Admin                | cam  | delete | d1a   |            | ALLOWED
        Delete Departments: Customer Technical may not    | tess | delete | d1a   |            | NOT_PERMITTED
        Delete Customers: N/A, so realm administrators only | sven | delete | cust1 |          | NOT_PERMITTED
        """)
    void customersAndDepartments(String rule, String user, String action, String scope, String type,
            Reason expected) {
        Decision decision = SeedSchemas.scopeDecision(POLICY, user, action, scope, type, TREE);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    @Test
    void aSalesRepIsCustomerAdminOfSeveralCustomersOfTheConduit() {
        for (String customer : List.of("cust1", "cust2")) {
            Access access = POLICY.access(Principal.user("sam"), customer, TREE, false).orElseThrow();
            assertThat(access.roles()).containsExactly("customer-admin");
            assertThat(access.allows("customers:billing:activate-demo")).isTrue(); // still a sales rep there
        }
        assertThat(POLICY.access(Principal.user("sam"), "cust3", TREE, false).orElseThrow().permissions()).isEmpty();
    }

    @Test
    void contactsHaveNoPortalPermissions() {
        Access access = POLICY.access(Principal.user("pam"), "cust1", TREE, false).orElseThrow();

        assertThat(access.roles()).containsExactly("primary-contact");
        assertThat(access.permissions()).isEmpty();
    }

    @Test
    void portalUserListsFollowTheViewTable() {
        assertThat(POLICY.mayListMembers(Principal.user("sven"), "srv", TREE).allowed()).as("View Portal Users: Support")
                .isTrue();
        assertThat(POLICY.mayListMembers(Principal.user("carl"), "srv", TREE).allowed()).isFalse();
        assertThat(POLICY.mayListMembers(Principal.user("carl"), "c1", TREE).allowed()).isTrue();
        assertThat(POLICY.mayListMembers(Principal.user("cam"), "cust1", TREE).allowed()).isFalse();
        assertThat(POLICY.visibleMembers(Principal.user("cam"), "cust1", TREE))
                .extracting(Membership::userId).containsExactly("cam");
    }
}
