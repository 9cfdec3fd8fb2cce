package dev.arbor.core;

/**
 * Who asks.
 *
 * @param realmAdmin a Keycloak realm administrator, who acts above every root scope: may administer everything,
 *        but holds no tenancy permissions in tokens unless also a member
 */
public record Principal(String userId, boolean realmAdmin) {

    public static Principal user(String userId) {
        return new Principal(userId, false);
    }

    public static Principal realmAdmin(String userId) {
        return new Principal(userId, true);
    }
}
