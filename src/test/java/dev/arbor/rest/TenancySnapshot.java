package dev.arbor.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborApi.Answer;
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
        JsonNode export = admin.get("export").expect(200);
        snapshot.set("export", export);
        snapshot.put("schemaRevision", admin.get("schema").expect(200).path("revision").asInt());
        ObjectNode invitations = snapshot.putObject("invitations");
        for (String key : keys(export)) {
            invitations.set(key, invitations(admin, key));
        }
        return snapshot.toString();
    }

    /** The key of every scope in the export: a scope made through the API without a key exports its id. */
    static List<String> keys(JsonNode export) {
        List<String> keys = new ArrayList<>();
        collect(export.path("scopes"), keys);
        return keys;
    }

    private static void collect(JsonNode nodes, List<String> keys) {
        for (JsonNode node : nodes) {
            keys.add(node.path("key").asText());
            collect(node.path("children"), keys);
        }
    }

    /** The scope's id: its key is either the id itself or a key given at creation or import. */
    static String id(ArborApi admin, String key) {
        JsonNode byKey = admin.get("scopes?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)).expect(200);
        return byKey.isEmpty() ? key : byKey.get(0).path("id").asText();
    }

    private static JsonNode invitations(ArborApi admin, String key) {
        Answer answer = admin.get("scopes/" + URLEncoder.encode(id(admin, key), StandardCharsets.UTF_8)
                + "/invitations?max=1000");
        return answer.expect(200);
    }
}
