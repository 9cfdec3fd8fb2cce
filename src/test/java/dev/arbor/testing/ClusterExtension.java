package dev.arbor.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts the {@link KeycloakCluster} once per run, in the root store, like {@link KeycloakExtension} its server. */
final class ClusterExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterExtension.class);

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
