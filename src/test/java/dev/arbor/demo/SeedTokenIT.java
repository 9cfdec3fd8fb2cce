package dev.arbor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Audiences;
import dev.arbor.testing.DemoRealms;
import dev.arbor.testing.DemoTenancy;
import dev.arbor.testing.Http;
import dev.arbor.testing.Json;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.TestUser;
import dev.arbor.testing.TokenSet;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * Tokens of representative demo users carry what each seed says, for the scope they act in, alike in the access
 * token, the ID token, userinfo and introspection; every claim matches the published JSON Schema of the claim
 * ({@code dev/arbor/schema/tenancy-claim.json}).
 */
@ArborIT
class SeedTokenIT {

    private static final DemoRealms REALMS = new DemoRealms();
    private static final String INTROSPECTOR = "introspector";
    private static final Schema CLAIM_SCHEMA = claimSchema();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        skyport          | the account owner starts subscriptions in a workspace without owner | alice | acme-studio-b   | subscriptions:subscriptions:start  | true
        skyport          | ... not in one with an owner (sealed)                                | alice | acme-studio-a   | subscriptions:subscriptions:start  | false
        skyport          | the workspace owner does                                             | carol | acme-studio-a   | subscriptions:subscriptions:start  | true
        skyport          | a Gen-IC admin connects to Gen-ICs                                   | erin  | acme-studio-a   | genic:instances:connect            | true
        skyport          | ... and does nothing more                                            | erin  | acme-studio-a   | subscriptions:subscriptions:start  | false
        eschat           | a customer admin enables client-side recording                       | cam   | metro-fire      | customers:recording:edit           | true
        eschat           | ... but does not configure the RTP gateway                           | cam   | metro-fire      | customers:rtp-gateway:edit         | false
        eschat           | support sees all portal users                                        | sven  | server          | portal-users:all:view              | true
        eschat           | contacts have no portal permission                                   | pam   | metro-fire      | customers:customer:view            | false
        msp-portal       | L2 support with Workspaces L2 creates flows                          | lena  | northwind-msp   | portal:flows:create                | true
        msp-portal       | a client admin does not without Workspaces L2                        | carla | contoso         | portal:flows:create                | false
        msp-portal       | read-only admin reads users                                          | rory  | contoso         | portal:users:read                  | true
        hosting-contacts | only the owner cancels services                                      | olivia| account-1042    | services:services:cancel           | true
        hosting-contacts | the administrator does not                                           | adam  | account-1042    | services:services:cancel           | false
        skytap           | an administrator's mandatory reporting                               | ada   | initech         | reports:reports:generate           | true
        skytap           | a standard user's enabled option                                     | stan  | initech         | vms:vms:import                     | true
        skytap           | reporting for one department only                                    | dora  | initech-engineering | reports:reports:generate       | true
        """)
    void theTokenSaysWhatTheSeedSays(String seed, String rule, String user, String scopeKey, String permission,
            boolean expected, KeycloakServer server) throws Exception {
        String realm = REALMS.realm(server, seed);
        OidcClient client = OidcClient.of(server, realm, DemoTenancy.CLIENT);
        String admin = client.password(new TestUser(null, DemoTenancy.ADMIN, DemoTenancy.ADMIN)).accessToken();
        String scopeId = Json.parse(Http.get(server.realmUri(realm, "tenancy/scopes?key=" + scopeKey), admin).body())
                .get(0).path("id").asText();

        TokenSet tokens = client.password(new TestUser(null, user, user), Map.of("tenancy_scope", scopeId));
        JsonNode claim = tokens.accessTokenClaims().path("tenancy");

        assertThat(claim.path("scope").path("id").asText()).isEqualTo(scopeId);
        assertThat(tokens.idTokenClaims().path("tenancy")).as("ID token").isEqualTo(claim);
        assertThat(withoutSwitchable(client.userInfo(tokens.accessToken()).path("tenancy"))).as("userinfo")
                .isEqualTo(claim);
        assertThat(introspector(server, realm).introspect(tokens.accessToken()).path("tenancy")).as("introspection")
                .isEqualTo(claim);
        assertThat(CLAIM_SCHEMA.validate(claim)).as("the claim matches tenancy-claim.json").isEmpty();
        boolean has = false;
        for (JsonNode granted : claim.path("permissions")) {
            has |= granted.asText().equals(permission);
        }
        assertThat(has).as(seed + ": " + rule).isEqualTo(expected);
    }

    /** The userinfo claim adds the scopes to switch to; the rest is the token's claim. */
    private static JsonNode withoutSwitchable(JsonNode userinfo) {
        ObjectNode copy = userinfo.deepCopy();
        copy.remove("switchable");
        copy.remove("switchableTruncated");
        return copy;
    }

    /**
     * A confidential client of the demo realm that may introspect the demo client's tokens (created once per
     * realm): Keycloak introspects a token only for a client in its audience.
     */
    private static OidcClient introspector(KeycloakServer server, String realm) {
        var clients = server.admin().realm(realm).clients();
        if (clients.findByClientId(INTROSPECTOR).isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(INTROSPECTOR);
            client.setPublicClient(false);
            client.setSecret(INTROSPECTOR + "-secret");
            client.setStandardFlowEnabled(false);
            clients.create(client).close();
            Audiences.add(server.admin().realm(realm), DemoTenancy.CLIENT, INTROSPECTOR);
        }
        return OidcClient.confidential(server, realm, INTROSPECTOR, INTROSPECTOR + "-secret");
    }

    @AfterAll
    static void removeRealms(KeycloakServer server) {
        REALMS.close(server);
    }

    private static Schema claimSchema() {
        try (InputStream in = SeedTokenIT.class.getResourceAsStream("/dev/arbor/schema/tenancy-claim.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
