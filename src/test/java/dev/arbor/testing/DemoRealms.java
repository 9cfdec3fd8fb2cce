package dev.arbor.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Demo realms of {@code realm-export/} imported into the test server under unique names (so no run collides with
 * another or with the demo), with their tenancy loaded once per test class and removed by {@link #close}.
 */
public final class DemoRealms {

    private final Map<String, String> bySeed = new ConcurrentHashMap<>();

    /** The seed's realm with its tenancy loaded; imported on first use. */
    public String realm(KeycloakServer server, String seed) {
        return bySeed.computeIfAbsent(seed, name -> {
            String realm = importUnderUniqueName(server, name);
            DemoTenancy.apply(server.baseUri(), realm, RealmExports.directory(), name,
                    server.admin().tokenManager().getAccessTokenString()).orElseThrow();
            return realm;
        });
    }

    public void close(KeycloakServer server) {
        bySeed.values().forEach(realm -> server.admin().realm(realm).remove());
        bySeed.clear();
    }

    /** Imports {@code realm-export/<seed>.json} as {@code <seed>-<random>}, without its tenancy; the new name. */
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
