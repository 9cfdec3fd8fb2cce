package dev.arbor.login;

/** Registers the "choose a workspace" step; add it to the browser flow after the user is identified. */
public final class ScopePickerAuthenticatorFactory extends LoginStepFactory {

    public static final String PROVIDER_ID = "arbor-scope-picker";

    public ScopePickerAuthenticatorFactory() {
        super(PROVIDER_ID, "Arbor: choose a tenancy scope",
                "Lets a user with several tenancy scopes choose the one this client session acts in (Arbor).",
                new ScopePickerAuthenticator());
    }
}
