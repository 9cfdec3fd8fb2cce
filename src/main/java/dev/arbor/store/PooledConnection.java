package dev.arbor.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.JpaConnectionProviderFactory;
import org.keycloak.models.KeycloakSessionFactory;

/** A connection of Keycloak's own pool, borrowed when the server starts to learn what kind of database it is. */
final class PooledConnection {

    /** What to read of the connection. */
    interface Reading<T> {
        T from(Connection connection) throws SQLException;
    }

    private PooledConnection() {
    }

    static <T> T read(KeycloakSessionFactory factory, Reading<T> reading) throws SQLException {
        try (Connection connection = ((JpaConnectionProviderFactory) factory
                .getProviderFactory(JpaConnectionProvider.class)).getConnection()) {
            return reading.from(connection);
        }
    }
}
