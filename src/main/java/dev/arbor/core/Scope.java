package dev.arbor.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node of the tenancy tree as the core sees it.
 *
 * @param ancestors ids of the scopes above, root first, without this one: ancestry is stored, never walked
 * @param attributes state the schema's conditions may read (e.g. {@code firstPurchaseDone: true})
 */
public record Scope(String id, String type, String name, List<String> ancestors, Map<String, Object> attributes) {

    public Scope {
        ancestors = List.copyOf(ancestors);
        attributes = Map.copyOf(attributes);
    }

    /** Ancestors and then this scope's own id. */
    public List<String> path() {
        List<String> path = new ArrayList<>(ancestors.size() + 1);
        path.addAll(ancestors);
        path.add(id);
        return path;
    }

    public String parentId() {
        return ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    }

    /** How it reads in an explanation. */
    String label() {
        return type + " '" + name + "' (" + id + ")";
    }
}
