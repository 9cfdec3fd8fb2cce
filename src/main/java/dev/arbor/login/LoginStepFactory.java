package dev.arbor.login;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Registers one of Arbor's login steps: a required (or disabled) step of a flow, without configuration, sharing
 * one stateless instance.
 */
abstract class LoginStepFactory implements AuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final LoginStep step;

    LoginStepFactory(String id, String displayType, String helpText, LoginStep step) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.step = step;
    }

    @Override
    public final Authenticator create(KeycloakSession session) {
        return step;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final String getReferenceCategory() {
        return "tenancy";
    }

    @Override
    public final boolean isConfigurable() {
        return false;
    }

    @Override
    public final AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public final boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public final void init(Config.Scope config) {
        // no configuration
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public final void close() {
        // stateless
    }
}
