package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What taking a role back did.
 *
 * @param removedWith the memberships the schema's cascade removed with it, one line each
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoleChange(String userId, String scopeId, String role, boolean transfer, List<String> removedWith) {
}
