package dev.arbor.store;

import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's entity manager for a session, obtained on its first use: most requests that read the tenancy (every
 * token with the claim) are answered from the node's cache, and obtaining the entity manager alone opens a
 * persistence context in the request's transaction, to be flushed and closed when it ends.
 */
final class LazyEntityManager {

    private LazyEntityManager() {
    }

    static EntityManager of(KeycloakSession session) {
        EntityManager[] obtained = new EntityManager[1];
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (obtained[0] == null) {
                        obtained[0] = session.getProvider(JpaConnectionProvider.class).getEntityManager();
                    }
                    try {
                        return method.invoke(obtained[0], args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause(); // as the entity manager threw it, converted by Keycloak's
                    }
                });
    }
}
