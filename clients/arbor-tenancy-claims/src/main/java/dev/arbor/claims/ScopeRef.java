package dev.arbor.claims;

import java.util.Objects;

/**
 * A scope as the claim names it.
 *
 * @param id the scope's stable id, never blank
 * @param type its type in the tenancy schema, e.g. {@code workspace}
 * @param name its display name
 */
public record ScopeRef(String id, String type, String name) {

    /**
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public ScopeRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id: must not be blank");
        }
    }
}
