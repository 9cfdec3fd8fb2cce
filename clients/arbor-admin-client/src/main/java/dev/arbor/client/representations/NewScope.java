package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of creating a scope ({@code POST /scopes}).
 *
 * @param parentId null for a root scope (realm administrators only)
 * @param key an optional stable external identifier, unique in the realm (realm administrators only)
 * @param attributes optional; values the schema's attribute declarations accept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewScope(String type, String name, String parentId, String key, Map<String, Object> attributes) {

    /** A root scope of {@code type}; only realm administrators may create one. */
    public static NewScope root(String type, String name, String key) {
        return new NewScope(type, name, null, key, null);
    }

    /** A scope of {@code type} below {@code parentId}. */
    public static NewScope child(String parentId, String type, String name) {
        return new NewScope(type, name, parentId, null, null);
    }
}
