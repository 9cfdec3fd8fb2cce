package dev.arbor.core;

import java.util.List;

/**
 * The answer to "may …?", with the chain of rules that produced it.
 *
 * @param explanation readable steps, in the order they were taken; empty unless the decision was explained
 */
public record Decision(boolean allowed, Reason reason, List<String> explanation) {

    public Decision {
        explanation = List.copyOf(explanation);
    }

    /** Why, as a code an adapter can map (e.g. to an HTTP status). */
    public enum Reason {
        ALLOWED,
        /** the schema gives the principal no such permission here */
        NOT_PERMITTED,
        /** no delegation rule lets the actor grant or revoke this role here */
        NOT_DELEGATED,
        /** the role would give more than the actor has here, and the rule does not allow that */
        EXCEEDS_OWN_PERMISSIONS,
        /** the role already has as many holders as it may; a transfer was not asked for */
        TOO_MANY_HOLDERS,
        /** revoking would leave fewer holders than the role needs */
        TOO_FEW_HOLDERS,
        /** the user holds another role of the same exclusive group at the scope; it must be revoked first */
        EXCLUSIVE_ROLE_HELD,
        /** the user holds roles at as many scopes of the type under one root as the schema allows */
        TOO_MANY_SCOPES,
        /** an optional permission the user's roles do not allow */
        OPTION_NOT_ALLOWED,
        /** the scope, role or permission is not known */
        UNKNOWN,
        /** the scopes involved share no ancestor */
        NO_COMMON_ANCESTOR
    }

    static Decision allow(List<String> explanation) {
        return new Decision(true, Reason.ALLOWED, explanation);
    }

    static Decision deny(Reason reason, List<String> explanation) {
        return new Decision(false, reason, explanation);
    }

    static Decision unknownScope(String scopeId) {
        return deny(Reason.UNKNOWN, List.of("no scope " + scopeId));
    }

    static Decision realmAdministrator(Principal principal) {
        return allow(List.of("user " + principal.userId() + " is a realm administrator"));
    }
}
