package dev.arbor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A SkyPort realm built through the API as its users would build it: the realm admin stores the schema and
 * creates account acme (owner alice, admin bob); alice creates workspaces ws1 and ws2 and makes carol owner of
 * ws1; carol makes dave admin of ws1. zed, erin and mallory hold nothing.
 */
public final class SkyportWorld {

    public final TestRealm realm;
    public final OidcClient app;
    public final Map<String, TestUser> users = new HashMap<>();
    public final String acme;
    public final String ws1;
    public final String ws2;

    public SkyportWorld(TestRealms realms) {
        realm = realms.create();
        app = realm.createTenancyClient("app");
        users.put("root", realm.createRealmAdmin("root"));
        for (String name : new String[] {"alice", "bob", "carol", "dave", "zed", "erin", "mallory"}) {
            users.put(name, realm.createUser(name));
        }
        ArborApi root = as("root");
        root.put("schema", schema("skyport"), "application/yaml").expect(200);
        acme = root.post("scopes", "{\"type\":\"account\",\"name\":\"Acme\",\"attributes\":{\"firstPurchaseDone\":false}}")
                .createdId();
        root.put(roles(acme, "alice", "owner")).expect(200);
        root.put(roles(acme, "bob", "admin")).expect(200);
        ArborApi alice = as("alice");
        ws1 = alice.post("scopes", workspace("Studio A")).createdId();
        ws2 = alice.post("scopes", workspace("Studio B")).createdId();
        alice.put(roles(ws1, "carol", "owner")).expect(200);
        as("carol").put(roles(ws1, "dave", "admin")).expect(200);
    }

    public ArborApi as(String user) {
        return realm.api(app, users.get(user));
    }

    /** The API as {@code user}, signed in and called through another node of a cluster. */
    public ArborApi as(String user, KeycloakServer node) {
        TestRealm there = realm.on(node);
        return there.api(there.client("app", null), users.get(user));
    }

    public String id(String user) {
        return users.get(user).id();
    }

    public String roles(String scope, String user, String role) {
        return "scopes/" + scope + "/members/" + id(user) + "/roles/" + role;
    }

    public String workspace(String name) {
        return "{\"type\":\"workspace\",\"name\":\"" + name + "\",\"parentId\":\"" + acme + "\"}";
    }

    public static String schema(String name) {
        try {
            return Files.readString(Path.of("realm-export", "schemas", name + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
