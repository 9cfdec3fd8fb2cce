package dev.arbor.rest;

import static dev.arbor.testing.ArborClients.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.client.ArborErrors;
import dev.arbor.client.UserTenancyResource;
import dev.arbor.client.representations.TenancyDocument;
import dev.arbor.client.representations.TenancyDocument.MemberEntry;
import dev.arbor.client.representations.TenancyDocument.ScopeNode;
import dev.arbor.testing.ArborClients;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export, then import into a fresh realm with the same usernames, reproduces the tree and the memberships. */
@ArborIT
class ExportImportIT {

    private final ArborClients clients;

    ExportImportIT(KeycloakServer server) {
        this.clients = new ArborClients(server);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void aFreshRealmGetsTheSameTreeAndMemberships(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        clients.user(world, "alice").scope(world.ws2).member(world.id("zed")).role("admin").grant();
        TenancyDocument exported = clients.user(world, "root").export();

        TestRealm fresh = realms.create();
        var app = fresh.createTenancyClient("app");
        UserTenancyResource root = clients.user(fresh, app, fresh.createRealmAdmin("root"));
        for (String name : new String[] {"alice", "bob", "carol", "dave", "zed"}) {
            fresh.createUser(name);
        }
        TenancyDocument.ImportResult result = root.importDocument(exported);
        TenancyDocument.ImportResult again = root.importDocument(exported);

        assertThat(result.scopesCreated()).isEqualTo(3);
        assertThat(result.rolesGranted()).isEqualTo(5);
        assertThat(again.unchanged()).isTrue();
        TenancyDocument reexported = root.export();
        assertThat(reexported.scopes()).isEqualTo(exported.scopes());
        assertThat(reexported.members()).isEqualTo(exported.members());
        assertThat(reexported.schema()).isEqualTo(exported.schema());
    }

    @Test
    void aDocumentWithOneMistakeChangesNothing(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        UserTenancyResource root = clients.user(world, "root");

        WebApplicationException error = refused(() -> root.importDocument(globex("nobody")));

        assertThat(ArborErrors.status(error)).isEqualTo(400);
        assertThat(ArborErrors.of(error).getField()).isEqualTo("members[1].user");
        assertThat(root.scopes().list(null, null, null, null, null)).hasSize(1);
        root.importDocument(globex("bob"));
        assertThat(root.scopes().list(null, null, null, null, null)).hasSize(2);
    }

    /** Account globex with a workspace: alice owns globex, {@code workspaceAdmin} administers the workspace. */
    private static TenancyDocument globex(String workspaceAdmin) {
        ScopeNode workspace = new ScopeNode("globex-ws", "workspace", "W", null, null);
        return new TenancyDocument(1, null, List.of(new ScopeNode("globex", "account", "Globex", null,
                List.of(workspace))), List.of(new MemberEntry("alice", "globex", List.of("owner"), null),
                new MemberEntry(workspaceAdmin, "globex-ws", List.of("admin"), null)));
    }

    @Test
    void importAddsRolesBesideWhatIsThereAndKeepsLimits(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        UserTenancyResource root = clients.user(world, "root");

        TenancyDocument.ImportResult added = root.importDocument(members(
                new MemberEntry("dave", world.ws1, List.of("admin", "genic-admin"), null),
                new MemberEntry("dave", world.ws1, List.of("genic-admin"), null),
                new MemberEntry("zed", world.ws2, List.of("owner"), null)));

        assertThat(added.rolesGranted()).as("dave's admin was there; genic-admin listed twice counts once")
                .isEqualTo(2);
        assertThat(roles(root, world.ws1, "dave")).containsExactly("admin", "genic-admin");
        assertThat(roles(root, world.ws2, "zed")).containsExactly("owner");
        assertThat(ArborErrors.status(refused(() -> root.scope(world.ws2).member(world.id("erin")).role("owner")
                .grant()))).isEqualTo(409);                               // the imported owner holds the only seat

        assertThat(ArborErrors.status(refused(() -> root.importDocument(members(
                new MemberEntry("erin", world.ws1, List.of("genic-admin"), null),
                new MemberEntry("mallory", world.ws1, List.of("owner"), null)))))).isEqualTo(409); // carol owns ws1
        assertThat(ArborErrors.status(refused(() -> root.importDocument(new TenancyDocument(1, null,
                List.of(new ScopeNode("initech", "account", "Initech", null, null)),
                List.of(new MemberEntry("erin", "initech", List.of("owner"), null),
                        new MemberEntry("mallory", "initech", List.of("owner"), null))))))).isEqualTo(409);
                                                                          // two owners of a new scope

        assertThat(roles(root, world.ws1, "erin")).as("a refused document changes nothing").isEmpty();
        assertThat(root.scopes().byKey("initech")).isEmpty();
    }

    private static TenancyDocument members(MemberEntry... members) {
        return new TenancyDocument(1, null, null, List.of(members));
    }

    private static List<String> roles(UserTenancyResource api, String scopeId, String username) {
        return api.scope(scopeId).members(null, null).members().stream()
                .filter(member -> member.username().equals(username))
                .flatMap(member -> member.roles().stream()).toList();
    }

    @Test
    void importAndExportAreForRealmAdministrators(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        UserTenancyResource alice = clients.user(world, "alice");

        assertThat(ArborErrors.status(refused(alice::export))).isEqualTo(403);
        assertThat(ArborErrors.status(refused(() -> alice.importDocument(new TenancyDocument(1, null, null, null)))))
                .isEqualTo(403);
    }
}
