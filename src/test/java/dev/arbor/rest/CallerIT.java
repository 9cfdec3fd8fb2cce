package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Http;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Who may call the tenancy API: tokens of clients that use tenancy (their tokens carry the claim), and realm
 * administrator powers only with the administrator role in the token, as Keycloak's own admin API decides.
 */
@ArborIT
class CallerIT {

    @Test
    void aTokenOfAClientThatDoesNotUseTenancyDrivesNothing(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        OidcClient other = world.realm.createClientWithoutTenancy("reporting");
        ArborApi alice = world.realm.api(other, world.users.get("alice"));
        ArborApi root = world.realm.api(other, world.users.get("root"));
        JsonNode before = world.as("root").get("export").expect(200);

        JsonNode refused = alice.get("info").expect(403);
        assertThat(refused.path("errorMessage").asText()).contains("reporting").contains("tenancy");
        alice.get("me").expect(403);
        alice.get("scopes/" + world.acme).expect(403);
        alice.post("check", "{\"scopeId\":\"" + world.acme + "\",\"permission\":\"account:settings:view\"}")
                .expect(403);
        alice.put(world.roles(world.ws2, "zed", "owner")).expect(403);
        root.put("schema", SkyportWorld.schema("skyport").replace("version: 1", "version: 2"), "application/yaml")
                .expect(403);
        root.post("import", "{\"arbor\":1,\"scopes\":[{\"key\":\"x\",\"type\":\"account\",\"name\":\"X\"}]}")
                .expect(403);

        assertThat(world.as("root").get("export").expect(200)).isEqualTo(before);
    }

    @Test
    void aRealmAdministratorSignedInThroughAClientWithoutTheAdminRoleInScopeActsAsAnOrdinaryUser(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        OidcClient restricted = world.realm.createRestrictedTenancyClient("restricted");
        String token = restricted.password(world.users.get("root")).accessToken();
        ArborApi root = world.realm.api(restricted, world.users.get("root"));
        JsonNode before = world.as("root").get("export").expect(200);

        URI keycloakAdminApi = URI.create(world.realm.uri("x").toString().replace("/realms/", "/admin/realms/")
                .replaceAll("/x$", ""));
        assertThat(Http.get(keycloakAdminApi, token).statusCode()).as("Keycloak's own admin API").isEqualTo(403);
        root.put("schema", SkyportWorld.schema("skyport").replace("version: 1", "version: 2"), "application/yaml")
                .expect(403);
        root.post("schema/validate", SkyportWorld.schema("skyport")).expect(403);
        root.post("import", "{\"arbor\":1,\"scopes\":[{\"key\":\"x\",\"type\":\"account\",\"name\":\"X\"}]}")
                .expect(403);
        root.get("export").expect(403);
        root.post("scopes", "{\"type\":\"account\",\"name\":\"Squat\"}").expect(403);
        root.put(world.roles(world.ws2, "zed", "owner")).expect(404);
        assertThat(root.get("info").expect(200).path("caller").path("realmAdmin").asBoolean()).isFalse();

        assertThat(world.as("root").get("export").expect(200)).isEqualTo(before);
        assertThat(world.as("root").get("info").expect(200).path("caller").path("realmAdmin").asBoolean()).isTrue();
    }
}
