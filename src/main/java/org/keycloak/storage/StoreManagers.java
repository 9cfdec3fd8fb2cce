package org.keycloak.storage;

/**
 * Compile-time stand-in, never shipped (the jar excludes {@code org/keycloak/**}): Keycloak's
 * {@code DefaultDatastoreProvider}, which {@code dev.arbor.realmfile.ArborDatastoreProvider} extends, implements this
 * interface of {@code keycloak-model-storage}, an artifact that Maven Central does not serve. javac needs the
 * supertype to exist; Arbor calls none of its methods, so an empty interface is enough. At run time the server's own
 * {@code org.keycloak.storage.StoreManagers} is the one loaded.
 */
public interface StoreManagers {
}
