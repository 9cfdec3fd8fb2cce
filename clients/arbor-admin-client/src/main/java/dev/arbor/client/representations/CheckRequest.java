package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code POST /check}: may a user do {@code permission} at one scope ({@code scopeId}) or across
 * several ({@code scopeIds}, judged at their lowest common ancestor)? Name one or the other, not both.
 *
 * @param userId null for the caller themselves
 * @param resourceOwner whether the user owns the resource acted on (for owner-only permissions); null for no
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckRequest(String userId, String scopeId, List<String> scopeIds, String permission,
        Boolean resourceOwner) {

    /** May the caller do {@code permission} at {@code scopeId}? */
    public static CheckRequest of(String scopeId, String permission) {
        return new CheckRequest(null, scopeId, null, permission, null);
    }

    /** May {@code userId} do {@code permission} at {@code scopeId}? */
    public static CheckRequest forUser(String userId, String scopeId, String permission) {
        return new CheckRequest(userId, scopeId, null, permission, null);
    }
}
