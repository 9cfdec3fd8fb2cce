package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The roles of a scope's type and what a holder of each may do there: the permission matrix.
 *
 * @param permissions every permission of the schema, in its order: the rows
 * @param roles the columns
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoleMatrix(String scopeId, String type, List<String> permissions, List<Column> roles) {

    /** @param maxHolders null when the role has no limit */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String name, List<String> permissions, List<String> optional, Integer maxHolders) {
    }
}
