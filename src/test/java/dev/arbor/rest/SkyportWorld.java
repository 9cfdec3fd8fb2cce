package dev.arbor.rest;

import dev.arbor.testing.ArborApi;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
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
final class SkyportWorld {

    final TestRealm realm;
    final OidcClient app;
    final Map<String, TestUser> users = new HashMap<>();
    final String acme;
    final String ws1;
    final String ws2;

    SkyportWorld(TestRealms realms) {
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

    ArborApi as(String user) {
        return realm.api(app, users.get(user));
    }

    /** The API as {@code user}, signed in and called through another node of a cluster. */
    ArborApi as(String user, KeycloakServer node) {
        TestRealm there = realm.on(node);
        return there.api(there.client("app", null), users.get(user));
    }

    String id(String user) {
        return users.get(user).id();
    }

    String roles(String scope, String user, String role) {
        return "scopes/" + scope + "/members/" + id(user) + "/roles/" + role;
    }

    String workspace(String name) {
        return "{\"type\":\"workspace\",\"name\":\"" + name + "\",\"parentId\":\"" + acme + "\"}";
    }

    static String schema(String name) {
        try {
            return Files.readString(Path.of("realm-export", "schemas", name + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
