package dev.arbor.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Keycloak distribution of its own, on an H2 file database ({@code dev-file}), for ITs that run Keycloak's own
 * commands against a database that outlives a process: {@code kc.sh start --import-realm}, {@code kc.sh export},
 * {@code kc.sh import}. H2 locks its file, so one process at a time: stop the server before exporting.
 */
public final class FileDatabaseKeycloak {

    private static final String HOST = "127.0.0.1";

    private final KeycloakDistribution distribution;
    private final Path dir;

    private FileDatabaseKeycloak(KeycloakDistribution distribution, Path dir) {
        this.distribution = distribution;
        this.dir = dir;
    }

    /** Unpacks and builds (when needed) a distribution under {@code target/<name>}, with the fresh Arbor jar. */
    public static FileDatabaseKeycloak prepare(String name) {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        Path dir = settings.workDir().resolve(name);
        KeycloakDistribution distribution =
                KeycloakDistribution.unpack(settings.keycloakZip(), settings.keycloakVersion(), dir);
        distribution.installProvider(settings.providerJar());
        distribution.buildIfNeeded(ServerOptions.build(ServerOptions.Database.DEV_FILE), dir.resolve("build.log"));
        return new FileDatabaseKeycloak(distribution, dir);
    }

    /** Deletes the database, so that the next command starts from an empty one. */
    public void resetDatabase() {
        KeycloakDistribution.deleteRecursively(databaseDir());
    }

    /**
     * Starts the server on the database as it is; with {@code --import-realm} of {@code realmFiles} unless none.
     * Log: {@code <dir>/<logName>.log}.
     */
    public Running start(List<Path> realmFiles, String logName) {
        return start(realmFiles, List.of(), logName);
    }

    /** As {@link #start(List, String)}, with more runtime options, e.g. {@code --db-url}. */
    public Running start(List<Path> realmFiles, List<String> options, String logName) {
        distribution.stageRealmImports(realmFiles);
        int httpPort = DistributionServer.freePort();
        int managementPort = DistributionServer.freePort();
        List<String> arguments = new ArrayList<>(ServerOptions.start(HOST, httpPort, managementPort));
        if (!realmFiles.isEmpty()) {
            arguments.add("--import-realm");
        }
        arguments.addAll(options);
        ServerProcess process = ServerProcess.start(distribution.serverCommand(arguments),
                DistributionServer.environment(), distribution.home(), log(logName));
        URI management = URI.create("http://" + HOST + ":" + managementPort);
        process.awaitReady(URI.create(management + "/health/ready"), Duration.ofMinutes(5));
        return new Running(process, URI.create("http://" + HOST + ":" + httpPort), URI.create(management + "/metrics"));
    }

    /** The H2 database's directory, as {@code dev-file} names it. */
    public Path databaseDir() {
        return distribution.home().resolve("data").resolve("h2");
    }

    /**
     * Runs {@code kc.sh arguments} (e.g. {@code export --dir ...}) to its end.
     *
     * @return the exit code; the output is in {@link #log}
     */
    public int run(List<String> arguments, String logName) {
        List<String> command = new ArrayList<>(arguments);
        command.add(1, "--optimized");
        ServerProcess process = ServerProcess.start(distribution.serverCommand(command),
                DistributionServer.environment(), distribution.home(), log(logName));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        try (process) {
            while (process.isAlive()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("kc.sh " + arguments + " did not end within 5 minutes; log: "
                            + log(logName) + System.lineSeparator() + Log.tail(log(logName), 40));
                }
                Thread.sleep(250);
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running kc.sh " + arguments, e);
        }
    }

    public Path log(String logName) {
        return dir.resolve(logName + ".log");
    }

    /** A server started by {@link #start}; close to stop it (the database stays). */
    public static final class Running implements AutoCloseable {

        private final ServerProcess process;
        private final URI baseUri;
        private final URI metricsUri;

        private Running(ServerProcess process, URI baseUri, URI metricsUri) {
            this.process = process;
            this.baseUri = baseUri;
            this.metricsUri = metricsUri;
        }

        public URI baseUri() {
            return baseUri;
        }

        /** Keycloak's metrics endpoint on the management interface (Prometheus text). */
        public URI metricsUri() {
            return metricsUri;
        }

        /** A fresh access token of the bootstrap administrator of the master realm. */
        public String adminToken() {
            return RealmSetup.masterAdminToken(baseUri, DistributionServer.ADMIN_USERNAME,
                    DistributionServer.ADMIN_PASSWORD);
        }

        @Override
        public void close() {
            process.close();
        }
    }
}
