package dev.arbor.store;

import dev.arbor.core.Decision;
import dev.arbor.core.Policy;
import dev.arbor.core.Principal;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Accepting an invitation, the one way for the API and the login page alike: the sender's right to grant each
 * role is checked again now (it may have been revoked since the invitation was sent), the invitation is decided
 * once (a concurrent decision loses), and the roles are granted within their limits of holders.
 */
public final class InvitationAcceptance {

    /** How an acceptance ended. */
    public sealed interface Outcome {
    }

    /** The user holds the invitation's roles at {@code scope}. */
    public record Accepted(Scope scope) implements Outcome {
    }

    /** The sender may no longer grant a role; nothing changed. */
    public record Refused(Decision decision) implements Outcome {
    }

    /** The invitation was decided meanwhile, or a role is full; nothing changed. */
    public record Conflict(String message) implements Outcome {
    }

    private InvitationAcceptance() {
    }

    /**
     * Accepts {@code invitation} for {@code userId}, who the caller made sure it is addressed to. Changes happen in
     * the session's transaction; on any outcome other than {@link Accepted} the caller rolls it back.
     */
    public static Outcome accept(KeycloakSession session, RealmModel realm, TenancyStore store, Policy policy,
            Invitation invitation, String userId) {
        try {
            store.lockPath(invitation.scopeId());
        } catch (ConflictException e) {
            return new Conflict(e.getMessage());
        }
        UserModel inviter = session.users().getUserById(realm, invitation.inviterId());
        if (inviter == null) {
            return new Refused(new Decision(false, Decision.Reason.NOT_PERMITTED,
                    List.of("the user who sent the invitation no longer exists")));
        }
        Principal sender = new Principal(inviter.getId(), RealmAdministrators.includes(realm, inviter));
        TreeSlice tree = store.slice();
        for (String role : invitation.roles()) {
            Decision decision = policy.mayGrant(sender, userId, invitation.scopeId(), role, false, tree);
            if (!decision.allowed()) {
                List<String> why = new ArrayList<>();
                why.add("the invitation's sender may no longer grant this:");
                why.addAll(decision.explanation());
                return new Refused(new Decision(false, decision.reason(), why));
            }
        }
        if (!store.decide(invitation.id(), Invitation.ACCEPTED, userId)) {
            return new Conflict("Invitation " + invitation.id() + " was decided meanwhile");
        }
        Scope scope = tree.scope(invitation.scopeId()).orElseThrow();
        for (String role : invitation.roles()) {
            try {
                store.grant(userId, scope.id(), role,
                        policy.schema().maxHolders(scope.type(), role).orElse(Integer.MAX_VALUE));
            } catch (ConflictException e) {
                return new Conflict(e.getMessage());
            }
        }
        return new Accepted(scope);
    }
}
