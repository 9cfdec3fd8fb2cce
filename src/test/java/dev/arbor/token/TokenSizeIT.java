package dev.arbor.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Audiences;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TokenSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user with 1,000 memberships: tokens carry one scope, stay small, and issuance succeeds. */
@ArborIT
class TokenSizeIT {

    @Test
    void aThousandMembershipsKeepTheTokenUnderFourKilobytes(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        world.realm.addTenancyClaim("app");
        StringBuilder document = new StringBuilder("{\"arbor\":1,\"scopes\":[{\"key\":\"big\",\"type\":\"account\","
                + "\"name\":\"Big\",\"children\":[");
        StringBuilder members = new StringBuilder("],\"members\":[");
        for (int i = 0; i < 1000; i++) {
            document.append(i == 0 ? "" : ",").append("{\"key\":\"w").append(i)
                    .append("\",\"type\":\"workspace\",\"name\":\"Workspace ").append(i).append("\"}");
            members.append(i == 0 ? "" : ",").append("{\"user\":\"zed\",\"scope\":\"w").append(i)
                    .append("\",\"roles\":[\"admin\"]}");
        }
        document.append("]}").append(members).append("]}");
        JsonNode imported = world.as("root").post("import", document.toString()).expect(200);
        assertThat(imported.path("rolesGranted").asInt()).isEqualTo(1000);
        String target = world.as("root").get("scopes?key=w500").expect(200).get(0).path("id").asText();

        TokenSet tokens = world.app.password(world.users.get("zed"), Map.of("tenancy_scope", target));

        assertThat(tokens.accessTokenClaims().path("tenancy").path("scope").path("id").asText()).isEqualTo(target);
        System.out.println("[arbor-it] access token of a user with 1,000 memberships: " + tokens.accessToken().length()
                + " bytes");
        assertThat(tokens.accessToken().length()).as("access token bytes").isLessThan(4096);
        assertThat(world.as("zed").get("me?max=1000").expect(200).size()).isEqualTo(1000);
    }

    @Test
    void theClaimIsInIntrospection(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        var backend = world.realm.createConfidentialClient("backend");
        world.realm.addTenancyClaim("backend");
        Audiences.add(world.realm.admin(), "backend", "backend"); // introspection needs the client in the audience
        TokenSet alice = backend.password(world.users.get("alice"), Map.of("tenancy_scope", world.ws2));

        JsonNode introspection = backend.introspect(alice.accessToken());

        assertThat(introspection.path("active").asBoolean()).isTrue();
        assertThat(introspection.path("tenancy").path("scope").path("id").asText()).isEqualTo(world.ws2);
    }
}
