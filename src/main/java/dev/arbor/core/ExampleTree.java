package dev.arbor.core;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The small tree a schema's assertions are judged on: scopes nested as in a tenancy document ({@code key},
 * {@code type}, {@code name}, {@code attributes}, {@code children}) and members ({@code user}, {@code scope},
 * {@code roles}, {@code options}), each placed by the schema's own rules. Keys stand for scope ids, user names for
 * user ids.
 */
final class ExampleTree {

    private final TenancySchema schema;
    private final Placement placement;
    private final InMemoryTree.Builder builder = InMemoryTree.builder();
    private final Map<String, String> typesByKey = new LinkedHashMap<>();

    private ExampleTree(TenancySchema schema) {
        this.schema = schema;
        this.placement = new Placement(schema);
    }

    /** @return the tree, or empty when a problem was reported (the rows are not judged then) */
    static Optional<InMemoryTree> read(TenancySchema schema, Node scopes, Node members, Problems problems) {
        ExampleTree tree = new ExampleTree(schema);
        boolean before = problems.isEmpty();
        for (Node scope : scopes.items()) {
            tree.scope(scope, null, null);
        }
        for (Node member : members.items()) {
            tree.member(member);
        }
        return before && problems.isEmpty() ? Optional.of(tree.builder.build()) : Optional.empty();
    }

    private void scope(Node node, String parentKey, String parentType) {
        node.entries(Set.of("key", "type", "name", "attributes", "children"));
        String key = node.get("key").string();
        String type = node.get("type").string();
        if (key == null || type == null) {
            return;
        }
        if (typesByKey.containsKey(key)) {
            node.get("key").problem("key " + key + " is used twice");
            return;
        }
        Map<String, Object> attributes = attributes(node.get("attributes"));
        Optional<Placement.Misfit> misfit = placement.check(type, parentType, attributes, "");
        if (misfit.isPresent()) {
            node.get(misfit.get().field().startsWith("attributes") ? "attributes" : "type")
                    .problem(misfit.get().message());
            return;
        }
        String name = node.get("name").optionalString();
        builder.scope(key, type, name == null ? key : name, parentKey, attributes);
        typesByKey.put(key, type);
        for (Node child : node.get("children").items()) {
            scope(child, key, type);
        }
    }

    private static Map<String, Object> attributes(Node node) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        node.entries(null).forEach((name, value) -> attributes.put(name, value.scalar()));
        return attributes;
    }

    private void member(Node node) {
        node.entries(Set.of("user", "scope", "roles", "options"));
        String user = node.get("user").string();
        String scope = node.get("scope").string();
        if (user == null || scope == null) {
            return;
        }
        String type = typesByKey.get(scope);
        if (type == null) {
            node.get("scope").problem("no scope with key " + scope + " in assertions.scopes");
            return;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Node role : node.get("roles").stringItems()) {
            String name = role.string();
            if (name != null && !schema.roles(type).contains(name)) {
                role.problem("scope type " + type + " has no role " + name + "; it has " + schema.roles(type));
            } else if (name != null) {
                roles.add(name);
            }
        }
        if (roles.isEmpty()) {
            node.get("roles").problem("name at least one role");
            return;
        }
        Set<String> options = new LinkedHashSet<>();
        for (Node option : node.get("options").stringItems()) {
            String permission = option.string();
            if (permission != null && !schema.permissions().contains(permission)) {
                option.problem("no permission " + permission + " is declared");
            } else if (permission != null) {
                options.add(permission);
            }
        }
        builder.member(user, scope, roles, options);
    }
}
