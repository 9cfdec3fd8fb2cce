package dev.arbor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;

/** The default server: the distribution zip from Maven, run as a local process on free loopback ports. */
final class DistributionServer implements KeycloakServer, AutoCloseable {

    static final String ADMIN_USERNAME = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final String HOST = "127.0.0.1";

    private final ServerProcess process;
    private final URI baseUri;
    private final URI metricsUri;
    private final Keycloak admin;

    private DistributionServer(ServerProcess process, URI baseUri, URI metricsUri) {
        this.process = process;
        this.baseUri = baseUri;
        this.metricsUri = metricsUri;
        this.admin = Keycloak.getInstance(baseUri.toString(), "master", ADMIN_USERNAME, ADMIN_PASSWORD, "admin-cli");
    }

    static DistributionServer start(HarnessSettings settings) {
        long started = System.nanoTime();
        Path dir = settings.workDir().resolve("keycloak-it");
        KeycloakDistribution distribution =
                KeycloakDistribution.unpack(settings.keycloakZip(), settings.keycloakVersion(), dir);
        distribution.installProvider(settings.providerJar());
        distribution.buildIfNeeded(ServerOptions.build(ServerOptions.Database.DEV_MEM), dir.resolve("build.log"));

        int httpPort = freePort();
        int managementPort = freePort();
        Path log = dir.resolve("keycloak.log");
        ServerProcess process = ServerProcess.start(
                distribution.serverCommand(ServerOptions.start(HOST, httpPort, managementPort)),
                environment(), distribution.home(), log);
        process.awaitReady(URI.create("http://" + HOST + ":" + managementPort + "/health/ready"),
                Duration.ofMinutes(5));
        URI baseUri = URI.create("http://" + HOST + ":" + httpPort);
        Log.info("Keycloak ready at " + baseUri + " (process group " + process.groupId() + ", log " + log
                + ") after " + Log.since(started));
        return new DistributionServer(process, baseUri,
                URI.create("http://" + HOST + ":" + managementPort + "/metrics"));
    }

    static Map<String, String> environment() {
        return Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
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
        return metricsUri;
    }

    @Override
    public void close() {
        admin.close();
        process.close();
        Log.info("Keycloak stopped");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
