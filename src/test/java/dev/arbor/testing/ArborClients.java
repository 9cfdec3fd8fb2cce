package dev.arbor.testing;

import dev.arbor.client.ArborAdmin;
import dev.arbor.client.ArborRealmUser;
import dev.arbor.client.TenancyResource;
import dev.arbor.client.UserTenancyResource;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * The typed client ({@code arbor-admin-client}) as the ITs use it: the admin API as the server's master-realm
 * administrator or with a given token, the realm users' API as one user. Each client opened here holds HTTP
 * connections; {@link #close} ends them all, so a test closes this in {@code @AfterEach}.
 */
public final class ArborClients implements AutoCloseable {

    private final KeycloakServer server;
    private final List<Runnable> opened = new ArrayList<>();

    public ArborClients(KeycloakServer server) {
        this.server = server;
    }

    /** {@code /admin/realms/{realm}/tenancy} as the master realm's bootstrap administrator. */
    public TenancyResource admin(TestRealm realm) {
        return ArborAdmin.of(server.admin()).realm(realm.name()).tenancy();
    }

    /** {@code /admin/realms/{realm}/tenancy} with {@code accessToken}, e.g. a realm user's. */
    public TenancyResource admin(TestRealm realm, String accessToken) {
        return ArborAdmin.of(withToken(realm, accessToken)).realm(realm.name()).tenancy();
    }

    /** {@code /admin/realms/{realm}/tenancy} with no {@code Authorization} header at all. */
    public TenancyResource anonymousAdmin(TestRealm realm) {
        Client client = Keycloak.getClientProvider().newRestEasyClient(null, null, false);
        opened.add(client::close);
        return Keycloak.getClientProvider().targetProxy(client.target(server.baseUri()), ArborAdmin.Realms.class)
                .realm(realm.name()).tenancy();
    }

    /** {@code /realms/{realm}/tenancy} as {@code user}, signed in with {@code client}'s password grant. */
    public UserTenancyResource user(TestRealm realm, OidcClient client, TestUser user) {
        return user(realm, client.password(user).accessToken());
    }

    /** {@code /realms/{realm}/tenancy} with {@code accessToken}, sent as it is. */
    public UserTenancyResource user(TestRealm realm, String accessToken) {
        return ArborRealmUser.of(withToken(realm, accessToken)).realm(realm.name()).tenancy();
    }

    /** The SkyPort world's realm users' API as {@code user}. */
    public UserTenancyResource user(SkyportWorld world, String user) {
        return user(world.realm, world.app, world.users.get(user));
    }

    /**
     * {@code /realms/{realm}/tenancy} as {@code user}, with the token handling of Keycloak's client: it signs in
     * with {@code clientId}'s password grant and refreshes the token as needed.
     */
    public UserTenancyResource signedIn(TestRealm realm, String clientId, TestUser user) {
        Keycloak keycloak = KeycloakBuilder.builder().serverUrl(server.baseUri().toString()).realm(realm.name())
                .clientId(clientId).grantType("password").username(user.username()).password(user.password())
                .build();
        opened.add(keycloak::close);
        return ArborRealmUser.of(keycloak).realm(realm.name()).tenancy();
    }

    private Keycloak withToken(TestRealm realm, String accessToken) {
        Keycloak keycloak = KeycloakBuilder.builder().serverUrl(server.baseUri().toString()).realm(realm.name())
                .authorization(accessToken).build();
        opened.add(keycloak::close);
        return keycloak;
    }

    /**
     * The error answer that {@code call} must end with, as the exception the typed client throws; fails the test
     * when it ends otherwise.
     */
    public static <T extends WebApplicationException> T refused(Class<T> type, ThrowingCallable call) {
        T thrown = Assertions.catchThrowableOfType(type, call);
        Assertions.assertThat(thrown).as("expected a " + type.getSimpleName()).isNotNull();
        return thrown;
    }

    /** {@link #refused(Class, ThrowingCallable)} with any error status. */
    public static WebApplicationException refused(ThrowingCallable call) {
        return refused(WebApplicationException.class, call);
    }

    @Override
    public void close() {
        opened.forEach(Runnable::run);
        opened.clear();
    }
}
