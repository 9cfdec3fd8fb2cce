package dev.arbor.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Demo realms of {@code realm-export/} imported into the test server under unique names (so no run collides with
 * another or with the demo), once per test class, and removed by {@link #close}. A realm file carries everything:
 * the {@code tenancy} client scope, the {@code arbor-browser} flow and the tenancy itself (attribute
 * {@code arbor.tenancy}, applied by Arbor when Keycloak creates the realm, docs/realm-files.md).
 */
public final class DemoRealms {

    private final Map<String, String> bySeed = new ConcurrentHashMap<>();

    /** The seed's realm with its tenancy; imported on first use. */
    public String realm(KeycloakServer server, String seed) {
        return bySeed.computeIfAbsent(seed, name -> importUnderUniqueName(server, name));
    }

    public void close(KeycloakServer server) {
        bySeed.values().forEach(realm -> server.admin().realm(realm).remove());
        bySeed.clear();
    }

    /**
     * Creates {@code realm-export/<seed>.json} as {@code <seed>-<random>} through Keycloak's admin API (a realm
     * created from a representation: Arbor applies the tenancy the file carries); the new name.
     */
    public static String importUnderUniqueName(KeycloakServer server, String seed) {
        String name = seed + "-" + UUID.randomUUID().toString().substring(0, 8);
        // the tenant admin app's client names its realm in its URLs
        ObjectNode realm = (ObjectNode) Json.parse(RealmExports.read(RealmExports.directory().resolve(seed + ".json"))
                .toString().replace("/realms/" + seed + "/", "/realms/" + name + "/"));
        realm.put("realm", name);
        server.admin().realms().create(new ObjectMapper().convertValue(realm, RealmRepresentation.class));
        return name;
    }
}
