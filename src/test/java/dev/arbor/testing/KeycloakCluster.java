package dev.arbor.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * Two Keycloak 26.7.3 nodes with Arbor on one PostgreSQL, clustered with Keycloak's own Infinispan (JDBC_PING),
 * shared by the cluster ITs of a run. Obtain it as a parameter of an {@link ArborClusterIT} class.
 */
public interface KeycloakCluster {

    /** The nodes, in start order; each has its own base URL and admin client. */
    List<KeycloakServer> nodes();

    default KeycloakServer node(int index) {
        return nodes().get(index);
    }

    /** Kills node {@code index} outright (SIGKILL to its process group), as a crash would. */
    void kill(int index);

    /** Starts node {@code index} again after {@link #kill}; returns when it is ready. */
    void start(int index);

    /** Stops PostgreSQL (fast shutdown, connections cut) and starts it again; the nodes keep running. */
    void restartDatabase();

    /** The provider jar the nodes run. */
    Path providerJar();

    /**
     * Starts one more node, with {@code providerJar} instead of the built one (a later version, say), on the same
     * database; it stays up until {@link #removeNode}.
     */
    KeycloakServer addNode(String name, Path providerJar);

    /** Stops and forgets a node started with {@link #addNode}. */
    void removeNode(KeycloakServer node);

    /** Runs one SQL statement on the cluster's database with {@code psql}; its unaligned output. */
    String sql(String statement);
}
