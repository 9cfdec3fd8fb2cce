package dev.arbor.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.admin.client.Keycloak;

/**
 * The cluster of {@link KeycloakCluster}: PostgreSQL, then two distributions unpacked side by side under
 * {@code target/keycloak-cluster/} (each node needs its own data directory), built once for PostgreSQL and
 * Infinispan, started one after the other so that only the first creates the schema and the bootstrap admin.
 */
final class ClusterServers implements KeycloakCluster, AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int NODES = 2;

    private final PostgresServer database;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Node> extra = new ArrayList<>();
    private final String hostname;
    private static final java.util.concurrent.atomic.AtomicLong TEST_NANOS = new java.util.concurrent.atomic.AtomicLong();
    private long startupNanos;

    private final HarnessSettings settings;

    private ClusterServers(PostgresServer database, String hostname, HarnessSettings settings) {
        this.database = database;
        this.hostname = hostname;
        this.settings = settings;
    }

    static ClusterServers start(HarnessSettings settings) {
        long started = System.nanoTime();
        Path dir = settings.workDir().resolve("keycloak-cluster");
        PostgresServer database = PostgresServer.start(dir.resolve("postgres"));
        int[] httpPorts = new int[NODES];
        for (int i = 0; i < NODES; i++) {
            httpPorts[i] = DistributionServer.freePort();
        }
        ClusterServers cluster = new ClusterServers(database, "http://" + HOST + ":" + httpPorts[0], settings);
        try {
            for (int i = 0; i < NODES; i++) {
                cluster.nodes.add(cluster.prepareNode("node-" + (char) ('a' + i), settings.providerJar(),
                        httpPorts[i]));
                cluster.startNode(cluster.nodes.get(i));
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        cluster.awaitClusterView(NODES);
        Log.info("cluster of " + NODES + " nodes on PostgreSQL ready after " + Log.since(started));
        cluster.startupNanos = System.nanoTime() - started;
        return cluster;
    }

    private Node prepareNode(String name, Path providerJar, int httpPort) {
        Path nodeDir = settings.workDir().resolve("keycloak-cluster").resolve(name);
        KeycloakDistribution distribution =
                KeycloakDistribution.unpack(settings.keycloakZip(), settings.keycloakVersion(), nodeDir);
        distribution.installProvider(providerJar);
        distribution.buildIfNeeded(ServerOptions.clusterBuild(), nodeDir.resolve("build.log"));
        return new Node(distribution, nodeDir, httpPort, DistributionServer.freePort(), DistributionServer.freePort());
    }

    @Override
    public Path providerJar() {
        return settings.providerJar();
    }

    @Override
    public synchronized KeycloakServer addNode(String name, Path providerJar) {
        Node node = prepareNode(name, providerJar, DistributionServer.freePort());
        extra.add(node);
        startNode(node);
        return node;
    }

    @Override
    public synchronized void removeNode(KeycloakServer node) {
        if (extra.remove(node)) {
            ((Node) node).close();
        }
    }

    @Override
    public String sql(String statement) {
        return database.sql(statement);
    }

    @Override
    public List<KeycloakServer> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public void kill(int index) {
        nodes.get(index).process.kill();
    }

    @Override
    public void start(int index) {
        startNode(nodes.get(index));
    }

    @Override
    public void restartDatabase() {
        database.restart();
    }

    private void startNode(Node node) {
        Path log = node.dir.resolve("keycloak.log");
        node.process = ServerProcess.start(node.distribution.serverCommand(ServerOptions.clusterNode(HOST,
                        node.httpPort, node.managementPort, node.clusterPort, hostname, database.jdbcUrl(),
                        PostgresServer.USER)),
                DistributionServer.environment(), node.distribution.home(), log);
        node.process.awaitReady(URI.create("http://" + HOST + ":" + node.managementPort + "/health/ready"),
                Duration.ofMinutes(5));
        Log.info("cluster node " + node.baseUri() + " ready (log " + log + ")");
    }

    /**
     * Waits until the first node's Infinispan sees {@code size} members: two nodes that share a database but never
     * formed a cluster would pass consistency tests for the wrong reason.
     */
    private void awaitClusterView(int size) {
        Path log = nodes.get(0).dir.resolve("keycloak.log");
        Pattern view = Pattern.compile("ISPN000094: Received new cluster view .*\\((\\d+)\\) \\[");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            int members = 0;
            Matcher matcher = view.matcher(Log.tail(log, 2000));
            while (matcher.find()) {
                members = Integer.parseInt(matcher.group(1));
            }
            if (members >= size) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the nodes did not form a cluster of " + size + " within a minute; see "
                + log);
    }

    @Override
    public void close() {
        for (Node node : extra) {
            node.close();
        }
        for (Node node : nodes) {
            node.close();
        }
        database.close();
        Log.info(String.format("cluster stopped; the cluster suite took %.1f s in its test classes, of which"
                + " %.1f s to start the cluster", TEST_NANOS.get() / 1e9, startupNanos / 1e9));
    }

    /** Time spent in one cluster test class, for the report at the end. */
    static void addTestTime(long nanos) {
        TEST_NANOS.addAndGet(nanos);
    }

    /** One node: its distribution, ports and (while it runs) process. */
    private static final class Node implements KeycloakServer {

        private final KeycloakDistribution distribution;
        private final Path dir;
        private final int httpPort;
        private final int managementPort;
        private final int clusterPort;
        private ServerProcess process;
        private Keycloak admin;

        Node(KeycloakDistribution distribution, Path dir, int httpPort, int managementPort, int clusterPort) {
            this.distribution = distribution;
            this.dir = dir;
            this.httpPort = httpPort;
            this.managementPort = managementPort;
            this.clusterPort = clusterPort;
        }

        @Override
        public URI baseUri() {
            return URI.create("http://" + HOST + ":" + httpPort);
        }

        @Override
        public URI metricsUri() {
            return URI.create("http://" + HOST + ":" + managementPort + "/metrics");
        }

        @Override
        public synchronized Keycloak admin() {
            if (admin == null) {
                admin = Keycloak.getInstance(baseUri().toString(), "master", DistributionServer.ADMIN_USERNAME,
                        DistributionServer.ADMIN_PASSWORD, "admin-cli");
            }
            return admin;
        }

        void close() {
            if (admin != null) {
                admin.close();
            }
            if (process != null) {
                process.close();
            }
        }
    }
}
