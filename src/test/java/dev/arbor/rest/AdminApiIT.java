package dev.arbor.rest;

import static dev.arbor.testing.ArborClients.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.client.ArborErrors;
import dev.arbor.client.TenancyResource;
import dev.arbor.client.UserTenancyResource;
import dev.arbor.client.representations.CheckRequest;
import dev.arbor.client.representations.NewInvitation;
import dev.arbor.client.representations.NewScope;
import dev.arbor.client.representations.ScopeUpdate;
import dev.arbor.testing.ArborClients;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/realms/{realm}/tenancy}: the tenancy API beside Keycloak's admin API, authorized by Keycloak's
 * admin permissions. A master-realm administrator (as kcadm.sh or a pipeline acts) manages a realm's tenancy; the
 * realm's users without admin roles are refused; view-realm reads but does not change. Called through the typed
 * client, as automation would.
 */
@ArborIT
class AdminApiIT {

    private static final String SCHEMA = SkyportWorld.schema("skyport");
    private static final NewScope ACCOUNT = NewScope.root("account", "Acme", "acme");

    private final ArborClients clients;

    AdminApiIT(KeycloakServer server) {
        this.clients = new ArborClients(server);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void aMasterRealmAdministratorManagesARealmsTenancy(TestRealms realms, KeycloakServer server) {
        TestRealm realm = realms.create();
        realm.storeAdminEvents();
        OidcClient app = realm.createTenancyClient("app");
        TestUser alice = realm.createUser("alice");
        TenancyResource master = clients.admin(realm);

        master.schema().putYaml(SCHEMA);
        String acme = master.scopes().create(ACCOUNT).id();
        master.scope(acme).member(alice.id()).role("owner").grant();

        assertThat(master.export().members()).extracting(member -> member.user() + member.roles())
                .contains("alice[owner]");
        assertThat(master.scope(acme).member(alice.id()).access().permissions())
                .contains("account:ownership:transfer");
        assertThat(clients.user(realm, app, alice).me().scopes(null, null))
                .extracting(access -> access.scope().id() + access.roles()).contains(acme + "[owner]");
        String masterId = server.admin().realm("master").toRepresentation().getId();
        assertThat(realm.admin().getAdminEvents()).anySatisfy(event -> {
            assertThat(event.getResourcePath()).isEqualTo("tenancy/scopes/" + acme + "/members/" + alice.id()
                    + "/roles/owner");
            assertThat(event.getAuthDetails().getRealmId()).isEqualTo(masterId);
        });
    }

    @Test
    void aUserOfTheRealmWithoutAdminRolesIsRefusedAndChangesNothing(TestRealms realms) {
        TestRealm realm = realms.create();
        OidcClient app = realm.createTenancyClient("app");
        TestUser mallory = realm.createUser("mallory");
        TenancyResource master = clients.admin(realm);
        int revision = master.schema().putYaml(SCHEMA).revision();
        TenancyResource asMallory = clients.admin(realm, app.password(mallory).accessToken());

        for (ThrowingCallable call : List.<ThrowingCallable>of(() -> asMallory.schema().get(), asMallory::export,
                () -> asMallory.schema().putYaml(SCHEMA.replace("version: 1", "version: 2")),
                () -> asMallory.scopes().create(ACCOUNT))) {
            WebApplicationException refused = refused(call);
            assertThat(ArborErrors.status(refused)).as(ArborErrors.of(refused).getErrorMessage()).isEqualTo(403);
        }
        assertThat(master.schema().get().revision()).isEqualTo(revision);
        assertThat(master.scopes().list(null, null, null, null, null)).isEmpty();
        assertThat(ArborErrors.status(refused(() -> clients.anonymousAdmin(realm).schema().get()))).isEqualTo(401);
    }

    @Test
    void viewRealmReadsAndManageRealmChanges(TestRealms realms) {
        TestRealm realm = realms.create();
        OidcClient app = realm.createTenancyClient("app");
        TestUser viewer = realm.createUser("viewer");
        var realmManagement = realm.admin().clients().findByClientId("realm-management").get(0);
        realm.admin().users().get(viewer.id()).roles().clientLevel(realmManagement.getId()).add(List.of(
                realm.admin().clients().get(realmManagement.getId()).roles().get("view-realm").toRepresentation()));
        TenancyResource asViewer = clients.admin(realm, app.password(viewer).accessToken());
        TenancyResource asRealmAdmin = clients.admin(realm, app.password(realm.createRealmAdmin("root"))
                .accessToken());

        asRealmAdmin.schema().putYaml(SCHEMA);
        String acme = asRealmAdmin.scopes().create(ACCOUNT).id();

        assertThat(asViewer.scope(acme).toRepresentation().key()).isEqualTo("acme");
        assertThat(asViewer.check(CheckRequest.forUser(viewer.id(), acme, "account:settings:view")).allowed())
                .isFalse();
        WebApplicationException refused = refused(() -> asViewer.scope(acme).update(ScopeUpdate.name("Renamed")));
        assertThat(ArborErrors.status(refused)).as(ArborErrors.of(refused).getErrorMessage()).isEqualTo(403);
        assertThat(asViewer.scope(acme).toRepresentation().name()).isEqualTo("Acme");
    }

    @Test
    void theAdminApiHasNoInvitationsMeOrApp(TestRealms realms, KeycloakServer server) {
        TestRealm realm = realms.create();
        TenancyResource master = clients.admin(realm);
        master.schema().putYaml(SCHEMA);
        String acme = master.scopes().create(ACCOUNT).id();
        // the realm users' interface pointed at the admin mount, as a misconfigured client would be
        UserTenancyResource misplaced = server.admin().proxy(UserTenancyResource.class, realm.adminUri("tenancy"));

        WebApplicationException invite = refused(() -> misplaced.invitations(acme)
                .invite(NewInvitation.of("a@example.com", "admin")));

        assertThat(ArborErrors.status(invite)).as(ArborErrors.of(invite).getErrorMessage()).isEqualTo(404);
        assertThat(ArborErrors.of(invite).getErrorMessage()).contains("/realms/{realm}/tenancy");
        assertThat(ArborErrors.status(refused(() -> misplaced.me().scopes(null, null)))).isEqualTo(404);
        assertThat(ArborErrors.status(refused(() -> misplaced.invitations(acme).list(null, null)))).isEqualTo(404);
    }
}
