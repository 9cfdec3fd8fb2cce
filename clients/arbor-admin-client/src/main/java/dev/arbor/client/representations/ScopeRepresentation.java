package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A scope of the tenancy tree.
 *
 * @param key a stable external identifier given at creation or by an import, or null
 * @param parentId null for a root scope
 * @param path the scopes from the root to this one, both included
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScopeRepresentation(String id, String key, String type, String name, String parentId,
        List<ScopeRef> path, Map<String, Object> attributes) {
}
