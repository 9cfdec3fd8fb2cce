package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a user may do at one scope, and why.
 *
 * @param roles the roles held at this scope
 * @param actingRoles the roles that count here, inherited from above included
 * @param permissions the effective permissions
 * @param explanation how each permission came about, one line each
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessRepresentation(ScopeRepresentation scope, List<String> roles, List<String> actingRoles,
        List<String> permissions, List<String> options, List<String> explanation) {
}
