package dev.arbor.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.keycloak.admin.client.Keycloak;

/**
 * One Keycloak with the freshly built jar for {@code mvn -Pload}: its own distribution under
 * {@code target/benchmark/keycloak-<database>/}, started from an empty database every time, on the embedded H2
 * file database (Keycloak's default outside production) or on a PostgreSQL of its own (the cluster tests' one).
 */
public final class BenchmarkServer implements KeycloakServer, AutoCloseable {

    private static final String HOST = "127.0.0.1";

    /**
     * Keycloak's heap unless {@code -Darbor.load.heap} says otherwise (empty: kc.sh's own, at most 512 MB outside a
     * container). The benchmark's data, a million memberships, lives in the same heap as H2's pages and Arbor's
     * cache; at 512 MB that Keycloak spends its time collecting garbage (docs/operations.md, heap sizing).
     */
    private static final String DEFAULT_HEAP = "2g";

    /** The databases the benchmark can run on. */
    public enum Database {
        H2, POSTGRES;

        public static Database named(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown database '" + name + "': h2 or postgres", e);
            }
        }
    }

    private final ServerProcess process;
    private final PostgresServer postgres;
    private final URI baseUri;
    private final URI metricsUri;
    private final String description;
    private final Path recording;

    private BenchmarkServer(ServerProcess process, PostgresServer postgres, URI baseUri, URI metricsUri,
            String description, Path recording) {
        this.process = process;
        this.postgres = postgres;
        this.baseUri = baseUri;
        this.metricsUri = metricsUri;
        this.description = description;
        this.recording = recording;
    }

    /** Starts it with the settings Maven passes (see the {@code load} profile in arbor-keycloak.pom.xml). */
    public static BenchmarkServer start(Database database) {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        long started = System.nanoTime();
        Path dir = settings.workDir().resolve("benchmark").resolve("keycloak-" + database.name().toLowerCase(Locale.ROOT));
        KeycloakDistribution distribution =
                KeycloakDistribution.unpack(settings.keycloakZip(), settings.keycloakVersion(), dir);
        distribution.installProvider(settings.providerJar());
        KeycloakDistribution.deleteRecursively(distribution.home().resolve("data"));
        PostgresServer postgres = null;
        List<String> build = ServerOptions.build(database == Database.H2 ? ServerOptions.Database.DEV_FILE
                : ServerOptions.Database.POSTGRES);
        distribution.buildIfNeeded(build, dir.resolve("build.log"));

        int httpPort = DistributionServer.freePort();
        int managementPort = DistributionServer.freePort();
        List<String> arguments = new ArrayList<>(ServerOptions.start(HOST, httpPort, managementPort));
        String heap = heap();
        String description = "Keycloak " + settings.keycloakVersion() + " on embedded H2 (dev-file)";
        if (database == Database.POSTGRES) {
            postgres = PostgresServer.start(dir.resolve("postgres"));
            arguments.addAll(ServerOptions.database(postgres.jdbcUrl(), PostgresServer.USER));
            description = "Keycloak " + settings.keycloakVersion() + " on PostgreSQL " + postgres.version();
        }
        description += heap.isEmpty() ? ", kc.sh's default heap (-Xmx512m)" : ", heap -Xms" + heap + " -Xmx" + heap;
        Path log = dir.resolve("keycloak.log");
        Path recording = Boolean.getBoolean("arbor.load.jfr") ? dir.resolve("keycloak.jfr") : null;
        ServerProcess process;
        try {
            Map<String, String> environment = new HashMap<>(DistributionServer.environment());
            if (!heap.isEmpty()) {
                environment.put("JAVA_OPTS_KC_HEAP", "-Xms" + heap + " -Xmx" + heap);
            }
            if (recording != null) {
                KeycloakDistribution.deleteRecursively(recording); // an earlier run's would be read as this one's
                // deeper stacks than the default 64: Arbor's frames sit under Keycloak's and Quarkus' own
                environment.put("JAVA_OPTS_APPEND", "-XX:FlightRecorderOptions=stackdepth=128"
                        + " -XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
            }
            process = ServerProcess.start(distribution.serverCommand(arguments), environment, distribution.home(),
                    log);
            process.awaitReady(URI.create("http://" + HOST + ":" + managementPort + "/health/ready"),
                    Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
        URI baseUri = URI.create("http://" + HOST + ":" + httpPort);
        Log.info(description + " ready at " + baseUri + " (log " + log + ") after " + Log.since(started));
        return new BenchmarkServer(process, postgres, baseUri,
                URI.create("http://" + HOST + ":" + managementPort + "/metrics"), description, recording);
    }

    private static String heap() {
        String heap = System.getProperty("arbor.load.heap", DEFAULT_HEAP).strip().toLowerCase(Locale.ROOT);
        if (!heap.isEmpty() && !heap.matches("[1-9][0-9]*[mg]")) {
            throw new IllegalArgumentException("arbor.load.heap is a size such as 2g or 1536m, or empty, not " + heap);
        }
        return heap;
    }

    /** What runs: Keycloak's version, the database and the heap. */
    public String description() {
        return description;
    }

    /**
     * The Flight Recorder file of Keycloak ({@code -Darbor.load.jfr=true}), complete once this server is closed: the
     * recording is written when Keycloak stops.
     */
    public java.util.Optional<Path> recording() {
        return java.util.Optional.ofNullable(recording);
    }

    /** A token of the master realm's bootstrap administrator. */
    public String masterAdminToken() {
        return masterAdminToken(baseUri);
    }

    /** A token of the bootstrap administrator of the master realm of the Keycloak at {@code baseUri}. */
    public static String masterAdminToken(URI baseUri) {
        return RealmSetup.masterAdminToken(baseUri, DistributionServer.ADMIN_USERNAME,
                DistributionServer.ADMIN_PASSWORD);
    }

    /**
     * Runs {@code benchmark} on two nodes clustered on one PostgreSQL, started as the cluster ITs start them
     * ({@link KeycloakCluster}, under {@code target/keycloak-cluster/}), and stops them afterwards.
     */
    public static <R> R withCluster(java.util.function.Function<KeycloakCluster, R> benchmark) {
        try (ClusterServers cluster = ClusterServers.start(HarnessSettings.fromSystemProperties())) {
            return benchmark.apply(cluster);
        }
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public URI metricsUri() {
        return metricsUri;
    }

    @Override
    public Keycloak admin() {
        throw new UnsupportedOperationException("the benchmark calls Keycloak's admin API over plain HTTP");
    }

    @Override
    public void close() {
        process.close();
        if (postgres != null) {
            postgres.close();
        }
    }
}
