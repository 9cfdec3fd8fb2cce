package dev.arbor.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbor.testing.ArborApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A realm's whole tenancy as its real administrator reads it (through a client with the tenancy claim): the
 * export (schema, tree, memberships with roles and options), the schema revision, and every scope's invitations.
 * Two equal snapshots mean that nothing changed in between.
 */
final class TenancySnapshot {

    private TenancySnapshot() {
    }

    static String of(ArborApi admin) {
        ObjectNode snapshot = JsonNodeFactory.instance.objectNode();
        snapshot.set("export", admin.get("export").expect(200));
        snapshot.put("schemaRevision", admin.get("schema").expect(200).path("revision").asInt());
        ObjectNode invitations = snapshot.putObject("invitations");
        for (String id : scopeIds(admin)) {
            invitations.set(id, admin.get("scopes/" + encode(id) + "/invitations?max=1000").expect(200));
        }
        return snapshot.toString();
    }

    /** The id of every scope of the realm, parents before their children, as the realm admin lists them. */
    static List<String> scopeIds(ArborApi admin) {
        List<String> ids = new ArrayList<>();
        collect(admin, admin.get("scopes?max=1000").expect(200), ids);
        return ids;
    }

    private static void collect(ArborApi admin, JsonNode scopes, List<String> ids) {
        for (JsonNode scope : scopes) {
            String id = scope.path("id").asText();
            ids.add(id);
            collect(admin, admin.get("scopes?max=1000&parentId=" + encode(id)).expect(200), ids);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
