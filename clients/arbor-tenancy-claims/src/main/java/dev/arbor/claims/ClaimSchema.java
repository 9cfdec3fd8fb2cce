package dev.arbor.claims;

import java.util.Objects;

/**
 * The tenancy schema (the realm's permission model) a claim's permissions come from.
 *
 * @param id the schema's id, e.g. {@code skyport}
 * @param version its version, at least 1
 */
public record ClaimSchema(String id, int version) {

    /**
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException if {@code version} is below 1
     */
    public ClaimSchema {
        Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("version: must be at least 1, is " + version);
        }
    }
}
