package dev.arbor.login;

/** Registers the "you have been invited" step; add it to the browser flow after sign-in, before the scope picker. */
public final class InvitationsAuthenticatorFactory extends LoginStepFactory {

    public static final String PROVIDER_ID = "arbor-invitations";

    public InvitationsAuthenticatorFactory() {
        super(PROVIDER_ID, "Arbor: accept tenancy invitations",
                "Shows a user's open tenancy invitations after sign-in to accept or decline (Arbor).",
                new InvitationsAuthenticator());
    }
}
