package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An offer of roles at a scope to an e-mail address.
 *
 * @param createdAt milliseconds since the epoch, as {@code expiresAt}
 * @param status {@code PENDING}, {@code EXPIRED}, {@code ACCEPTED}, {@code DECLINED} or {@code REVOKED}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvitationRepresentation(String id, ScopeRef scope, String email, List<String> roles,
        String inviterId, long createdAt, long expiresAt, String status) {
}
