package dev.arbor.service;

/**
 * Where a client session keeps its active scope, shared by the login steps that choose it and the token adapter
 * that puts it into tokens: the request parameter, and the client-session notes Keycloak and Arbor keep it in.
 */
public final class ScopeNotes {

    /** The request parameter a client names a scope with (a scope id or key). */
    public static final String PARAMETER = "tenancy_scope";
    /** The note holding the scope an authorization request named (or the login picker chose): Keycloak's prefix. */
    public static final String REQUESTED = "client_request_param_" + PARAMETER;
    /** The note holding the scope the session acts in, once a token carried it. */
    public static final String ACTIVE = "arbor.active_scope";

    private ScopeNotes() {
    }
}
