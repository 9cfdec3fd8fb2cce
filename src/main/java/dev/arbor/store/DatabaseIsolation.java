package dev.arbor.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Whether the database shows each statement what was committed when the statement began (READ COMMITTED, the
 * default of PostgreSQL and H2). The node's tenancy cache keeps nothing loaded after a change it saw dropped
 * ({@link TreeCache}); under REPEATABLE READ (the default of MySQL and MariaDB) a request reads a snapshot taken at
 * its first statement, which may be older than that change, so the cache would keep what the change removed.
 * There the cache stays off and every token reads the database.
 */
final class DatabaseIsolation {

    private static final Logger LOG = Logger.getLogger(DatabaseIsolation.class);

    private DatabaseIsolation() {
    }

    /** Reads the isolation of a connection from Keycloak's pool and turns the cache off unless READ COMMITTED. */
    static void check(KeycloakSessionFactory factory) {
        int level;
        try {
            level = PooledConnection.read(factory, Connection::getTransactionIsolation);
        } catch (SQLException | RuntimeException e) {
            TreeCache.share(false);
            LOG.warn("Arbor's tenancy cache is off: the database's transaction isolation could not be read", e);
            return;
        }
        boolean readCommitted = sharesAt(level);
        TreeCache.share(readCommitted);
        if (!readCommitted) {
            LOG.warnf("Arbor's tenancy cache is off: the database's transaction isolation is %s, and the cache needs"
                    + " READ COMMITTED to keep no stale permission (on MySQL and MariaDB set"
                    + " transaction_isolation=READ-COMMITTED); every token reads the tenancy from the database",
                    name(level));
        }
    }

    /** Whether the node may share what it read at {@code level}, one of {@link Connection}'s constants. */
    private static boolean sharesAt(int level) {
        // READ UNCOMMITTED would cache what a transaction wrote and then rolled back
        return level == Connection.TRANSACTION_READ_COMMITTED;
    }

    private static String name(int level) {
        return switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            case Connection.TRANSACTION_NONE -> "none (no transactions)";
            default -> "level " + level;
        };
    }
}
