package dev.arbor.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code after} and {@code next} of a member listing: the last listed user id, base64url. Opaque to clients so
 * that the sort key may change without changing the API.
 */
final class MemberCursor {

    /** Keycloak's user ids are at most 36 characters (its USER_ENTITY.ID column). */
    private static final int MAX_USER_ID = 36;

    private MemberCursor() {
    }

    static String of(String userId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(userId.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws TenancyException INVALID naming {@code after} for anything {@link #of} does not write */
    static String userId(String cursor) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            String userId = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (!userId.isEmpty() && userId.length() <= MAX_USER_ID && cursor.equals(of(userId))) {
                return userId;
            }
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // refused below, as every other cursor this class did not write
        }
        throw TenancyException.invalid("after", "after must be the next of an earlier page of this listing");
    }
}
