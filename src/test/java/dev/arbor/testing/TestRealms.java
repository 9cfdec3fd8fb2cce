package dev.arbor.testing;

import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.keycloak.representations.idm.RealmRepresentation;

/** Creates throw-away realms for one test and deletes them when the test ends. */
public final class TestRealms implements AutoCloseable {

    private final KeycloakServer server;
    private final List<String> created = new ArrayList<>();

    TestRealms(KeycloakServer server) {
        this.server = server;
    }

    /** A new, enabled realm with a unique name. */
    public TestRealm create() {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        server.admin().realms().create(realm);
        created.add(name);
        return new TestRealm(server, name);
    }

    @Override
    public void close() {
        for (String name : created) {
            try {
                server.admin().realm(name).remove();
            } catch (NotFoundException alreadyGone) {
                // the test deleted it itself
            }
        }
        created.clear();
    }
}
