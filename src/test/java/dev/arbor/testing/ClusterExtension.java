package dev.arbor.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link KeycloakCluster} once per run, in the root store, like {@link KeycloakExtension} its server, and
 * adds up the time the cluster test classes take, which the cluster reports when it stops.
 */
final class ClusterExtension implements ParameterResolver, BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("started", System.nanoTime());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Long started = context.getStore(NAMESPACE).get("started", Long.class);
        if (started != null) {
            ClusterServers.addTestTime(System.nanoTime() - started);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakCluster.class || type == TestRealms.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClusterServers cluster = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ClusterServers.class,
                key -> ClusterServers.start(HarnessSettings.fromSystemProperties()), ClusterServers.class);
        if (parameter.getParameter().getType() == KeycloakCluster.class) {
            return cluster;
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestRealms.class,
                key -> new TestRealms(cluster.node(0)), TestRealms.class);
    }
}
