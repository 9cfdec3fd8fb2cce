package dev.arbor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.DemoRealms;
import dev.arbor.testing.DemoTenancy;
import dev.arbor.testing.Http;
import dev.arbor.testing.Json;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.TestUser;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Seed 004, Skytap, as its users live it on the demo realm ({@code realm-export/tenancy/skytap.yaml}): tenants
 * create projects and departments, invite, grant, revoke, remove and set additional permissions through the API;
 * what each role may and may not do is then read from a real token's {@code tenancy} claim at the active scope and
 * from {@code POST /check}. Every refusal is followed by proof that it changed nothing. The assumptions S1-S11 are
 * those of {@code realm-export/schemas/skytap.yaml}; {@code docs/seeds/skytap.md} maps each seed sentence here.
 */
@ArborIT
class SkytapStoriesIT {

    private static final DemoRealms REALMS = new DemoRealms();
    private static final AtomicInteger NEW_USERS = new AtomicInteger();
    private static final String VPN = "vpn:vpn:connect";
    private static final String REPORTS = "reports:reports:generate";

    private static KeycloakServer server;
    private static String realm;
    private static OidcClient client;
    private static String initech;

    @BeforeAll
    static void skytap(KeycloakServer keycloak) {
        server = keycloak;
        realm = REALMS.realm(server, "skytap");
        client = OidcClient.of(server, realm, DemoTenancy.CLIENT);
        initech = scopeId("initech");
    }

    @AfterAll
    static void removeRealm() {
        REALMS.close(server);
    }

    /** The seed's role table (S1, S2), read from each user's token at the account or project and from /check. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Delete users: administrators                            | ada  | initech   | users:users:delete           | true
        ... not user managers                                   | uma  | initech   | users:users:delete           | false
        Create and edit users: user managers                    | uma  | initech   | users:users:create           | true
        ... not standard users                                  | stan | initech   | users:users:create           | false
        Delete groups: user managers                            | uma  | initech   | users:groups:delete          | true
        Create and own projects: standard users                 | stan | initech   | projects:projects:create     | true
        ... not restricted users                                | rita | initech   | projects:projects:create     | false
        Create environments: restricted users too (S1)          | rita | initech   | resources:environments:create| true
        ... but no templates                                    | rita | initech   | resources:templates:create   | false
        Create templates: standard users                        | stan | initech   | resources:templates:create   | true
        Create and edit departments: administrators             | ada  | initech   | departments:departments:edit | true
        ... not user managers                                   | uma  | initech   | departments:departments:create | false
        Account-wide settings: administrators                   | ada  | initech   | settings:account:edit        | true
        ... not user managers                                   | uma  | initech   | settings:account:edit        | false
        Reports: mandatory for administrators                   | ada  | initech   | reports:reports:generate     | true
        ... others need the privilege                           | uma  | initech   | reports:reports:generate     | false
        Public templates: mandatory for administrators          | ada  | initech   | public:templates:copy        | true
        ... optional for others, off until enabled              | stan | initech   | public:templates:copy        | false
        Administrators can't edit public templates              | ada  | initech   | public:templates:edit        | false
        VPN: on by default for every user role (S6)             | rita | initech   | vpn:vpn:connect              | true
        Shared project resources: an editor edits them          | rita | release-7 | resources:environments:edit  | true
        ... a restricted editor shares nothing (S10)            | rita | release-7 | resources:environments:share | false
        ... a viewer views them                                 | vic  | release-7 | resources:assets:view        | true
        ... but does not use them                               | vic  | release-7 | resources:environments:use   | false
        ... the owner shares into the project                   | stan | release-7 | resources:templates:share    | true
        Public templates can't be added to projects (S11)       | stan | release-7 | public:templates:share       | false
        ... not by an administrator either                      | ada  | release-7 | public:templates:share       | false
        """)
    void theRoleTableInTheTokenAndCheck(String rule, String user, String scopeKey, String permission,
            boolean allowed) {
        String scope = scopeId(scopeKey);

        assertThat(permissions(user, scope)).as(rule + ": the token").matches(
                granted -> granted.contains(permission) == allowed, allowed ? "contains it" : "lacks it");
        assertThat(check(user, scope, permission, false).path("allowed").asBoolean()).as(rule + ": /check")
                .isEqualTo(allowed);
    }

    /** "Whether or not the user owns the resource": the app tells /check, at the account. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Standard users edit the environments they own                | stan | resources:environments:edit   | true  | true
        ... and share them                                           | stan | resources:environments:share  | true  | true
        By default, users can't view the resources owned by others   | stan | resources:environments:view   | false | false
        Restricted users manage the environments they own (S1)       | rita | resources:environments:delete | true  | true
        ... but share nothing (S1)                                   | rita | resources:environments:share  | true  | false
        Administrators edit resources owned by all users             | ada  | resources:templates:edit      | false | true
        """)
    void ownedResources(String rule, String user, String permission, boolean resourceOwner, boolean allowed) {
        assertThat(check(user, initech, permission, resourceOwner).path("allowed").asBoolean()).as(rule)
                .isEqualTo(allowed);
    }

    /** "Create and own projects": a standard user creates one and owns it; a restricted user can't. */
    @Test
    void tenantsCreateTheirProjectsAndOwnThem() {
        HttpResponse<String> created = call("stan", "POST", "scopes", project("Stan's lab"));
        HttpResponse<String> refused = call("rita", "POST", "scopes", project("Rita's lab"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String lab = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        assertThat(members(lab)).containsExactly(Map.entry("stan", List.of("owner")));
        assertThat(permissions("stan", lab)).contains("projects:projects:manage", "resources:templates:share");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(projectNames()).contains("Stan's lab").doesNotContain("Rita's lab");

        // its owner manages it: adds members, renames it; an editor does neither
        assertThat(call("stan", "PUT", rolePath(lab, "dora", "editor"), null).statusCode()).isEqualTo(200);
        HttpResponse<String> renamedByEditor = call("dora", "PATCH", "scopes/" + lab, "{\"name\":\"Dora's\"}");
        HttpResponse<String> deletedByEditor = call("dora", "DELETE", "scopes/" + lab, null);
        assertThat(renamedByEditor.statusCode()).as(renamedByEditor.body()).isEqualTo(403);
        assertThat(deletedByEditor.statusCode()).as(deletedByEditor.body()).isEqualTo(403);
        assertThat(projectNames()).contains("Stan's lab");
        assertThat(call("stan", "PATCH", "scopes/" + lab, "{\"name\":\"Stan's bench\"}").statusCode()).isEqualTo(200);
        assertThat(projectNames()).contains("Stan's bench").doesNotContain("Stan's lab");
        assertThat(call("stan", "DELETE", "scopes/" + lab, null).statusCode()).isEqualTo(204);
        assertThat(projectNames()).doesNotContain("Stan's bench");
    }

    /**
     * "A restricted user can't create a project, but another user can make a restricted user a project owner";
     * project roles depend "on their project role and user role" (S10).
     */
    @Test
    void aRestrictedOwnerManagesTheProjectButCreatesAndSharesNothing() {
        String lab = created(call("stan", "POST", "scopes", project("Handed over")));
        HttpResponse<String> handedOver = call("stan", "PUT", rolePath(lab, "rita", "owner") + "?transfer=true", null);
        assertThat(handedOver.statusCode()).as(handedOver.body()).isEqualTo(200);
        assertThat(call("rita", "PUT", rolePath(lab, "dora", "manager"), null).statusCode()).isEqualTo(200);

        List<String> rita = permissions("rita", lab);
        assertThat(rita).contains("projects:projects:manage")
                .doesNotContain("projects:projects:create", "resources:templates:share", "resources:assets:share");
        assertThat(check("rita", lab, "projects:projects:create", false).path("allowed").asBoolean()).isFalse();
        assertThat(check("rita", lab, "resources:environments:share", false).path("allowed").asBoolean()).isFalse();
        assertThat(permissions("dora", lab)).as("a standard manager shares").contains("resources:templates:share");
        HttpResponse<String> refused = call("rita", "POST", "scopes", project("Rita's own"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(projectNames()).doesNotContain("Rita's own");
        assertThat(members(lab)).containsEntry("rita", List.of("owner")).containsEntry("dora", List.of("manager"))
                .doesNotContainKey("stan");
    }

    /** Projects share with "other Skytap users": project roles go to users of the account (S10). */
    @Test
    void projectsShareWithUsersOfTheAccountOnly() {
        String lab = created(call("stan", "POST", "scopes", project("Shared lab")));
        String outsider = newUser();

        HttpResponse<String> refused = call("stan", "PUT", "scopes/" + lab + "/members/" + userId(outsider)
                + "/roles/viewer", null);
        HttpResponse<String> granted = call("stan", "PUT", rolePath(lab, "uma", "viewer"), null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("recipient");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(members(lab)).containsOnlyKeys("stan", "uma");
        assertThat(permissions("uma", lab)).contains("resources:assets:view");
    }

    /** "Create and edit departments" is the administrator's; nobody but realm administrators deletes one (S7). */
    @Test
    void administratorsCreateAndEditDepartments() {
        HttpResponse<String> byUserManager = call("uma", "POST", "scopes", department("Support"));
        String qa = created(call("ada", "POST", "scopes", department("QA")));

        assertThat(byUserManager.statusCode()).as(byUserManager.body()).isEqualTo(403);
        assertThat(members(qa)).as("the creator holds nothing there").isEmpty();
        HttpResponse<String> renamedByUserManager = call("uma", "PATCH", "scopes/" + qa, "{\"name\":\"Uma's\"}");
        assertThat(renamedByUserManager.statusCode()).as(renamedByUserManager.body()).isEqualTo(403);
        assertThat(call("ada", "PATCH", "scopes/" + qa, "{\"name\":\"Quality\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> deletedByAdministrator = call("ada", "DELETE", "scopes/" + qa, null);
        assertThat(deletedByAdministrator.statusCode()).as(deletedByAdministrator.body()).isEqualTo(403);
        assertThat(children("department")).contains("Quality").doesNotContain("QA", "Uma's", "Support");
        assertThat(call(DemoTenancy.ADMIN, "DELETE", "scopes/" + qa, null).statusCode()).isEqualTo(204);
        assertThat(children("department")).doesNotContain("Quality");
    }

    /** A user belongs to one department (S7); user managers move users between departments. */
    @Test
    void oneDepartmentPerUser() {
        String support = created(call("ada", "POST", "scopes", department("Support desk")));
        String user = newUser();
        String engineering = scopeId("initech-engineering");
        assertThat(call("uma", "PUT", "scopes/" + initech + "/members/" + userId(user) + "/roles/standard", null)
                .statusCode()).isEqualTo(200);
        assertThat(call("uma", "PUT", "scopes/" + engineering + "/members/" + userId(user) + "/roles/member", null)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> second = call("ada", "PUT", "scopes/" + support + "/members/" + userId(user)
                + "/roles/member", null);

        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(second.body()).contains("scopesPerUser");
        assertThat(members(support)).doesNotContainKey(user);
        assertThat(call("uma", "DELETE", "scopes/" + engineering + "/members/" + userId(user), null).statusCode())
                .isEqualTo(204);
        assertThat(call("uma", "PUT", "scopes/" + support + "/members/" + userId(user) + "/roles/member", null)
                .statusCode()).isEqualTo(200);
        assertThat(members(support)).containsEntry(user, List.of("member"));
        assertThat(members(engineering)).doesNotContainKey(user);
    }

    /** "Reporting can be enabled for ... just the user's department"; restricted users stay restricted (S8). */
    @Test
    void restrictedUsersStayRestrictedInTheirDepartment() {
        String sales = scopeId("initech-sales");
        String engineering = scopeId("initech-engineering");
        assertThat(call("ada", "PUT", rolePath(sales, "vic", "member"), null).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = call("ada", "PUT", "scopes/" + sales + "/members/" + userId("vic")
                + "/options", "{\"options\":[\"" + REPORTS + "\"]}");
        HttpResponse<String> given = call("ada", "PUT", "scopes/" + engineering + "/members/" + userId("stan")
                + "/options", "{\"options\":[\"" + REPORTS + "\"]}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("restricted users stay restricted");
        assertThat(options(sales, "vic")).isEmpty();
        assertThat(permissions("vic", sales)).doesNotContain(REPORTS);
        assertThat(check("vic", sales, REPORTS, false).path("allowed").asBoolean()).isFalse();
        assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
        assertThat(permissions("stan", engineering)).contains(REPORTS);
        assertThat(permissions("stan", initech)).as("the department only").doesNotContain(REPORTS);
    }

    /** "Delete users" is the administrator's (S9): a user manager creates users but removes none. */
    @Test
    void onlyAdministratorsDeleteUsers() {
        String user = newUser();
        assertThat(call("uma", "PUT", "scopes/" + initech + "/members/" + userId(user) + "/roles/standard", null)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> removed = call("uma", "DELETE", "scopes/" + initech + "/members/" + userId(user), null);
        HttpResponse<String> revoked = call("uma", "DELETE", "scopes/" + initech + "/members/" + userId(user)
                + "/roles/standard", null);
        HttpResponse<String> standardRemoved = call("uma", "DELETE", "scopes/" + initech + "/members/"
                + userId("dora"), null);

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(403);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(403);
        assertThat(standardRemoved.statusCode()).as(standardRemoved.body()).isEqualTo(403);
        assertThat(members(initech)).containsEntry(user, List.of("standard")).containsEntry("dora",
                List.of("standard"));
        assertThat(permissions(user, initech)).contains("resources:templates:create");
        assertThat(call("ada", "DELETE", "scopes/" + initech + "/members/" + userId(user), null).statusCode())
                .isEqualTo(204);
        assertThat(members(initech)).doesNotContainKey(user);
        assertThat(call(user, "GET", "me", null).body()).as("the account is no longer theirs").doesNotContain(initech);
    }

    /**
     * "Create and edit users": a user manager changes a user's role among those they may give in one request
     * ({@code replace=true}), the user never without one, while deleting users stays the administrator's (S9). A
     * plain second role of the group is refused; an administrator's role is not theirs to take.
     */
    @Test
    void aUserManagerChangesAUsersRoleInOneRequest() {
        String user = newUser();
        String path = "scopes/" + initech + "/members/" + userId(user) + "/roles/";
        assertThat(call("uma", "PUT", path + "standard", null).statusCode()).isEqualTo(200);

        HttpResponse<String> second = call("uma", "PUT", path + "restricted", null);
        HttpResponse<String> both = call("uma", "PUT", path + "restricted?replace=true&transfer=true", null);
        HttpResponse<String> adminsRole = call("uma", "PUT", "scopes/" + initech + "/members/" + userId("ada")
                + "/roles/standard?replace=true", null);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(both.statusCode()).as(both.body()).isEqualTo(400);
        assertThat(adminsRole.statusCode()).as(adminsRole.body()).isEqualTo(403);
        assertThat(members(initech)).containsEntry(user, List.of("standard")).containsEntry("ada",
                List.of("administrator"));

        HttpResponse<String> changed = call("uma", "PUT", path + "restricted?replace=true", null);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(members(initech)).containsEntry(user, List.of("restricted"));
        assertThat(permissions(user, initech)).contains("resources:environments:create")
                .doesNotContain("resources:templates:create", "projects:projects:create");
        assertThat(call("uma", "DELETE", path + "restricted", null).statusCode()).isEqualTo(403);
    }

    /**
     * A user manager invites a user, who accepts and connects to the VPN by default; the user manager cannot
     * restrict it, an administrator does (S6, S9).
     */
    @Test
    void everyUserConnectsToTheVpnUntilAnAdministratorRestrictsIt() {
        String ivy = newUser();
        HttpResponse<String> sent = call("uma", "POST", "scopes/" + initech + "/invitations",
                "{\"email\":\"" + ivy + "@skytap.example\",\"roles\":[\"standard\"]}");
        String invitation = created(sent);
        JsonNode mine = Json.parse(call(ivy, "GET", "me/invitations", null).body());
        assertThat(mine.toString()).contains(invitation);
        HttpResponse<String> accepted = call(ivy, "POST", "me/invitations/" + invitation + "/accept", null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(permissions(ivy, initech)).contains(VPN, "resources:templates:create");
        assertThat(check(ivy, initech, VPN, false).path("allowed").asBoolean()).isTrue();

        HttpResponse<String> byUserManager = call("uma", "PUT", "scopes/" + initech + "/members/" + userId(ivy)
                + "/options", "{\"options\":[]}");
        assertThat(byUserManager.statusCode()).as(byUserManager.body()).isEqualTo(403);
        assertThat(options(initech, ivy)).containsExactly(VPN);
        assertThat(permissions(ivy, initech)).contains(VPN);

        HttpResponse<String> byAdministrator = call("ada", "PUT", "scopes/" + initech + "/members/" + userId(ivy)
                + "/options", "{\"options\":[]}");
        assertThat(byAdministrator.statusCode()).as(byAdministrator.body()).isEqualTo(200);
        assertThat(options(initech, ivy)).isEmpty();
        assertThat(permissions(ivy, initech)).doesNotContain(VPN);
        assertThat(check(ivy, initech, VPN, false).path("allowed").asBoolean()).isFalse();
    }

    /** "An administrator must grant reporting privileges"; public templates are enabled or restricted per user. */
    @Test
    void administratorsEnableReportingAndPublicTemplates() {
        String user = newUser();
        assertThat(call("uma", "PUT", "scopes/" + initech + "/members/" + userId(user) + "/roles/standard", null)
                .statusCode()).isEqualTo(200);
        String path = "scopes/" + initech + "/members/" + userId(user) + "/options";

        HttpResponse<String> byUserManager = call("uma", "PUT", path,
                "{\"options\":[\"" + VPN + "\",\"" + REPORTS + "\"]}");
        assertThat(byUserManager.statusCode()).as(byUserManager.body()).isEqualTo(403);
        assertThat(permissions(user, initech)).doesNotContain(REPORTS);

        HttpResponse<String> byAdministrator = call("ada", "PUT", path, "{\"options\":[\"" + VPN + "\",\"" + REPORTS
                + "\",\"public:templates:view\",\"public:templates:copy\"]}");
        assertThat(byAdministrator.statusCode()).as(byAdministrator.body()).isEqualTo(200);
        assertThat(permissions(user, initech)).contains(REPORTS, "public:templates:copy", VPN);
        HttpResponse<String> restricted = call("ada", "PUT", path, "{\"options\":[\"" + VPN + "\",\"" + REPORTS
                + "\"]}");
        assertThat(restricted.statusCode()).as(restricted.body()).isEqualTo(200);
        assertThat(permissions(user, initech)).contains(REPORTS).doesNotContain("public:templates:copy");
        HttpResponse<String> mandatory = call("ada", "PUT", "scopes/" + initech + "/members/" + userId("ada")
                + "/options", "{\"options\":[\"" + REPORTS + "\"]}");
        assertThat(mandatory.statusCode()).as("mandatory, can't be set: " + mandatory.body()).isEqualTo(400);
    }

    /**
     * "Public templates can't be added to projects, but they can be copied (and their copies can be shared)" (S11):
     * the app asks before adding a resource to a project; for a public template the permission exists and nobody
     * holds it, not even an administrator, while the copy is the copier's own template.
     */
    @Test
    void publicTemplatesCannotBeAddedToProjectsButTheirCopiesCan() {
        String release = scopeId("release-7");

        for (String user : List.of("stan", "ada")) {
            JsonNode decision = check(user, release, "public:templates:share", false);
            assertThat(decision.path("allowed").asBoolean()).as(user).isFalse();
            assertThat(decision.path("reason").asText()).as(user + ": a declared permission nobody holds, not an"
                    + " unknown one").isEqualTo("NOT_PERMITTED");
            assertThat(permissions(user, release)).doesNotContain("public:templates:share", "public:assets:share");
        }
        assertThat(check("ada", initech, "public:templates:copy", false).path("allowed").asBoolean()).isTrue();
        assertThat(check("stan", initech, "resources:templates:share", true).path("allowed").asBoolean())
                .as("the copy is stan's own template").isTrue();
        assertThat(check("stan", release, "resources:templates:share", false).path("allowed").asBoolean())
                .as("shared into the project he owns").isTrue();
    }

    /**
     * The additional permissions table ("O" optional, "M" mandatory, "-" not allowed), for a new user of each
     * role whom an administrator gives the permission (beside the VPN, on by default): given, it is in the token;
     * refused, nothing changed.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Public templates and assets: O for restricted users     | restricted    | public:assets:view           | 200
        Import VMs: - for restricted users                      | restricted    | vms:vms:import               | 400
        Export VMs: O for standard users                        | standard      | vms:vms:export               | 200
        Reports: - for restricted users                         | restricted    | reports:reports:generate     | 400
        Reports: O for user managers                            | user-manager  | reports:reports:generate     | 200
        Reports: M for administrators, can't be disabled        | administrator | reports:reports:generate     | 400
        Promiscuous mode: - for restricted users                | restricted    | network:promiscuous-mode:set | 400
        Promiscuous mode: O for administrators too              | administrator | network:promiscuous-mode:set | 200
        """)
    void theAdditionalPermissionsTable(String rule, String role, String option, int expected) {
        String user = newUser();
        assertThat(call("ada", "PUT", "scopes/" + initech + "/members/" + userId(user) + "/roles/" + role, null)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> answer = call("ada", "PUT", "scopes/" + initech + "/members/" + userId(user)
                + "/options", "{\"options\":[\"" + VPN + "\",\"" + option + "\"]}");

        assertThat(answer.statusCode()).as(rule + ": " + answer.body()).isEqualTo(expected);
        if (expected == 200) {
            assertThat(options(initech, user)).containsExactlyInAnyOrder(VPN, option);
            assertThat(permissions(user, initech)).as(rule).contains(option);
        } else {
            assertThat(options(initech, user)).as(rule + ": nothing changed").containsExactly(VPN);
            assertThat(permissions(user, initech).contains(option)).as(rule + ": mandatory or absent")
                    .isEqualTo(role.equals("administrator"));
        }
    }

    /**
     * Promiscuous mode "is displayed when your customer account is enabled for promiscuous mode" (S12): Skytap,
     * the realm's administrator, enables the account; an administrator of the account cannot.
     */
    @Test
    void promiscuousModeOnlyWhereTheAccountIsEnabledForIt() {
        String user = newUser();
        String other = newUser();
        for (String each : List.of(user, other)) {
            assertThat(call("ada", "PUT", "scopes/" + initech + "/members/" + userId(each) + "/roles/standard", null)
                    .statusCode()).isEqualTo(200);
        }
        String promiscuous = "{\"options\":[\"" + VPN + "\",\"network:promiscuous-mode:set\"]}";
        assertThat(call("ada", "PUT", "scopes/" + initech + "/members/" + userId(user) + "/options", promiscuous)
                .statusCode()).isEqualTo(200);
        assertThat(permissions(user, initech)).contains("network:promiscuous-mode:set");

        HttpResponse<String> byAdministrator = call("ada", "PATCH", "scopes/" + initech,
                "{\"attributes\":{\"promiscuousMode\":false}}");
        assertThat(byAdministrator.statusCode()).as(byAdministrator.body()).isEqualTo(403);
        assertThat(permissions(user, initech)).contains("network:promiscuous-mode:set");
        try {
            assertThat(call(DemoTenancy.ADMIN, "PATCH", "scopes/" + initech,
                    "{\"attributes\":{\"promiscuousMode\":false}}").statusCode()).isEqualTo(200);

            assertThat(permissions(user, initech)).doesNotContain("network:promiscuous-mode:set");
            assertThat(check(user, initech, "network:promiscuous-mode:set", false).path("allowed").asBoolean())
                    .isFalse();
            HttpResponse<String> refused = call("ada", "PUT", "scopes/" + initech + "/members/" + userId(other)
                    + "/options", promiscuous);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(options(initech, other)).containsExactly(VPN);
        } finally {
            call(DemoTenancy.ADMIN, "PATCH", "scopes/" + initech, "{\"attributes\":{\"promiscuousMode\":true}}");
        }
        assertThat(permissions(user, initech)).contains("network:promiscuous-mode:set");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static String project(String name) {
        return "{\"type\":\"project\",\"name\":\"" + name + "\",\"parentId\":\"" + initech + "\"}";
    }

    private static String department(String name) {
        return "{\"type\":\"department\",\"name\":\"" + name + "\",\"parentId\":\"" + initech + "\"}";
    }

    private static String created(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return answer.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
    }

    private static List<String> projectNames() {
        return children("project");
    }

    private static List<String> children(String type) {
        List<String> names = new ArrayList<>();
        Json.parse(call(DemoTenancy.ADMIN, "GET", "scopes?parentId=" + initech + "&type=" + type + "&max=1000",
                null).body()).forEach(scope -> names.add(scope.path("name").asText()));
        return names;
    }

    private static String rolePath(String scope, String username, String role) {
        return "scopes/" + scope + "/members/" + userId(username) + "/roles/" + role;
    }

    /** Username to roles of every member of {@code scope}, as the realm administrator lists them. */
    private static Map<String, List<String>> members(String scope) {
        Map<String, List<String>> members = new HashMap<>();
        for (JsonNode member : memberList(scope)) {
            List<String> roles = new ArrayList<>();
            member.path("roles").forEach(role -> roles.add(role.asText()));
            members.put(member.path("username").asText(), roles);
        }
        return members;
    }

    private static List<String> options(String scope, String username) {
        List<String> options = new ArrayList<>();
        for (JsonNode member : memberList(scope)) {
            if (member.path("username").asText().equals(username)) {
                member.path("options").forEach(option -> options.add(option.asText()));
            }
        }
        return options;
    }

    private static JsonNode memberList(String scope) {
        HttpResponse<String> answer = call(DemoTenancy.ADMIN, "GET", "scopes/" + scope + "/members?max=1000", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.parse(answer.body()).path("members");
    }

    /** The permissions of the {@code tenancy} claim in a real access token of {@code user} acting in {@code scope}. */
    private static List<String> permissions(String user, String scope) {
        JsonNode claim = client.password(new TestUser(null, user, user), Map.of("tenancy_scope", scope))
                .accessTokenClaims().path("tenancy");
        assertThat(claim.path("scope").path("id").asText()).as(user + " acts in " + scope).isEqualTo(scope);
        List<String> permissions = new ArrayList<>();
        claim.path("permissions").forEach(permission -> permissions.add(permission.asText()));
        return permissions;
    }

    private static JsonNode check(String user, String scope, String permission, boolean resourceOwner) {
        HttpResponse<String> answer = call(user, "POST", "check", "{\"scopeId\":\"" + scope + "\",\"permission\":\""
                + permission + "\",\"resourceOwner\":" + resourceOwner + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.parse(answer.body());
    }

    private static HttpResponse<String> call(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.realmUri(realm, "tenancy/" + path))
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return Http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String token(String username) {
        return client.password(new TestUser(null, username, username)).accessToken();
    }

    private static String scopeId(String key) {
        return Json.parse(call(DemoTenancy.ADMIN, "GET", "scopes?key=" + key, null).body()).get(0).path("id")
                .asText();
    }

    private static String userId(String username) {
        return server.admin().realm(realm).users().searchByUsername(username, true).get(0).getId();
    }

    /** A new user of the realm, not yet of the account: password = username, a verified e-mail. */
    private static String newUser() {
        String username = "newcomer-" + NEW_USERS.incrementAndGet();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@skytap.example");
        user.setEmailVerified(true);
        user.setFirstName(username);
        user.setLastName("Skytap");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(username);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = server.admin().realm(realm).users().create(user)) {
            CreatedResponseUtil.getCreatedId(response);
        }
        return username;
    }
}
