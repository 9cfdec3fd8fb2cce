package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborApi.Answer;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/realms/{realm}/tenancy}: the tenancy API beside Keycloak's admin API, authorized by Keycloak's
 * admin permissions. A master-realm administrator (as kcadm.sh or a pipeline acts) manages a realm's tenancy; the
 * realm's users without admin roles are refused; view-realm reads but does not change.
 */
@ArborIT
class AdminApiIT {

    private static final String SCHEMA = SkyportWorld.schema("skyport");
    private static final String ACCOUNT = "{\"type\":\"account\",\"name\":\"Acme\",\"key\":\"acme\"}";

    @Test
    void aMasterRealmAdministratorManagesARealmsTenancy(TestRealms realms, KeycloakServer server) {
        TestRealm realm = realms.create();
        realm.storeAdminEvents();
        OidcClient app = realm.createTenancyClient("app");
        TestUser alice = realm.createUser("alice");
        ArborApi master = ArborApi.administration(realm, server.admin().tokenManager().getAccessTokenString());

        master.put("schema", SCHEMA, "application/yaml").expect(200);
        String acme = master.post("scopes", ACCOUNT).createdId();
        master.put("scopes/" + acme + "/members/" + alice.id() + "/roles/owner").expect(200);

        assertThat(master.get("export").expect(200).path("members").toString()).contains("alice", "owner");
        assertThat(master.get("scopes/" + acme + "/members/" + alice.id() + "/access").expect(200)
                .path("permissions").toString()).contains("account:ownership:transfer");
        assertThat(realm.api(app, alice).get("me").expect(200).toString()).contains(acme, "owner");
        String masterId = server.admin().realm("master").toRepresentation().getId();
        assertThat(realm.admin().getAdminEvents()).anySatisfy(event -> {
            assertThat(event.getResourcePath()).isEqualTo("tenancy/scopes/" + acme + "/members/" + alice.id()
                    + "/roles/owner");
            assertThat(event.getAuthDetails().getRealmId()).isEqualTo(masterId);
        });
    }

    @Test
    void aUserOfTheRealmWithoutAdminRolesIsRefusedAndChangesNothing(TestRealms realms, KeycloakServer server) {
        TestRealm realm = realms.create();
        OidcClient app = realm.createTenancyClient("app");
        TestUser mallory = realm.createUser("mallory");
        ArborApi master = ArborApi.administration(realm, server.admin().tokenManager().getAccessTokenString());
        int revision = master.put("schema", SCHEMA, "application/yaml").expect(200).path("revision").asInt();
        ArborApi asMallory = ArborApi.administration(realm, app.password(mallory).accessToken());

        for (Answer refused : List.of(asMallory.get("schema"), asMallory.get("export"),
                asMallory.put("schema", SCHEMA.replace("version: 1", "version: 2"), "application/yaml"),
                asMallory.post("scopes", ACCOUNT))) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        }
        assertThat(master.get("schema").expect(200).path("revision").asInt()).isEqualTo(revision);
        assertThat(master.get("scopes").expect(200)).isEmpty();
        assertThat(ArborApi.administration(realm, null).get("schema").status()).isEqualTo(401);
    }

    @Test
    void viewRealmReadsAndManageRealmChanges(TestRealms realms, KeycloakServer server) {
        TestRealm realm = realms.create();
        OidcClient app = realm.createTenancyClient("app");
        TestUser viewer = realm.createUser("viewer");
        var realmManagement = realm.admin().clients().findByClientId("realm-management").get(0);
        realm.admin().users().get(viewer.id()).roles().clientLevel(realmManagement.getId()).add(List.of(
                realm.admin().clients().get(realmManagement.getId()).roles().get("view-realm").toRepresentation()));
        ArborApi asViewer = ArborApi.administration(realm, app.password(viewer).accessToken());
        ArborApi asRealmAdmin = ArborApi.administration(realm,
                app.password(realm.createRealmAdmin("root")).accessToken());

        asRealmAdmin.put("schema", SCHEMA, "application/yaml").expect(200);
        String acme = asRealmAdmin.post("scopes", ACCOUNT).createdId();

        assertThat(asViewer.get("scopes/" + acme).expect(200).path("key").asText()).isEqualTo("acme");
        assertThat(asViewer.post("check", "{\"scopeId\":\"" + acme + "\",\"permission\":"
                + "\"account:settings:view\",\"userId\":\"" + viewer.id() + "\"}").expect(200)
                .path("allowed").asBoolean()).isFalse();
        Answer refused = asViewer.patch("scopes/" + acme, "{\"name\":\"Renamed\"}");
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(asViewer.get("scopes/" + acme).expect(200).path("name").asText()).isEqualTo("Acme");
    }

    @Test
    void theAdminApiHasNoInvitationsMeOrApp(TestRealms realms, KeycloakServer server) {
        TestRealm realm = realms.create();
        ArborApi master = ArborApi.administration(realm, server.admin().tokenManager().getAccessTokenString());
        master.put("schema", SCHEMA, "application/yaml").expect(200);
        String acme = master.post("scopes", ACCOUNT).createdId();

        Answer invite = master.post("scopes/" + acme + "/invitations",
                "{\"email\":\"a@example.com\",\"roles\":[\"admin\"]}");

        assertThat(invite.status()).as(invite.text()).isEqualTo(404);
        assertThat(invite.json().path("errorMessage").asText()).contains("/realms/{realm}/tenancy");
        assertThat(master.get("me").status()).isEqualTo(404);
        assertThat(master.get("scopes/" + acme + "/invitations").status()).isEqualTo(404);
    }
}
