package dev.arbor.store;

import dev.arbor.store.jpa.ArborInvitationEntity;
import java.util.List;

/** A stored invitation. {@code status} is PENDING, ACCEPTED, DECLINED or REVOKED; expiry is by time. */
public record Invitation(String id, String scopeId, String email, List<String> roles, String inviterId,
        long createdAt, long expiresAt, String status, Long decidedAt, String decidedBy) {

    public static final String PENDING = "PENDING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DECLINED = "DECLINED";
    public static final String REVOKED = "REVOKED";

    public boolean isOpen(long now) {
        return PENDING.equals(status) && expiresAt > now;
    }

    static Invitation of(ArborInvitationEntity row) {
        return new Invitation(row.id, row.scopeId, row.email, List.of(row.roles.split(" ")), row.inviterId,
                row.createdAt, row.expiresAt, row.status, row.decidedAt, row.decidedBy);
    }

    /** The one form an e-mail address is stored, looked up and compared in: stripped, lower case. */
    public static String normalizedEmail(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
