package dev.arbor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborApi.Answer;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.DemoRealms;
import dev.arbor.testing.DemoTenancy;
import dev.arbor.testing.Http;
import dev.arbor.testing.Json;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.OidcClient.TokenResponse;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * ESChat (seed 001) as its portal users live it, on the demo realm {@code eschat} with real tokens: Root staffs
 * Support, a conduit admin invites a sales rep, who creates a demo customer and its departments; customer admin
 * rights stay within the conduit; every cell of the seed's Create, Edit, Delete and View tables through
 * {@code POST /check} and the claim of a token acting at the cell's scope; creating, renaming and deleting customers
 * and departments through the API by each role column; the portal user lists of the View table. Every refusal is
 * shown to have changed nothing.
 *
 * <p>The demo tree: server (root rita, support sven); conduit north (conduit admin carl, sales rep sara, customer
 * manager cora) with customers Metro Fire (customer admin cam and sara, customer technical tess, contacts pam and
 * bill; departments Dispatch and Field crews) and Harbor Works (sara; Operations); conduit south (conduit admin
 * cody) with Valley Transit (Drivers). Passwords equal usernames.
 */
@ArborIT
class EschatStoriesIT {

    private static final DemoRealms REALMS = new DemoRealms();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** The seed's role columns, in table order: Support, Conduit Admin, Sales Rep, Customer Manager, Customer
     *  Admin, Customer Technical. */
    private static final List<String> COLUMNS = List.of("sven", "carl", "sara", "cora", "cam", "tess");
    /** The permissions in the claim of a token acting at a scope, by user and scope key; empty when refused. */
    private static final Map<String, Optional<Set<String>>> CLAIMS = new ConcurrentHashMap<>();

    private static KeycloakServer server;
    private static String realm;
    private static OidcClient client;

    @BeforeAll
    static void eschat(KeycloakServer keycloak) {
        server = keycloak;
        realm = REALMS.realm(server, "eschat");
        client = OidcClient.of(server, realm, DemoTenancy.CLIENT);
    }

    @AfterAll
    static void removeRealm() {
        REALMS.close(server);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The stories

    /**
     * Root "may create and manage all other roles, especially Support Level"; Support "has full access … within a
     * server" and is the only one to see all portal users; a conduit admin staffs the conduit with a sales rep, who
     * "may create demos": a customer, its demo activated, its departments created, renamed and deleted; the conduit
     * admin gives the rep customer admin rights there, the rep invites a technical user, and takes them off again.
     */
    @Test
    void fromRootToADemoCustomerWithItsDepartmentsAndUsers() {
        String sue = newUser("sue");
        String nadia = newUser("nadia");
        String ike = newUser("ike");
        String server = scopeId("server");
        String north = scopeId("north");

        // Root invites a Support user, who accepts; Support lists the portal users, a conduit admin does not
        String toSue = invite("rita", server, sue, "support").createdId();
        assertThat(ids(call(sue, "GET", "me/invitations", null).expect(200))).containsExactly(toSue);
        call(sue, "POST", "me/invitations/" + toSue + "/accept", null).expect(200);
        assertThat(permissions(sue, "server")).contains("portal-users:all:view");
        assertThat(usernames(call(sue, "GET", "scopes/" + server + "/members?max=100", null).expect(200)))
                .contains("rita", "sven", sue);
        assertThat(usernames(call("carl", "GET", "scopes/" + server + "/members?max=100", null).expect(200)))
                .as("a conduit admin holds nothing at the server: it lists no one").isEmpty();

        // the conduit admin invites a sales rep
        String toNadia = invite("carl", north, nadia, "sales-rep").createdId();
        call(nadia, "POST", "me/invitations/" + toNadia + "/accept", null).expect(200);
        assertThat(members(north)).containsEntry(nadia, List.of("sales-rep"));

        // the sales rep creates a demo: a customer under the conduit, and activates its demo (ESChat asks Arbor)
        String bay = call(nadia, "POST", "scopes", child("customer", "Bay Ambulance", north)).createdId();
        assertThat(members(bay)).as("creating a customer gives its creator no role there").isEmpty();
        assertThat(permissions(nadia, bay)).contains("customers:billing:activate-demo", "customers:customer:edit")
                .doesNotContain("customers:billing:activate", "customers:billing:extend-demo");
        assertThat(check(nadia, "customers:billing:activate-demo", bay)).isTrue();
        assertThat(check("cora", "customers:billing:activate-demo", bay)).as("Customer Manager: may not create demos")
                .isFalse();

        // the conduit admin gives the rep customer admin rights at the new customer (within the conduit)
        call("carl", "PUT", "scopes/" + bay + "/members/" + userId(nadia) + "/roles/customer-admin", null).expect(200);
        assertThat(members(bay)).containsEntry(nadia, List.of("customer-admin"));

        // departments: created, renamed, deleted under the customer
        String dispatch = call(nadia, "POST", "scopes", child("department", "Dispatch", bay)).createdId();
        String spare = call(nadia, "POST", "scopes", child("department", "Spare", bay)).createdId();
        assertThat(call(nadia, "PATCH", "scopes/" + dispatch, "{\"name\":\"Dispatch center\"}").expect(200)
                .path("name").asText()).isEqualTo("Dispatch center");
        assertThat(call(nadia, "DELETE", "scopes/" + spare, null).status()).isEqualTo(204);
        assertThat(children(bay)).containsExactly("Dispatch center");

        // the customer admin invites a technical user, who accepts and may do what Customer Technical may
        String toIke = invite(nadia, bay, ike, "customer-technical").createdId();
        call(ike, "POST", "me/invitations/" + toIke + "/accept", null).expect(200);
        assertThat(permissions(ike, bay)).contains("users:users:create", "associations:intra-customer:view")
                .doesNotContain("departments:departments:create", "customers:customer:view");
        assertThat(call(ike, "POST", "scopes", child("department", "Ike's", bay)).status()).isEqualTo(403);
        assertThat(call(ike, "PATCH", "scopes/" + dispatch, "{\"name\":\"Ike's\"}").status()).isEqualTo(403);
        assertThat(call(ike, "DELETE", "scopes/" + dispatch, null).status()).isEqualTo(403);
        assertThat(children(bay)).as("nothing the technical user tried changed anything").containsExactly(
                "Dispatch center");

        // a technical user removes no one; the customer admin removes the technical user
        assertThat(call(ike, "DELETE", "scopes/" + bay + "/members/" + userId(nadia), null).status()).isEqualTo(403);
        assertThat(call(nadia, "DELETE", "scopes/" + bay + "/members/" + userId(ike), null).status()).isEqualTo(204);
        assertThat(members(bay)).containsOnlyKeys(nadia);

        // the conduit admin takes the customer admin rights back; the rep stays a sales rep of the conduit
        call("carl", "DELETE", "scopes/" + bay + "/members/" + userId(nadia) + "/roles/customer-admin", null)
                .expect(200);
        assertThat(members(bay)).isEmpty();
        assertThat(members(north)).containsEntry(nadia, List.of("sales-rep"));
    }

    /**
     * "Sales Rep: … be assigned with customer admin rights to multiple customers within the conduit"; "Customer
     * Manager: … may be assigned with customer admin rights to multiple customers within the conduit".
     */
    @Test
    void customerAdminRightsStayWithinTheConduit() {
        String sara = userId("sara");
        String valley = scopeId("valley-transit");

        Answer byCody = call("cody", "PUT", "scopes/" + valley + "/members/" + sara + "/roles/customer-admin", null);
        Answer toStranger = call("carl", "PUT", "scopes/" + scopeId("harbor-works") + "/members/"
                + userId(newUser("zed")) + "/roles/customer-admin", null);
        Answer toCora = call("carl", "PUT", "scopes/" + scopeId("harbor-works") + "/members/" + userId("cora")
                + "/roles/customer-admin", null);

        assertThat(byCody.status()).as("another conduit's admin, to this conduit's sales rep: " + byCody.text())
                .isEqualTo(403);
        assertThat(byCody.text()).contains("applies only to a recipient");
        assertThat(members(valley)).doesNotContainKey("sara");
        assertThat(toStranger.status()).as("someone of neither the conduit nor the customer: " + toStranger.text())
                .isEqualTo(403);
        assertThat(toCora.status()).as(toCora.text()).isEqualTo(200);
        assertThat(members(scopeId("harbor-works"))).containsEntry("cora", List.of("customer-admin"))
                .containsEntry("sara", List.of("customer-admin"));
        assertThat(permissions("cora", "harbor-works")).as("a customer manager with customer admin rights still"
                + " creates no demos").doesNotContain("customers:billing:activate-demo");
    }

    /**
     * "Within the conduit", whoever asks and however: another conduit's sales rep gets customer admin rights neither
     * directly from a conduit admin, nor by being made a user of the customer first and promoted, nor from Support,
     * who otherwise gives them to anyone ({@code not: {heldElsewhere: …}} on the recipient). Each refusal changes
     * nothing.
     */
    @Test
    void withinTheConduitWhoeverAsks() {
        String valley = scopeId("valley-transit");
        String rep = newUser("rep");
        call("carl", "PUT", "scopes/" + scopeId("north") + "/members/" + userId(rep) + "/roles/sales-rep", null)
                .expect(200);

        int direct = call("cody", "PUT", "scopes/" + valley + "/members/" + userId(rep) + "/roles/customer-admin",
                null).status();
        call("cody", "PUT", "scopes/" + valley + "/members/" + userId(rep) + "/roles/customer-technical", null)
                .expect(200);
        int promoted = call("cody", "PUT", "scopes/" + valley + "/members/" + userId(rep)
                + "/roles/customer-admin", null).status();
        int bySupport = call("sven", "PUT", "scopes/" + valley + "/members/" + userId(rep)
                + "/roles/customer-admin", null).status();
        String other = newUser("other");
        int newcomerBySupport = call("sven", "PUT", "scopes/" + valley + "/members/" + userId(other)
                + "/roles/customer-admin", null).status();

        assertThat(direct).isEqualTo(403);
        assertThat(promoted).as("a sales rep of north stays out of south's customer admins").isEqualTo(403);
        assertThat(bySupport).isEqualTo(403);
        assertThat(members(valley)).containsEntry(rep, List.of("customer-technical"));
        assertThat(newcomerBySupport).as("Support gives the rights to anyone else").isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The tables

    /**
     * Every cell of the four tables, for each role column: {@code POST /check} by the user (with {@code scopeIds}
     * for an association of two departments, judged at their lowest common ancestor) and the claim of a token acting
     * at the scope where the cell is judged (for two departments, their common ancestor; a user who may not act
     * there gets no token, which carries nothing; a user who may not see one of two departments cannot even ask about
     * them, a denial too). Y: allowed and in the claim; N: denied and not in it; RO (Read
     * Only): not this action, but viewing; NA: no such permission, denied as unknown. Scopes: customer Metro Fire,
     * its department Dispatch, conduit north, the server; across customers Metro Fire's Dispatch with Field crews
     * (same customer), Harbor Works' Operations (same conduit) or Valley Transit's Drivers (another conduit).
     */
    @ParameterizedTest(name = "{0} | {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        Create | Customer                                                 | Y  Y  Y  N  N  N  | customers:customer:create          | north
        Create | Departments                                              | Y  Y  Y  Y  Y  N  | departments:departments:create     | metro-fire
        Create | Departmental Associations (intra customer, regardless of self discovery) | Y  Y  Y  Y  Y  N  | associations:intra-customer:create | metro-fire-dispatch+metro-fire-field
        Create | Departmental Associations (inter customer/inter-conduit)  | Y  N  N  N  N  N  | associations:inter-customer:create | metro-fire-dispatch+valley-transit-drivers
        Create | Departmental Associations (inter customer/intra conduit)  | Y  Y  Y  N  N  N  | associations:inter-customer:create | metro-fire-dispatch+harbor-works-ops
        Create | Groups                                                   | Y  Y  Y  Y  Y  Y  | users:groups:create                | metro-fire
        Create | Broadcast Groups                                         | Y  N  N  N  N  N  | users:broadcast-groups:create      | metro-fire
        Create | Manual Activation Codes                                  | Y  Y  Y  Y  Y  Y  | users:activation-codes:create      | metro-fire
        Create | Users                                                    | Y  Y  Y  Y  Y  Y  | users:users:create                 | metro-fire
        Create | Notes                                                    | Y  Y  RO RO N  N  | customers:notes:create             | metro-fire
        Edit   | Customer                                                 | Y  Y  Y  Y  N  N  | customers:customer:edit            | metro-fire
        Edit   | Customer Billing: Non-Billable                           | Y  N  N  N  N  N  | customers:billing:set-non-billable | metro-fire
        Edit   | Customer Billing: Activate Demo                          | Y  Y  Y  N  N  N  | customers:billing:activate-demo    | metro-fire
        Edit   | Customer Billing: Extend Demo                            | Y  N  N  N  N  N  | customers:billing:extend-demo      | metro-fire
        Edit   | Customer Billing: Activate Customer                      | Y  Y  N  N  N  N  | customers:billing:activate         | metro-fire
        Edit   | Customer Billing: Deactivate Customer                    | Y  Y  N  N  N  N  | customers:billing:deactivate       | metro-fire
        Edit   | Customer Billing: Archive Customer                       | Y  Y  N  N  N  N  | customers:billing:archive          | metro-fire
        Edit   | Enable Client Side Recording                             | Y  Y  Y  Y  Y  N  | customers:recording:edit           | metro-fire
        Edit   | Modify External Contacts                                 | Y  Y  Y  Y  Y  N  | customers:external-contacts:edit   | metro-fire
        Edit   | RTP Gateway Config                                       | Y  Y  Y  Y  N  N  | customers:rtp-gateway:edit         | metro-fire
        Edit   | Departments                                              | Y  Y  Y  Y  Y  N  | departments:departments:edit       | metro-fire-dispatch
        Edit   | Groups                                                   | Y  Y  Y  Y  Y  Y  | users:groups:edit                  | metro-fire
        Edit   | Broadcast Groups                                         | Y  N  N  N  N  N  | users:broadcast-groups:edit        | metro-fire
        Edit   | Users                                                    | Y  Y  Y  Y  Y  Y  | users:users:edit                   | metro-fire
        Edit   | User Support Feature Keys                                | Y  Y  Y  Y  Y  Y  | users:feature-keys:edit            | metro-fire
        Edit   | Notes                                                    | Y  Y  Y  N  N  N  | customers:notes:edit               | metro-fire
        Edit   | Manual Activation Code                                   | Y  Y  Y  Y  Y  Y  | users:activation-codes:edit        | metro-fire
        Delete | Customers                                                | NA NA NA NA NA NA | customers:customer:delete          | metro-fire
        Delete | Departments                                              | Y  Y  Y  Y  Y  N  | departments:departments:delete     | metro-fire-dispatch
        Delete | Department Associations (Intra Customer)                 | Y  Y  Y  Y  Y  N  | associations:intra-customer:delete | metro-fire-dispatch+metro-fire-field
        Delete | Department Associations (Inter Customer, same server)    | Y  Y  N  N  N  N  | associations:inter-conduit:delete  | north
        Delete | Department Associations (Inter customer, same conduit)   | Y  Y  Y  N  N  N  | associations:inter-customer:delete | metro-fire-dispatch+harbor-works-ops
        Delete | Groups                                                   | Y  Y  Y  Y  Y  Y  | users:groups:delete                | metro-fire
        Delete | Users                                                    | Y  Y  Y  Y  Y  Y  | users:users:delete                 | metro-fire
        Delete | Notes                                                    | Y  Y  N  N  N  N  | customers:notes:delete             | metro-fire
        View   | Portal Users                                             | Y  N  N  N  N  N  | portal-users:all:view              | server
        View   | Portal Users Assigned to Customer                        | Y  Y  Y  Y  N  N  | portal-users:customer:view         | metro-fire
        View   | Portal Users within assigned conduit                     | Y  Y  Y  Y  N  N  | portal-users:conduit:view          | north
        View   | Notes                                                    | Y  Y  Y  Y  N  N  | customers:notes:view               | metro-fire
        View   | Customers                                                | Y  Y  Y  Y  N  N  | customers:customer:view            | metro-fire
        View   | Department Associations Intra customer                   | Y  Y  Y  Y  Y  Y  | associations:intra-customer:view   | metro-fire-dispatch+metro-fire-field
        """)
    void everyCellOfTheTables(String table, String row, String cells, String permission, String where) {
        List<String> expected = Arrays.asList(cells.trim().split("\\s+"));
        assertThat(expected).hasSize(COLUMNS.size());
        String[] keys = where.split("\\+");
        String tokenScope = keys.length == 1 ? where : commonAncestor(keys);
        for (int column = 0; column < COLUMNS.size(); column++) {
            String user = COLUMNS.get(column);
            String cell = expected.get(column);
            JsonNode decision = checkDecision(user, permission, keys);
            Optional<Set<String>> claim = claim(user, tokenScope);
            boolean inClaim = claim.map(granted -> granted.contains(permission)).orElse(false);
            String label = table + " | " + row + " | " + user + " = " + cell + " at " + where + ": " + decision;
            switch (cell) {
                case "Y" -> {
                    assertThat(decision.path("allowed").asBoolean()).as(label).isTrue();
                    assertThat(inClaim).as(label + " (claim at " + tokenScope + ")").isTrue();
                }
                case "N" -> {
                    assertThat(decision.path("allowed").asBoolean()).as(label).isFalse();
                    assertThat(decision.path("reason").asText()).as(label).isIn("NOT_PERMITTED", "INVISIBLE");
                    assertThat(inClaim).as(label + " (claim at " + tokenScope + ")").isFalse();
                }
                case "RO" -> {
                    assertThat(decision.path("allowed").asBoolean()).as(label).isFalse();
                    assertThat(inClaim).as(label).isFalse();
                    String view = permission.substring(0, permission.lastIndexOf(':')) + ":view";
                    assertThat(checkDecision(user, view, keys).path("allowed").asBoolean()).as(label + " (views)")
                            .isTrue();
                    assertThat(claim.orElseThrow()).as(label + " (views)").contains(view);
                }
                case "NA" -> {
                    assertThat(decision.path("allowed").asBoolean()).as(label).isFalse();
                    assertThat(decision.path("reason").asText()).as(label).isEqualTo("UNKNOWN");
                    assertThat(inClaim).as(label).isFalse();
                }
                default -> throw new AssertionError("unknown cell " + cell);
            }
        }
    }

    /**
     * Customers and departments are Arbor's scopes: creating (at the parent), renaming and deleting them through the
     * API by each role column, as the Create, Edit and Delete tables say. "N/A" for deleting customers: no one but
     * the realm administrator (the platform operator). A refused request changes nothing; an allowed one is undone
     * by the realm administrator.
     */
    @ParameterizedTest(name = "{0}: {1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
        Create Customer      | sven  | create-customer   | 201
        Create Customer      | carl  | create-customer   | 201
        Create Customer      | sara  | create-customer   | 201
        Create Customer      | cora  | create-customer   | 403
        Create Customer      | cam   | create-customer   | 403
        Create Customer      | tess  | create-customer   | 403
        Create Departments   | sven  | create-department | 201
        Create Departments   | carl  | create-department | 201
        Create Departments   | sara  | create-department | 201
        Create Departments   | cora  | create-department | 201
        Create Departments   | cam   | create-department | 201
        Create Departments   | tess  | create-department | 403
        Edit Customer        | sven  | rename-customer   | 200
        Edit Customer        | carl  | rename-customer   | 200
        Edit Customer        | sara  | rename-customer   | 200
        Edit Customer        | cora  | rename-customer   | 200
        Edit Customer        | cam   | rename-customer   | 403
        Edit Customer        | tess  | rename-customer   | 403
        Edit Departments     | sven  | rename-department | 200
        Edit Departments     | carl  | rename-department | 200
        Edit Departments     | sara  | rename-department | 200
        Edit Departments     | cora  | rename-department | 200
        Edit Departments     | cam   | rename-department | 200
        Edit Departments     | tess  | rename-department | 403
        Delete Departments   | sven  | delete-department | 204
        Delete Departments   | carl  | delete-department | 204
        Delete Departments   | sara  | delete-department | 204
        Delete Departments   | cora  | delete-department | 204
        Delete Departments   | cam   | delete-department | 204
        Delete Departments   | tess  | delete-department | 403
        Delete Customers N/A | sven  | delete-customer   | 403
        Delete Customers N/A | carl  | delete-customer   | 403
        Delete Customers N/A | sara  | delete-customer   | 403
        Delete Customers N/A | admin | delete-customer   | 204
        """)
    void customersAndDepartmentsThroughTheApi(String row, String user, String action, int expected) {
        String north = scopeId("north");
        String metroFire = scopeId("metro-fire");
        String name = "Made by " + user + " " + SEQUENCE.incrementAndGet();
        switch (action) {
            case "create-customer", "create-department" -> {
                String parent = action.equals("create-customer") ? north : metroFire;
                List<String> before = children(parent);
                Answer answer = call(user, "POST", "scopes", child(action.substring(7), name, parent));
                assertThat(answer.status()).as(row + ": " + answer.text()).isEqualTo(expected);
                if (expected == 201) {
                    assertThat(children(parent)).contains(name).hasSize(before.size() + 1);
                    call(DemoTenancy.ADMIN, "DELETE", "scopes/" + answer.createdId(), null).expect(204);
                } else {
                    assertThat(children(parent)).as("nothing created").isEqualTo(before);
                }
            }
            case "rename-customer", "rename-department" -> {
                String target = scopeId(action.equals("rename-customer") ? "metro-fire" : "metro-fire-dispatch");
                String original = name(target);
                Answer answer = call(user, "PATCH", "scopes/" + target, "{\"name\":\"" + name + "\"}");
                assertThat(answer.status()).as(row + ": " + answer.text()).isEqualTo(expected);
                assertThat(name(target)).isEqualTo(expected == 200 ? name : original);
                call(DemoTenancy.ADMIN, "PATCH", "scopes/" + target, "{\"name\":\"" + original + "\"}").expect(200);
            }
            case "delete-department", "delete-customer" -> {
                boolean customer = action.equals("delete-customer");
                String parent = customer ? north : metroFire;
                String made = call(DemoTenancy.ADMIN, "POST", "scopes", child(customer ? "customer" : "department",
                        name, parent)).createdId();
                Answer answer = call(user, "DELETE", "scopes/" + made, null);
                assertThat(answer.status()).as(row + ": " + answer.text()).isEqualTo(expected);
                if (expected == 204) {
                    assertThat(children(parent)).doesNotContain(name);
                } else {
                    assertThat(children(parent)).as("nothing deleted").contains(name);
                    call(DemoTenancy.ADMIN, "DELETE", "scopes/" + made, null).expect(204);
                }
            }
            default -> throw new AssertionError(action);
        }
    }

    /**
     * The View table's portal user rows as lists: the server's (Support only), a conduit's and a customer's
     * (Support, Conduit Admin, Sales Rep, Customer Manager); the others see only their own membership.
     */
    @ParameterizedTest(name = "{0} lists {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        sven | server     | true
        rita | server     | true
        carl | server     | false
        cam  | server     | false
        sven | north      | true
        carl | north      | true
        sara | north      | true
        cora | north      | true
        cam  | north      | false
        sven | metro-fire | true
        carl | metro-fire | true
        sara | metro-fire | true
        cora | metro-fire | true
        cam  | metro-fire | false
        tess | metro-fire | false
        """)
    void portalUserLists(String user, String scopeKey, boolean all) {
        String scope = scopeId(scopeKey);
        Set<String> everyone = members(scope).keySet();

        Answer answer = call(user, "GET", "scopes/" + scope + "/members?max=100", null);

        Set<String> listed = new TreeSet<>(usernames(answer.expect(200)));
        if (all) {
            assertThat(listed).isEqualTo(everyone);
        } else {
            assertThat(listed).as("only their own membership").isSubsetOf(Set.of(user));
            assertThat(everyone).hasSizeGreaterThan(1);
        }
    }

    /** "Primary Contact, Billing Contact: … don't have permission to manage the admin portal for a customer." */
    @ParameterizedTest
    @CsvSource({"pam, primary-contact", "bill, billing-contact"})
    void contactsDoNotManageThePortal(String user, String role) {
        String metroFire = scopeId("metro-fire");
        TokenResponse token = tokenAt(user, "metro-fire");
        JsonNode claim = token.tokens().accessTokenClaims().path("tenancy");
        List<String> before = children(metroFire);

        assertThat(claim.path("roles").toString()).isEqualTo("[\"" + role + "\"]");
        assertThat(claim.path("permissions")).isEmpty();
        assertThat(check(user, "users:users:create", metroFire)).isFalse();
        assertThat(call(user, "POST", "scopes", child("department", "Contacts", metroFire)).status()).isEqualTo(403);
        assertThat(call(user, "PUT", "scopes/" + metroFire + "/members/" + userId(newUser("guest"))
                + "/roles/billing-contact", null).status()).isEqualTo(403);
        assertThat(usernames(call(user, "GET", "scopes/" + metroFire + "/members", null).expect(200)))
                .containsExactly(user);
        assertThat(children(metroFire)).isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers: calls as a user (password = username; new users have "<name>-Passw0rd!") or as the realm admin

    private static final Map<String, String> PASSWORDS = new ConcurrentHashMap<>();

    private static Answer call(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.realmUri(realm, "tenancy/" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken(user))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = Http.send(request.build());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Location").orElse(null));
    }

    private static String accessToken(String user) {
        return client.tokenRequest(Map.of("grant_type", "password", "username", user,
                "password", PASSWORDS.getOrDefault(user, user))).tokens().accessToken();
    }

    private static TokenResponse tokenAt(String user, String scopeKeyOrId) {
        return client.tokenRequest(Map.of("grant_type", "password", "username", user,
                "password", PASSWORDS.getOrDefault(user, user), "tenancy_scope", scopeKeyOrId));
    }

    /** The claim's permissions of a token acting at the scope, asked afresh. */
    private static Set<String> permissions(String user, String scopeKeyOrId) {
        JsonNode claim = tokenAt(user, scopeKeyOrId).tokens().accessTokenClaims().path("tenancy");
        Set<String> permissions = new TreeSet<>();
        claim.path("permissions").forEach(permission -> permissions.add(permission.asText()));
        return permissions;
    }

    /** For the demo users' table cells, whose roles no test changes at those scopes: cached. */
    private static Optional<Set<String>> claim(String user, String scopeKey) {
        return CLAIMS.computeIfAbsent(user + "@" + scopeKey, ignored -> {
            TokenResponse token = tokenAt(user, scopeKey);
            if (token.status() != 200) {
                return Optional.empty();
            }
            JsonNode claim = token.tokens().accessTokenClaims().path("tenancy");
            assertThat(claim.path("scope").path("id").asText()).isEqualTo(scopeId(scopeKey));
            Set<String> permissions = new TreeSet<>();
            claim.path("permissions").forEach(permission -> permissions.add(permission.asText()));
            return Optional.of(permissions);
        });
    }

    private static boolean check(String user, String permission, String scopeId) {
        Answer answer = call(user, "POST", "check", "{\"permission\":\"" + permission + "\",\"scopeId\":\"" + scopeId
                + "\"}");
        return answer.expect(200).path("allowed").asBoolean();
    }

    /**
     * The decision of {@code POST /check}; a department the user may not see is no question to ask (400 naming
     * {@code scopeIds}, as CrossScopeCheckIT shows), which reads here as {@code {allowed: false, reason: INVISIBLE}}.
     */
    private static JsonNode checkDecision(String user, String permission, String... scopeKeys) {
        String body = scopeKeys.length == 1
                ? "{\"permission\":\"" + permission + "\",\"scopeId\":\"" + scopeId(scopeKeys[0]) + "\"}"
                : "{\"permission\":\"" + permission + "\",\"scopeIds\":[" + Arrays.stream(scopeKeys)
                        .map(key -> "\"" + scopeId(key) + "\"").collect(Collectors.joining(",")) + "]}";
        Answer answer = call(user, "POST", "check", body);
        if (scopeKeys.length > 1 && answer.status() == 400 && answer.json().path("field").asText().equals("scopeIds")
                && answer.text().contains("No scope")) {
            return Json.parse("{\"allowed\":false,\"reason\":\"INVISIBLE\"}");
        }
        return answer.expect(200);
    }

    /** The lowest common ancestor of the demo departments named, by key. */
    private static String commonAncestor(String... keys) {
        Set<String> customers = Arrays.stream(keys).map(key -> key.substring(0, key.lastIndexOf('-')))
                .collect(Collectors.toSet());
        if (customers.size() == 1) {
            return customers.iterator().next();
        }
        boolean oneConduit = customers.stream().noneMatch(customer -> customer.startsWith("valley"));
        return oneConduit ? "north" : "server";
    }

    private static Answer invite(String inviter, String scopeId, String invitee, String role) {
        return call(inviter, "POST", "scopes/" + scopeId + "/invitations",
                "{\"email\":\"" + invitee + "@eschat.example\",\"roles\":[\"" + role + "\"]}");
    }

    private static String child(String type, String name, String parentId) {
        return "{\"type\":\"" + type + "\",\"name\":\"" + name + "\",\"parentId\":\"" + parentId + "\"}";
    }

    /** Members of a scope as the realm administrator sees them: username to roles. */
    private static Map<String, List<String>> members(String scopeId) {
        Map<String, List<String>> members = new TreeMap<>();
        for (JsonNode member : call(DemoTenancy.ADMIN, "GET", "scopes/" + scopeId + "/members?max=1000", null)
                .expect(200).path("members")) {
            List<String> roles = new ArrayList<>();
            member.path("roles").forEach(role -> roles.add(role.asText()));
            members.put(member.path("username").asText(), roles);
        }
        return members;
    }

    private static List<String> usernames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("members").forEach(member -> names.add(member.path("username").asText()));
        return names;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static List<String> children(String parentId) {
        List<String> names = new ArrayList<>();
        call(DemoTenancy.ADMIN, "GET", "scopes?parentId=" + parentId + "&max=100", null).expect(200)
                .forEach(scope -> names.add(scope.path("name").asText()));
        names.sort(null);
        return names;
    }

    private static String name(String scopeId) {
        return call(DemoTenancy.ADMIN, "GET", "scopes/" + scopeId, null).expect(200).path("name").asText();
    }

    private static final Map<String, String> SCOPES = new ConcurrentHashMap<>();

    private static String scopeId(String key) {
        return SCOPES.computeIfAbsent(key, k -> Json.parse(Http.get(server.realmUri(realm, "tenancy/scopes?key=" + k),
                accessToken(DemoTenancy.ADMIN)).body()).get(0).path("id").asText());
    }

    private static String userId(String username) {
        return server.admin().realm(realm).users().searchByUsername(username, true).get(0).getId();
    }

    /** A user of the realm with a verified e-mail {@code <username>@eschat.example}; the username. */
    private static String newUser(String prefix) {
        String username = prefix + "-" + SEQUENCE.incrementAndGet();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@eschat.example");
        user.setEmailVerified(true);
        user.setFirstName(prefix);
        user.setLastName("Test");
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(username + "-Passw0rd!");
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response response = server.admin().realm(realm).users().create(user)) {
            CreatedResponseUtil.getCreatedId(response);
        }
        PASSWORDS.put(username, username + "-Passw0rd!");
        return username;
    }
}
