package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The body of changing a scope ({@code PATCH /scopes/{id}}): what is null stays as it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScopeUpdate(String name, Map<String, Object> attributes) {

    public static ScopeUpdate name(String name) {
        return new ScopeUpdate(name, null);
    }
}
