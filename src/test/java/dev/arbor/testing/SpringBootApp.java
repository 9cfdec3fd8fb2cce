package dev.arbor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot app's runnable jar started with {@code java -jar} as a process of its own, on a free port of
 * 127.0.0.1, as a deployer would run it. Ready once {@code /actuator/health} answers 200; its output goes to
 * {@code <arbor.work.dir>/<name>/app.log}. Like Keycloak, it runs in a watched process group: {@link #close()} ends
 * it, and so does the end of this JVM.
 */
public final class SpringBootApp implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final ServerProcess process;
    private final URI uri;

    private SpringBootApp(ServerProcess process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * Starts the jar named by the system property {@code jarProperty} (set by Maven, see arbor-keycloak.pom.xml)
     * with Spring {@code properties} as command-line arguments, and waits until it is ready.
     *
     * @throws IllegalStateException when the jar is missing, or the app ends or is not ready within two minutes
     *         (the message holds the log's tail)
     */
    public static SpringBootApp start(String name, String jarProperty, Map<String, String> properties) {
        Path jar = jar(jarProperty);
        Path dir = Path.of(System.getProperty("arbor.work.dir", "target")).resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        int port = DistributionServer.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--server.address=" + HOST, "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dir.resolve("app.log");
        ServerProcess process = ServerProcess.start(command, Map.of(), dir, log);
        URI uri = URI.create("http://" + HOST + ":" + port);
        process.awaitReady(URI.create(uri + "/actuator/health"), Duration.ofMinutes(2));
        Log.info(name + " ready at " + uri + " (process group " + process.groupId() + ", log " + log + ")");
        return new SpringBootApp(process, uri);
    }

    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        process.close();
    }

    private static Path jar(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + property + " is not set; run the ITs through Maven"
                    + " from pom.xml (the reactor builds the app's jar first)");
        }
        Path jar = Path.of(value);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(property + " names " + jar + ", which is not a jar; build it first"
                    + " (mvn verify from pom.xml, or -pl :arbor-keycloak -am)");
        }
        return jar;
    }
}
