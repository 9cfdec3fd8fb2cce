package dev.arbor.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The Keycloak command lines the harness and the demo use: one place, so that the tested server and the demo
 * server differ only where they must (database, ports, imports).
 */
final class ServerOptions {

    private ServerOptions() {
    }

    /**
     * Embedded H2: {@code dev-mem} starts every test run from an empty database; {@code dev-file} keeps data.
     * {@code postgres}: a single node on PostgreSQL (the benchmark), with {@link #database} at start.
     */
    enum Database {
        DEV_MEM("dev-mem"),
        DEV_FILE("dev-file"),
        POSTGRES("postgres");

        final String kind;

        Database(String kind) {
            this.kind = kind;
        }
    }

    /** Options baked in by {@code kc.sh build}; changing any of them means one more build. */
    static List<String> build(Database database) {
        return List.of(
                "--db=" + database.kind,
                "--cache=local",
                "--health-enabled=true",
                "--metrics-enabled=true");
    }

    /**
     * Build options of a cluster node: PostgreSQL, Infinispan distributed caches, JDBC_PING discovery through the
     * shared database (no multicast, nothing else to set up).
     */
    static List<String> clusterBuild() {
        return List.of(
                "--db=postgres",
                "--cache=ispn",
                "--cache-stack=jdbc-ping",
                "--health-enabled=true",
                "--metrics-enabled=true");
    }

    /**
     * Runtime options of one cluster node on loopback: its own ports, the shared database, and the same public
     * {@code hostname} on every node, so that a token one node issues is valid on the other.
     */
    static List<String> clusterNode(String host, int httpPort, int managementPort, int clusterPort, String hostname,
            String jdbcUrl, String dbUser) {
        List<String> options = new ArrayList<>(List.of(
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-host=" + host,
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname=" + hostname));
        options.addAll(database(jdbcUrl, dbUser));
        options.add("--cache-embedded-network-bind-address=" + host);
        options.add("--cache-embedded-network-bind-port=" + clusterPort);
        return options;
    }

    /** Runtime options naming a PostgreSQL database that trusts {@code user} (the harness's own PostgreSQL). */
    static List<String> database(String jdbcUrl, String user) {
        return List.of("--db-url=" + jdbcUrl, "--db-username=" + user, "--db-password=unused-trust-auth");
    }

    /** Runtime options of {@code kc.sh start --optimized} for a single node on loopback over plain HTTP. */
    static List<String> start(String host, int httpPort, int managementPort) {
        return List.of(
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-host=" + host,
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false");
    }
}
