package dev.arbor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.DemoRealms;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.RealmSetup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * Seed 000, SkyPort, on its demo realm, as its users live it. Clear-Com (the realm administrator) opens account
 * Nimbus for its owner owen; owen invites adele as account admin; owen creates workspace Studio and, while it has no
 * owner, makes walt its workspace admin; adele creates workspace Lab; adele hands Studio to wanda, its workspace
 * owner, who enrols gene (Gen-IC admin) and vic (virtual-client user). Each test then asks what the seed says, through
 * the API, {@code POST /check} and real tokens; tests that change the tree build their own account.
 */
@ArborIT
class SkyportStoriesIT {

    private static final DemoRealms REALMS = new DemoRealms();
    private static final String BILLING_BACKEND = "skyport-billing";
    private static SeedStories story;
    private static String owen;
    private static String adele;
    private static String walt;
    private static String wanda;
    private static String gene;
    private static String vic;
    private static String nimbus;
    private static String studio;
    private static String lab;
    private static Map<String, String> scopes;

    @BeforeAll
    static void nimbus(KeycloakServer server) {
        story = new SeedStories(server, REALMS, "skyport");
        owen = story.signUp("owen");
        adele = story.signUp("adele");
        walt = story.signUp("walt");
        wanda = story.signUp("wanda");
        gene = story.signUp("gene");
        vic = story.signUp("vic");

        nimbus = story.rootScope("account", "Nimbus", "{\"firstPurchaseDone\":false}");
        story.admin().put(story.roles(nimbus, owen, "owner")).expect(200);
        story.inviteAndAccept(owen, nimbus, adele, "admin");
        studio = story.child(owen, nimbus, "workspace", "Studio");
        lab = story.child(adele, nimbus, "workspace", "Lab");
        story.inviteAndAccept(owen, studio, walt, "admin");
        story.inviteAndAccept(adele, studio, wanda, "owner");
        story.inviteAndAccept(wanda, studio, gene, "genic-admin");
        story.inviteAndAccept(walt, studio, vic, "virtual-client-user");
        scopes = Map.of("nimbus", nimbus, "studio", studio, "lab", lab);
        billingBackend(server);
    }

    @AfterAll
    static void removeRealm(KeycloakServer server) {
        REALMS.close(server);
    }

    /** Every cell: the claim of a token acting at the scope, and {@code /check}, say the same. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        10a Account Owner has all permissions: settings                    | owen  | nimbus | account:settings:edit                | true
        10a ... changes ownership of the account                           | owen  | nimbus | account:ownership:transfer           | true
        10a ... removes admins                                             | owen  | nimbus | account:admins:remove                | true
        14  ... makes the first purchase                                   | owen  | nimbus | billing:purchases:create             | true
        12b Account Admin: same permissions as the owner                   | adele | nimbus | account:settings:edit                | true
        12c ... except removing other admins                               | adele | nimbus | account:admins:remove                | false
        12d ... and changing ownership of the account                      | adele | nimbus | account:ownership:transfer           | false
        14  ... and the first purchase                                     | adele | nimbus | billing:purchases:create             | false
        19b the account owner moves subscriptions into a workspace         | owen  | nimbus | workspaces:assignments:move          | true
        19b ... so does the account admin                                  | adele | nimbus | workspaces:assignments:move          | true
        16d Account Owner won't start subscriptions once Studio has an owner | owen | studio | subscriptions:subscriptions:start   | false
        16d ... nor stop them                                              | owen  | studio | subscriptions:subscriptions:stop     | false
        16e ... nor change their name                                      | owen  | studio | subscriptions:subscriptions:rename   | false
        16e ... nor their deployment target                                | owen  | studio | subscriptions:subscriptions:retarget | false
        16g ... nor see the configured users                               | owen  | studio | users:members:view                   | false
        16f Account Admin loses start as well                              | adele | studio | subscriptions:subscriptions:start    | false
        16f ... stop                                                       | adele | studio | subscriptions:subscriptions:stop     | false
        16f ... the name                                                   | adele | studio | subscriptions:subscriptions:rename   | false
        16f ... the deployment target                                      | adele | studio | subscriptions:subscriptions:retarget | false
        16h ... and seeing the configured users                            | adele | studio | users:members:view                   | false
        P7  only those: the account owner still sees the subscriptions     | owen  | studio | subscriptions:subscriptions:view     | true
        17  without a workspace owner the account owner is owner of Lab    | owen  | lab    | subscriptions:subscriptions:start    | true
        17  ... and sees its users                                         | owen  | lab    | users:members:view                   | true
        17  the account admin keeps its rights in Lab                      | adele | lab    | subscriptions:subscriptions:retarget | true
        16a Workspace Owner has all of the permissions within Studio       | wanda | studio | subscriptions:subscriptions:start    | true
        16a ... the deployment target                                      | wanda | studio | subscriptions:subscriptions:retarget | true
        16a ... sees the configured users                                  | wanda | studio | users:members:view                   | true
        16a ... invites users                                              | wanda | studio | users:members:invite                 | true
        19a Workspace Owner makes no purchases                             | wanda | studio | billing:purchases:create             | false
        19b ... nor moves subscriptions in                                 | wanda | studio | workspaces:assignments:move          | false
        26a Workspace Admin: the same permissions as the owner: start      | walt  | studio | subscriptions:subscriptions:start    | true
        26a ... the deployment target                                      | walt  | studio | subscriptions:subscriptions:retarget | true
        26a ... sees the configured users                                  | walt  | studio | users:members:view                   | true
        26a ... and no purchases either                                    | walt  | studio | billing:purchases:create             | false
        28  Gen-IC Admin connects to a Gen-IC through SkyPort              | gene  | studio | genic:instances:connect              | true
        28  ... and nothing more                                           | gene  | studio | subscriptions:subscriptions:start    | false
        28  ... sees no users                                              | gene  | studio | users:members:view                   | false
        """)
    void whatEachRoleMayDo(String rule, String user, String scope, String permission, boolean allowed) {
        story.assertPermission(rule, users().get(user), scopes.get(scope), permission, allowed);
    }

    /** 16b, 10b: the workspace owner holds the role in Studio's token; the account owner acts as owner only in Lab. */
    @Test
    void theTokenNamesTheRoleHeldAndTheOwnerActedAs() {
        assertThat(SeedStories.texts(story.claimAt(wanda, studio).path("roles"))).containsExactly("owner");
        assertThat(SeedStories.texts(story.claimAt(owen, lab).path("roles"))).containsExactly("owner");
        assertThat(SeedStories.texts(story.claimAt(owen, studio).path("roles"))).doesNotContain("owner");
        JsonNode atStudio = story.claimAt(owen, studio);
        assertThat(SeedStories.values(atStudio.path("path"), "id")).containsExactly(nimbus, studio);
        assertThat(SeedStories.texts(story.claimAt(owen, nimbus).path("roles"))).containsExactly("owner");
    }

    /** 19a, 19b: the workspace's people act in no account: there is nothing to buy with. */
    @Test
    void theWorkspaceSideNeitherBuysNorActsInTheAccount() {
        for (String user : List.of(wanda, walt, gene)) {
            assertThat(story.actIn(user, nimbus).status()).as(user + " acts in the account").isNotEqualTo(200);
            assertThat(story.check(user, nimbus, "billing:purchases:create")).as(user + " buys").isFalse();
            assertThat(story.check(user, nimbus, "workspaces:assignments:move")).isFalse();
        }
    }

    /** 16g, 16h: once Studio has an owner the account side sees only what it holds there; the workspace sees all. */
    @Test
    void theAccountSideNoLongerSeesTheConfiguredUsers() {
        List<String> configured = List.of(story.id(walt), story.id(gene), story.id(vic));
        for (String accountSide : List.of(owen, adele)) {
            JsonNode page = story.as(accountSide).get("scopes/" + studio + "/members").expect(200);
            assertThat(page.path("complete").asBoolean()).as(accountSide).isFalse();
            assertThat(SeedStories.values(page, "userId")).as(accountSide).doesNotContainAnyElementsOf(configured);
        }
        JsonNode byOwner = story.as(wanda).get("scopes/" + studio + "/members").expect(200);
        assertThat(byOwner.path("complete").asBoolean()).isTrue();
        assertThat(SeedStories.values(byOwner, "userId")).containsAll(configured).contains(story.id(wanda));
        assertThat(story.as(owen).get("scopes/" + lab + "/members").expect(200).path("complete").asBoolean())
                .as("17: Lab has no owner: the account owner sees its users").isTrue();
    }

    /**
     * 30a (issue 14, Found): virtual-client users "do not give any access to SkyPort". vic is on record at Studio
     * (listed with the role to its owner, for the Agent-IC side) but sees neither Studio nor Nimbus, acts in
     * neither, and no check answers yes.
     */
    @Test
    void virtualClientUsersHaveNoAccessToSkyPort() {
        SeedStories.Api asVic = story.as(vic);

        assertThat(asVic.get("scopes").expect(200)).as("the scopes vic reaches").isEmpty();
        assertThat(asVic.get("scopes/" + nimbus).status()).isEqualTo(404);
        assertThat(asVic.get("scopes/" + studio).status()).isEqualTo(404);
        SeedStories.Answer children = asVic.get("scopes?parentId=" + nimbus);
        assertThat(children.status()).as("an account vic may not see is no question: " + children.text())
                .isEqualTo(400);
        assertThat(asVic.get("scopes/" + studio + "/members").status()).isEqualTo(404);
        for (String scope : List.of(nimbus, studio)) {
            OidcClient.TokenResponse token = story.actIn(vic, scope);
            assertThat(token.status()).as("vic acts in " + scope + ": " + token.body()).isEqualTo(400);
            assertThat(token.body().path("error").asText()).isEqualTo("access_denied");
        }
        JsonNode claim = story.claim(vic);
        assertThat(claim == null || claim.path("scope").isMissingNode() || claim.path("scope").isNull())
                .as("no active scope: " + claim).isTrue();
        for (String permission : List.of("subscriptions:subscriptions:view", "genic:instances:connect",
                "workspaces:workspaces:view")) {
            SeedStories.Answer check = asVic.post("check", "{\"scopeId\":\"" + studio + "\",\"permission\":\""
                    + permission + "\"}");
            assertThat(check.status() == 404 || !check.json().path("allowed").asBoolean())
                    .as(permission + ": " + check.text()).isTrue();
        }
        JsonNode byOwner = story.as(wanda).get("scopes/" + studio + "/members").expect(200);
        assertThat(byOwner.toString()).contains(story.id(vic)).contains("virtual-client-user");
    }

    /** The Aug 7, 2024 rules, 12a and P5, as invitations; a refused invitation is not on record. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        21  Only a Workspace owner can invite a Workspace admin               | wanda | studio | admin               | 201
        22  A Workspace admin cannot invite another workspace admin           | walt  | studio | admin               | 403
        23  An Account admin cannot invite a workspace admin                  | adele | lab    | admin               | 403
        23  ... nor in a workspace with an owner                              | adele | studio | admin               | 403
        24  An Account Owner can invite a workspace admin if there is no owner | owen | lab    | admin               | 201
        24  ... but not once the workspace has an owner                       | owen  | studio | admin               | 403
        16i There could only be one Workspace Owner per workspace             | owen  | studio | owner               | 409
        16b The Workspace Owner role is given by an Account Owner             | owen  | lab    | owner               | 201
        12a The owner delegates to account admins                             | owen  | nimbus | admin               | 201
        12a Admins add admins                                                 | adele | nimbus | admin               | 201
        10c There can only be one Account owner                               | owen  | nimbus | owner               | 409
        12d An Account admin does not change ownership                        | adele | nimbus | owner               | 403
        P5  the workspace owner enrols Gen-IC admins                          | wanda | studio | genic-admin         | 201
        P5  ... the workspace admin virtual-client users                      | walt  | studio | virtual-client-user | 201
        P5  the account admin enrols users while a workspace has no owner     | adele | lab    | virtual-client-user | 201
        P5  ... not once it has one                                           | adele | studio | genic-admin         | 403
        P5  ... nor does the account owner                                    | owen  | studio | virtual-client-user | 403
        28  a Gen-IC admin invites nobody                                     | gene  | studio | genic-admin         | 403
        30a a virtual-client user sees no workspace to invite into            | vic   | studio | virtual-client-user | 404
        """)
    void whoInvitesWhom(String rule, String actor, String scope, String role, int status) {
        String invitee = story.signUp("invitee");
        String scopeId = scopes.get(scope);

        SeedStories.Answer answer = story.invite(users().get(actor), scopeId, invitee, role);

        assertThat(answer.status()).as(rule + ": " + answer.text()).isEqualTo(status);
        if (status != 201) {
            assertThat(story.invitedAddresses(scopeId)).as("a refusal leaves no invitation")
                    .doesNotContain(story.email(invitee));
        }
    }

    /**
     * 14 and item 2 of issue 14: the account admin buys only after the owner's first purchase. Arbor keeps it as
     * {@code account.firstPurchaseDone}, set by SkyPort's billing back-end (a service account with
     * realm-management manage-realm) once that purchase has created the Stripe customer; no tenant sets it.
     */
    @Test
    void theAccountAdminBuysOnlyAfterTheOwnersFirstPurchase(KeycloakServer server) {
        String olga = story.signUp("olga");
        String abel = story.signUp("abel");
        String orbit = story.rootScope("account", "Orbit", "{\"firstPurchaseDone\":false}");
        story.admin().put(story.roles(orbit, olga, "owner")).expect(200);
        story.inviteAndAccept(olga, orbit, abel, "admin");
        story.assertPermission("14 the admin can't make the first purchase", abel, orbit,
                "billing:purchases:create", false);
        story.assertPermission("14 the owner can", olga, orbit, "billing:purchases:create", true);

        for (String tenant : List.of(abel, olga)) {
            story.as(tenant).patch("scopes/" + orbit, "{\"attributes\":{\"firstPurchaseDone\":true}}").expect(403);
        }
        assertThat(story.admin().get("scopes/" + orbit).expect(200).path("attributes").path("firstPurchaseDone")
                .asBoolean()).as("no tenant unlocks purchases by hand").isFalse();
        story.assertPermission("14 still locked", abel, orbit, "billing:purchases:create", false);

        // olga's first purchase went through Stripe; the billing back-end records it
        String backend = billingBackend(server).clientCredentials().accessToken();
        story.new Api(backend).patch("scopes/" + orbit, "{\"attributes\":{\"firstPurchaseDone\":true}}")
                .expect(200);

        story.assertPermission("14 unlocked once the owner has purchased", abel, orbit,
                "billing:purchases:create", true);
        story.assertPermission("13 the admin purchases as the owner: same right", olga, orbit,
                "billing:purchases:create", true);
    }

    /**
     * 16b, 16i, 18d (issue 14, Found): replacing a workspace owner is a transfer by the account side; the
     * workspace's admins and users stay. A workspace admin may not do it, and a refused attempt changes nothing.
     */
    @Test
    void theAccountSideReplacesTheWorkspaceOwnerAndItsUsersStay() {
        Workspace ws = workspace("Relay");
        String wes = story.signUp("wes");
        Map<String, List<String>> before = story.members(ws.id);

        story.as(ws.admin).put(story.roles(ws.id, wes, "owner")).expect(409);
        story.as(ws.wsAdmin).send("PUT", story.roles(ws.id, wes, "owner") + "?transfer=true", null).expect(403);
        story.as(ws.wsAdmin).send("PUT", story.roles(ws.id, ws.wsAdmin, "owner") + "?transfer=true", null)
                .expect(403);
        assertThat(story.members(ws.id)).as("refusals change nothing").isEqualTo(before);

        JsonNode change = story.as(ws.admin).send("PUT", story.roles(ws.id, wes, "owner") + "?transfer=true", null)
                .expect(200);

        Map<String, List<String>> after = story.members(ws.id);
        assertThat(after).doesNotContainKey(story.id(ws.wsOwner));
        assertThat(after.get(story.id(wes))).containsExactly("owner");
        assertThat(after.get(story.id(ws.wsAdmin))).containsExactly("admin");
        assertThat(after.get(story.id(ws.user))).containsExactly("virtual-client-user");
        assertThat(change.path("removedWith").isEmpty()).as(change.toString()).isTrue();
        story.assertPermission("16a the new owner has all of the workspace", wes, ws.id,
                "subscriptions:subscriptions:start", true);
        story.assertPermission("16a the admins stay admins", ws.wsAdmin, ws.id, "users:members:view", true);
        story.assertPermission("16d the account stays sealed off", ws.owner, ws.id,
                "subscriptions:subscriptions:start", false);
        assertThat(story.actIn(ws.wsOwner, ws.id).status()).as("the former owner no longer acts there")
                .isEqualTo(400);
    }

    /** 18a, 18b, 18c: the take-back by the account side deletes the workspace's users; the owner is owner again. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        18a an account Owner takes the workspace back | owner
        18b ... and so can an account Admin           | admin
        """)
    void theTakeBackDeletesTheConfiguredUsers(String rule, String who) {
        Workspace ws = workspace("Booth");
        String actor = who.equals("owner") ? ws.owner : ws.admin;

        story.as(ws.wsAdmin).delete(story.roles(ws.id, ws.wsOwner, "owner")).expect(403);
        assertThat(story.members(ws.id)).as("a workspace admin takes nothing back").hasSize(3);

        JsonNode change = story.as(actor).delete(story.roles(ws.id, ws.wsOwner, "owner")).expect(200);

        assertThat(SeedStories.texts(change.path("removedWith")))
                .containsExactlyInAnyOrder(story.id(ws.wsAdmin), story.id(ws.user));
        assertThat(story.members(ws.id)).as(rule).isEmpty();
        story.assertPermission("17 the account owner is owner again", ws.owner, ws.id,
                "subscriptions:subscriptions:start", true);
        assertThat(story.actIn(ws.wsAdmin, ws.id).status()).isEqualTo(400);
    }

    /** 18d (issue 14, Found): a workspace owner who gives the role up wipes nobody; the workspace is vacant. */
    @Test
    void aWorkspaceOwnerWhoGivesUpTheRoleLeavesItsUsers() {
        Workspace ws = workspace("Gallery");

        JsonNode change = story.as(ws.wsOwner).delete(story.roles(ws.id, ws.wsOwner, "owner")).expect(200);

        assertThat(change.path("removedWith").isEmpty()).as(change.toString()).isTrue();
        Map<String, List<String>> members = story.members(ws.id);
        assertThat(members.get(story.id(ws.wsAdmin))).containsExactly("admin");
        assertThat(members.get(story.id(ws.user))).containsExactly("virtual-client-user");
        story.assertPermission("17 vacant again: the account owner acts as its owner", ws.owner, ws.id,
                "users:members:view", true);
    }

    /**
     * P1, P4: accounts are Clear-Com's to open; account owners and admins create, rename and delete workspaces;
     * the workspace owner gets a subset of subscriptions, not the workspace itself.
     */
    @Test
    void accountsAreOpenedByClearComWorkspacesByTheAccountSide() {
        Workspace ws = workspace("Stage");

        story.as(ws.owner).post("scopes", "{\"type\":\"account\",\"name\":\"Own account\"}").expect(403);
        story.as(ws.wsOwner).post("scopes", "{\"type\":\"workspace\",\"name\":\"Mine\",\"parentId\":\""
                + ws.account + "\"}").expect(403);
        story.as(ws.wsOwner).patch("scopes/" + ws.id, "{\"name\":\"Renamed by its owner\"}").expect(403);
        story.as(ws.wsOwner).delete("scopes/" + ws.id).expect(403);
        assertThat(story.admin().get("scopes/" + ws.id).expect(200).path("name").asText()).isEqualTo("Stage");

        story.as(ws.admin).patch("scopes/" + ws.id, "{\"name\":\"Main stage\"}").expect(200);
        String second = story.child(ws.admin, ws.account, "workspace", "Backstage");
        story.as(ws.admin).delete("scopes/" + second).expect(204);
        story.as(ws.owner).delete("scopes/" + ws.id).expect(204);

        assertThat(story.admin().get("scopes/" + ws.id).status()).isEqualTo(404);
    }

    /** 10c, 12d: the account moves to a new owner only by the owner's transfer; nothing else goes with it. */
    @Test
    void onlyTheOwnerHandsTheAccountOver() {
        Workspace ws = workspace("Hall");

        story.as(ws.admin).send("PUT", story.roles(ws.account, ws.admin, "owner") + "?transfer=true", null)
                .expect(403);
        story.as(ws.owner).put(story.roles(ws.account, ws.admin, "owner")).expect(409);
        story.as(ws.owner).send("PUT", story.roles(ws.account, ws.admin, "owner") + "?transfer=true", null)
                .expect(200);

        story.assertPermission("10c the new owner changes ownership", ws.admin, ws.account,
                "account:ownership:transfer", true);
        assertThat(story.members(ws.id)).as("the workspace is untouched").hasSize(3);
    }

    /** An account (opened by Clear-Com) with owner and admin, and a workspace with owner, admin and a user. */
    private static Workspace workspace(String name) {
        String owner = story.signUp("owner");
        String admin = story.signUp("admin");
        String wsOwner = story.signUp("wsowner");
        String wsAdmin = story.signUp("wsadmin");
        String user = story.signUp("station");
        String account = story.rootScope("account", name + " account", "{\"firstPurchaseDone\":true}");
        story.admin().put(story.roles(account, owner, "owner")).expect(200);
        story.as(owner).put(story.roles(account, admin, "admin")).expect(200);
        String id = story.child(owner, account, "workspace", name);
        story.as(admin).put(story.roles(id, wsOwner, "owner")).expect(200);
        story.as(wsOwner).put(story.roles(id, wsAdmin, "admin")).expect(200);
        story.as(wsAdmin).put(story.roles(id, user, "virtual-client-user")).expect(200);
        return new Workspace(account, id, owner, admin, wsOwner, wsAdmin, user);
    }

    private record Workspace(String account, String id, String owner, String admin, String wsOwner, String wsAdmin,
            String user) {
    }

    private static Map<String, String> users() {
        return Map.of("owen", owen, "adele", adele, "walt", walt, "wanda", wanda, "gene", gene, "vic", vic);
    }

    /**
     * SkyPort's billing back-end: a confidential client whose service account holds realm-management manage-realm
     * (a realm administrator to Arbor) and whose tokens carry the tenancy claim; created once.
     */
    private static OidcClient billingBackend(KeycloakServer server) {
        var realm = server.admin().realm(story.realm);
        if (realm.clients().findByClientId(BILLING_BACKEND).isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(BILLING_BACKEND);
            client.setPublicClient(false);
            client.setSecret(BILLING_BACKEND + "-secret");
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            realm.clients().create(client).close();
            String id = realm.clients().findByClientId(BILLING_BACKEND).get(0).getId();
            String serviceAccount = realm.clients().get(id).getServiceAccountUser().getId();
            var management = realm.clients().findByClientId("realm-management").get(0);
            var manageRealm = realm.clients().get(management.getId()).roles().get("manage-realm").toRepresentation();
            realm.users().get(serviceAccount).roles().clientLevel(management.getId()).add(List.of(manageRealm));
            new RealmSetup(server.baseUri(), story.realm, server.admin().tokenManager().getAccessTokenString())
                    .addTenancyClaim(BILLING_BACKEND);
        }
        return OidcClient.confidential(server, story.realm, BILLING_BACKEND, BILLING_BACKEND + "-secret");
    }
}
