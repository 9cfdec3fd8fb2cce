package dev.arbor.rest;

import static dev.arbor.testing.ArborClients.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.client.ArborErrors;
import dev.arbor.client.TenancyResource;
import dev.arbor.client.UserTenancyResource;
import dev.arbor.client.representations.AccessRepresentation;
import dev.arbor.client.representations.CheckRequest;
import dev.arbor.client.representations.InvitationRepresentation;
import dev.arbor.client.representations.MemberRepresentation;
import dev.arbor.client.representations.NewInvitation;
import dev.arbor.client.representations.NewScope;
import dev.arbor.client.representations.OptionsChange;
import dev.arbor.client.representations.ScopeRepresentation;
import dev.arbor.client.representations.ScopeUpdate;
import dev.arbor.client.representations.TenancyDocument;
import dev.arbor.testing.ArborClients;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ErrorRepresentation;

/**
 * The typed client ({@code arbor-admin-client}) against the real server, every method of it: the admin API as
 * the master realm's administrator, the realm users' API as users with and without rights. A refusal arrives as
 * the exception Keycloak's own client throws, carrying Arbor's ErrorRepresentation, and changes nothing.
 */
@ArborIT
class AdminClientIT {

    private static final String SCHEMA = SkyportWorld.schema("skyport");

    private final ArborClients clients;

    AdminClientIT(KeycloakServer server) {
        this.clients = new ArborClients(server);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void theAdminApiKeepsTheSchema(TestRealms realms) throws Exception {
        TestRealm realm = realms.create();
        TenancyResource tenancy = clients.admin(realm);

        assertThat(tenancy.info().schema().status()).isEqualTo("NOT_CONFIGURED");
        assertThat(tenancy.info().caller().realmAdmin()).isTrue();
        NotFoundException none = refused(NotFoundException.class, () -> tenancy.schema().get());
        assertThat(ArborErrors.of(none).getErrorMessage()).contains("no tenancy schema");

        assertThat(tenancy.schema().validateYaml(SCHEMA).valid()).isTrue();
        var invalid = tenancy.schema().validate("{\"arbor\": 1, \"id\": \"x\", \"version\": 1, \"scopeTypes\": 7}");
        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.path()).isNotBlank());
        refused(NotFoundException.class, () -> tenancy.schema().get()); // validating stores nothing

        var stored = tenancy.schema().putYaml(SCHEMA);
        String json = new ObjectMapper().writeValueAsString(tenancy.schema().get().document());
        var again = tenancy.schema().put(json);

        assertThat(stored.id()).isEqualTo("skyport");
        assertThat(again.revision()).as("the same document again stores nothing").isEqualTo(stored.revision());
        assertThat(tenancy.info().schema().revision()).isEqualTo(stored.revision());
        BadRequestException bad = refused(BadRequestException.class,
                () -> tenancy.schema().put("{\"arbor\": 1, \"id\": \"skyport\", \"version\": 2}"));
        assertThat(ArborErrors.status(bad)).isEqualTo(400);
        assertThat(ArborErrors.of(bad).getErrors()).isNotEmpty();
        assertThat(tenancy.schema().get().revision()).as("a refused schema changes nothing")
                .isEqualTo(stored.revision());
    }

    @Test
    void theAdminApiBuildsTheTreeAndGrantsRoles(TestRealms realms) {
        TestRealm realm = realms.create();
        TestUser alice = realm.createUser("alice");
        TestUser bob = realm.createUser("bob");
        TestUser carol = realm.createUser("carol");
        TestUser dave = realm.createUser("dave");
        TenancyResource tenancy = clients.admin(realm);
        tenancy.schema().putYaml(SCHEMA);

        ScopeRepresentation acme = tenancy.scopes().create(NewScope.root("account", "Acme", "acme"));
        ScopeRepresentation studio = tenancy.scopes().create(NewScope.child(acme.id(), "workspace", "Studio"));

        assertThat(acme.key()).isEqualTo("acme");
        assertThat(studio.path()).extracting(scope -> scope.id()).containsExactly(acme.id(), studio.id());
        assertThat(tenancy.scopes().list(null, null, null, null, null)).extracting(ScopeRepresentation::id)
                .containsExactly(acme.id());
        assertThat(tenancy.scopes().list(acme.id(), "workspace", "Stu", 0, 10)).extracting(ScopeRepresentation::id)
                .containsExactly(studio.id());
        assertThat(tenancy.scopes().byKey("acme")).extracting(ScopeRepresentation::id).containsExactly(acme.id());
        assertThat(tenancy.scopes().byKey("nobody")).isEmpty();
        assertThat(tenancy.scopes().scope(acme.id()).toRepresentation()).isEqualTo(acme);
        assertThat(tenancy.scope(studio.id()).update(ScopeUpdate.name("Studio B")).name()).isEqualTo("Studio B");

        var atAcme = tenancy.scope(acme.id());
        assertThat(atAcme.member(alice.id()).role("owner").grant().roles()).containsExactly("owner");
        atAcme.member(bob.id()).role("admin").grant();
        tenancy.scope(studio.id()).member(carol.id()).role("owner").grant();
        ClientErrorException full = refused(ClientErrorException.class,
                () -> tenancy.scope(studio.id()).member(dave.id()).role("owner").grant());
        assertThat(ArborErrors.status(full)).isEqualTo(409);
        assertThat(ArborErrors.of(full).getParams()).isNotEmpty();
        BadRequestException both = refused(BadRequestException.class,
                () -> tenancy.scope(studio.id()).member(dave.id()).role("owner").grant(true, true));
        assertThat(ArborErrors.of(both).getField()).isEqualTo("replace");
        assertThat(tenancy.scope(studio.id()).member(dave.id()).role("owner").grant(true, false).roles())
                .containsExactly("owner");

        var page = atAcme.members(0, 10);
        var firstOfOne = atAcme.membersAfter(null, 1);
        var rest = atAcme.membersAfter(firstOfOne.next(), 10);
        assertThat(firstOfOne.members()).hasSize(1);
        assertThat(java.util.stream.Stream.concat(firstOfOne.members().stream(), rest.members().stream()))
                .extracting(MemberRepresentation::username).containsExactlyInAnyOrder("alice", "bob");
        assertThat(rest.next()).as("the last page").isNull();
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.members()).extracting(MemberRepresentation::username)
                .containsExactlyInAnyOrder("alice", "bob"); // in user id order
        assertThat(tenancy.scope(studio.id()).members(null, null).members()).extracting(MemberRepresentation::username)
                .containsExactly("dave");
        assertThat(atAcme.member(alice.id()).access().permissions()).contains("account:ownership:transfer");
        assertThat(atAcme.member(bob.id()).options(new OptionsChange(List.of())).options()).isEmpty();
        BadRequestException option = refused(BadRequestException.class,
                () -> atAcme.member(bob.id()).options(new OptionsChange(List.of("account:ownership:transfer"))));
        assertThat(ArborErrors.of(option).getField()).isEqualTo("options");
        var actions = atAcme.actions(0, 10);
        assertThat(actions.scopeId()).isEqualTo(acme.id());
        assertThat(actions.listMembers()).isTrue();
        assertThat(actions.createChildren()).containsExactly("workspace");
        assertThat(atAcme.roles().roles()).extracting(column -> column.name()).contains("owner", "admin");

        assertThat(atAcme.member(bob.id()).role("admin").revoke().role()).isEqualTo("admin");
        tenancy.scope(studio.id()).member(dave.id()).remove();
        assertThat(atAcme.members(null, null).members()).extracting(MemberRepresentation::username)
                .containsExactly("alice");
        assertThat(tenancy.scope(studio.id()).members(null, null).members()).isEmpty();

        ClientErrorException children = refused(ClientErrorException.class, () -> atAcme.remove(false));
        assertThat(ArborErrors.status(children)).isEqualTo(409);
        assertThat(tenancy.scope(studio.id()).toRepresentation().name()).as("a refused delete changes nothing")
                .isEqualTo("Studio B");
        atAcme.remove(true);
        refused(NotFoundException.class, () -> tenancy.scope(studio.id()).toRepresentation());
        assertThat(tenancy.scopes().list(null, null, null, null, null)).isEmpty();
    }

    @Test
    void theAdminApiExportsImportsAndChecks(TestRealms realms) {
        TestRealm realm = realms.create();
        TestUser alice = realm.createUser("alice");
        realm.createUser("bob");
        TenancyResource tenancy = clients.admin(realm);
        tenancy.schema().putYaml(SCHEMA);

        TenancyDocument.ImportResult imported = tenancy.importYaml("""
                arbor: 1
                scopes:
                  - {key: globex, type: account, name: Globex}
                members:
                  - {user: alice, scope: globex, roles: [owner]}
                """);
        TenancyDocument document = new TenancyDocument(1, null,
                List.of(new TenancyDocument.ScopeNode("initech", "account", "Initech", null, null)),
                List.of(new TenancyDocument.MemberEntry("bob", "initech", List.of("owner"), null)));
        TenancyDocument.ImportResult typed = tenancy.importDocument(document);
        TenancyDocument.ImportResult again = tenancy.importDocument(document);
        TenancyDocument exported = tenancy.export();

        assertThat(imported.scopesCreated()).isEqualTo(1);
        assertThat(imported.rolesGranted()).isEqualTo(1);
        assertThat(typed.scopesCreated()).isEqualTo(1);
        assertThat(again.unchanged()).isTrue();
        assertThat(exported.arbor()).isEqualTo(1);
        assertThat(exported.scopes()).extracting(TenancyDocument.ScopeNode::key)
                .containsExactlyInAnyOrder("globex", "initech");
        assertThat(exported.members()).extracting(member -> member.user() + "@" + member.scope() + member.roles())
                .containsExactlyInAnyOrder("alice@globex[owner]", "bob@initech[owner]");
        assertThat(tenancy.importDocument(exported).unchanged()).as("its own export changes nothing").isTrue();

        String globex = tenancy.scopes().byKey("globex").get(0).id();
        var allowed = tenancy.check(CheckRequest.forUser(alice.id(), globex, "account:ownership:transfer"));
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.reason()).isEqualTo("ALLOWED");
        String initech = tenancy.scopes().byKey("initech").get(0).id();
        var denied = tenancy.check(CheckRequest.forUser(alice.id(), initech, "account:ownership:transfer"));
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.explanation()).isNotEmpty();

        ClientErrorException unknownUser = refused(ClientErrorException.class, () -> tenancy.importYaml("""
                arbor: 1
                members:
                  - {user: nobody, scope: globex, roles: [admin]}
                """));
        assertThat(ArborErrors.status(unknownUser)).isEqualTo(400);
        assertThat(ArborErrors.of(unknownUser).getField()).isEqualTo("members[0].user");
    }

    @Test
    void theAdminApiRefusesUsersWithoutAdminRolesAndCallersWithoutAToken(TestRealms realms) {
        TestRealm realm = realms.create();
        var app = realm.createTenancyClient("app");
        TestUser mallory = realm.createUser("mallory");
        clients.admin(realm).schema().putYaml(SCHEMA);
        TenancyResource asMallory = clients.admin(realm, app.password(mallory).accessToken());

        ForbiddenException forbidden = refused(ForbiddenException.class,
                () -> asMallory.scopes().create(NewScope.root("account", "Acme", null)));
        NotAuthorizedException anonymous = refused(NotAuthorizedException.class,
                () -> clients.anonymousAdmin(realm).schema().get());

        assertThat(ArborErrors.status(forbidden)).isEqualTo(403);
        assertThat(ArborErrors.of(forbidden).getErrorMessage()).isNotBlank();
        assertThat(ArborErrors.status(anonymous)).isEqualTo(401);
        ErrorRepresentation unauthorized = ArborErrors.of(anonymous);
        assertThat(unauthorized.getErrorMessage()).isNotBlank();
        assertThat(ArborErrors.of(anonymous).getErrorMessage()).as("read twice")
                .isEqualTo(unauthorized.getErrorMessage());
        assertThat(clients.admin(realm).scopes().list(null, null, null, null, null)).isEmpty();
    }

    @Test
    void aRealmUserActsAsTheSchemaAllowsAndARefusalCarriesItsReason(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        UserTenancyResource alice = clients.signedIn(world.realm, "app", world.users.get("alice"));
        UserTenancyResource carol = clients.user(world, "carol");
        UserTenancyResource mallory = clients.user(world, "mallory");

        assertThat(alice.info().caller().username()).isEqualTo("alice");
        assertThat(alice.info().caller().realmAdmin()).isFalse();
        assertThat(alice.schema().get().id()).isEqualTo("skyport");
        assertThat(alice.me().scopes(null, null)).extracting(access -> access.scope().id()).contains(world.acme);
        assertThat(alice.me().scopes(0, 1)).hasSize(1);
        AccessRepresentation own = alice.me().permissions(world.acme);
        assertThat(own.roles()).containsExactly("owner");
        assertThat(own.permissions()).contains("account:ownership:transfer");
        assertThat(alice.check(CheckRequest.of(world.acme, "account:ownership:transfer")).allowed()).isTrue();
        assertThat(alice.scope(world.ws1).toRepresentation().name()).isEqualTo("Studio A");

        ForbiddenException key = refused(ForbiddenException.class, () -> alice.scopes()
                .create(new NewScope("workspace", "Keyed", world.acme, "keyed", null)));
        assertThat(ArborErrors.of(key).getField()).isEqualTo("key");
        BadRequestException option = refused(BadRequestException.class, () -> carol.scope(world.ws1)
                .member(world.id("dave")).options(new OptionsChange(List.of("account:ownership:transfer"))));
        assertThat(ArborErrors.of(option).getField()).isEqualTo("options");
        assertThat(ArborErrors.of(option).getParams()).isNotEmpty();
        ForbiddenException export = refused(ForbiddenException.class, alice::export);
        assertThat(ArborErrors.status(export)).isEqualTo(403);
        NotFoundException hidden = refused(NotFoundException.class,
                () -> mallory.scope(world.acme).toRepresentation());
        assertThat(ArborErrors.of(hidden).getErrorMessage()).isNotBlank();
        ForbiddenException schema = refused(ForbiddenException.class,
                () -> mallory.schema().putYaml(SCHEMA.replace("version: 1", "version: 2")));
        assertThat(ArborErrors.of(schema).getErrorMessage()).isNotBlank();
        assertThat(mallory.me().scopes(null, null)).isEmpty();

        assertThat(alice.scopes().list(world.acme, null, null, null, null)).extracting(ScopeRepresentation::name)
                .as("the refusals changed nothing").containsExactly("Studio A", "Studio B");
        assertThat(alice.schema().get().version()).isEqualTo(1);
    }

    @Test
    void realmUsersInviteAcceptDeclineAndWithdraw(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        UserTenancyResource carol = clients.user(world, "carol");
        UserTenancyResource erin = clients.user(world, "erin");
        UserTenancyResource zed = clients.user(world, "zed");

        InvitationRepresentation toErin = carol.invitations(world.ws1).invite(NewInvitation.of("erin@example.test",
                "admin"));
        InvitationRepresentation toZed = carol.invitations(world.ws1).invite(NewInvitation.of("zed@example.test",
                "genic-admin"));
        InvitationRepresentation toMallory = carol.invitations(world.ws1).invite(
                new NewInvitation("mallory@example.test", List.of("genic-admin"), 3600L));

        assertThat(toErin.status()).isEqualTo("PENDING");
        assertThat(toErin.scope().id()).isEqualTo(world.ws1);
        assertThat(toMallory.expiresAt() - toMallory.createdAt()).as("an hour, not the default week")
                .isLessThanOrEqualTo(3_600_000L).isLessThan(toErin.expiresAt() - toErin.createdAt());
        assertThat(erin.me().invitations()).extracting(InvitationRepresentation::id).containsExactly(toErin.id());
        assertThat(erin.me().accept(toErin.id()).roles()).containsExactly("admin");
        zed.me().decline(toZed.id());
        carol.invitations(world.ws1).withdraw(toMallory.id());

        assertThat(carol.invitations(world.ws1).list(0, 10)).extracting(i -> i.email() + " " + i.status())
                .containsExactlyInAnyOrder("erin@example.test ACCEPTED", "zed@example.test DECLINED",
                        "mallory@example.test REVOKED");
        assertThat(zed.me().invitations()).isEmpty();
        assertThat(zed.me().scopes(null, null)).isEmpty();
        assertThat(clients.user(world, "mallory").me().invitations()).isEmpty();
        NotFoundException notHers = refused(NotFoundException.class,
                () -> zed.me().accept(toErin.id()));
        assertThat(ArborErrors.status(notHers)).isEqualTo(404);
        ForbiddenException dave = refused(ForbiddenException.class, () -> clients.user(world, "dave")
                .invitations(world.ws1).invite(NewInvitation.of("zed@example.test", "admin")));
        assertThat(ArborErrors.of(dave).getErrorMessage()).isNotBlank();
        assertThat(zed.me().invitations()).as("a refused invitation is not sent").isEmpty();
    }
}
