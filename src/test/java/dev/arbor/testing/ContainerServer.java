package dev.arbor.testing;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.net.URI;
import java.util.List;
import org.keycloak.admin.client.Keycloak;

/**
 * The same server in a container ({@code -Darbor.it.server=testcontainers}), for hosts with a Docker engine: the
 * official image of the same version with the freshly built jar as a provider.
 */
final class ContainerServer implements KeycloakServer, AutoCloseable {

    private final KeycloakContainer container;
    private final URI baseUri;
    private final Keycloak admin;

    private ContainerServer(KeycloakContainer container) {
        this.container = container;
        this.baseUri = URI.create(container.getAuthServerUrl().replaceAll("/+$", ""));
        this.admin = container.getKeycloakAdminClient();
    }

    @SuppressWarnings("resource") // closed by close()
    static ContainerServer start(HarnessSettings settings) {
        KeycloakContainer container = new KeycloakContainer("quay.io/keycloak/keycloak:" + settings.keycloakVersion())
                .withProviderLibsFrom(List.of(settings.providerJar().toFile()))
                .withEnabledMetrics();
        container.start();
        return new ContainerServer(container);
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public Keycloak admin() {
        return admin;
    }

    @Override
    public URI metricsUri() {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(9000) + "/metrics");
    }

    @Override
    public void close() {
        admin.close();
        container.stop();
    }
}
