package dev.arbor.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Keycloak per test run, on first use, in the root context's store: JUnit closes it when the run
 * ends, whatever the outcome. {@link TestRealms} live in the test method's store and are closed after it.
 */
final class KeycloakExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == TestRealms.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KeycloakServer server = sharedServer(context);
        if (parameter.getParameter().getType() == KeycloakServer.class) {
            return server;
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestRealms.class, key -> new TestRealms(server),
                TestRealms.class);
    }

    private static KeycloakServer sharedServer(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KeycloakServer.class, key -> startServer(), KeycloakServer.class);
    }

    private static KeycloakServer startServer() {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        String mode = HarnessSettings.serverMode();
        switch (mode) {
            case "distribution":
                return DistributionServer.start(settings);
            case "testcontainers":
                return ContainerServer.start(settings);
            default:
                throw new IllegalStateException(
                        "arbor.it.server must be 'distribution' or 'testcontainers', not '" + mode + "'");
        }
    }
}
