package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code POST /scopes/{id}/invitations}.
 *
 * @param expiresIn seconds; null for the server's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewInvitation(String email, List<String> roles, Long expiresIn) {

    public static NewInvitation of(String email, String... roles) {
        return new NewInvitation(email, List.of(roles), null);
    }
}
