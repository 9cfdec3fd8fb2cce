package dev.arbor.token;

import dev.arbor.core.Access;
import dev.arbor.core.Scope;
import dev.arbor.service.Views.ActiveAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The claim for the active scope, assembled from the core's answer: one scope, whatever the number of
 * memberships, so the token stays small. Keys and lists come out in a fixed order.
 */
final class TenancyClaim {

    private TenancyClaim() {
    }

    static Map<String, Object> of(ActiveAccess active) {
        Access access = active.access();
        List<Scope> path = active.path();
        Scope scope = path.get(path.size() - 1);
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("scope", ref(scope));
        List<Map<String, Object>> refs = new ArrayList<>();
        path.forEach(each -> refs.add(ref(each)));
        claim.put("path", refs);
        TreeSet<String> roles = new TreeSet<>(access.roles());
        roles.addAll(access.actingRoles());
        claim.put("roles", List.copyOf(roles));
        claim.put("permissions", access.permissions());
        claim.put("options", access.options());
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("id", active.schemaId());
        schema.put("version", active.schemaVersion());
        claim.put("schema", schema);
        return claim;
    }

    /**
     * Adds the compact list of other scopes the user may switch to, at most {@code limit} of them, and
     * {@code switchableTruncated: true} when more exist.
     *
     * @param paths each scope's path (ancestors then the scope), in the order to list them
     */
    static void addSwitchable(Map<String, Object> claim, List<List<Scope>> paths, int limit) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (List<Scope> path : paths.subList(0, Math.min(limit, paths.size()))) {
            Map<String, Object> entry = ref(path.get(path.size() - 1));
            entry.put("path", path.stream().map(Scope::name).toList());
            entries.add(entry);
        }
        claim.put("switchable", entries);
        if (paths.size() > limit) {
            claim.put("switchableTruncated", true);
        }
    }

    private static Map<String, Object> ref(Scope scope) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("id", scope.id());
        ref.put("type", scope.type());
        ref.put("name", scope.name());
        return ref;
    }
}
