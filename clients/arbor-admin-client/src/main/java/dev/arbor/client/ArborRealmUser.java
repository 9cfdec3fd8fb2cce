package dev.arbor.client;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Objects;
import org.keycloak.admin.client.Keycloak;

/**
 * The realm users' tenancy API, {@code /realms/{realm}/tenancy}, as one user of that realm: through a Keycloak
 * client instance built for that user, e.g. with {@code KeycloakBuilder} and the password grant of a client whose
 * tokens carry the tenancy claim, or with {@code .authorization(accessToken)} for a token obtained elsewhere. The
 * token must be issued by the same realm; the tenancy schema decides what the user may do.
 *
 * <pre>{@code
 * UserTenancyResource tenancy = ArborRealmUser.of(aliceKeycloak).realm("skyport").tenancy();
 * }</pre>
 */
public final class ArborRealmUser {

    private final Realms realms;

    private ArborRealmUser(Realms realms) {
        this.realms = realms;
    }

    /** Calls go to {@code keycloak}'s server with its token; closing {@code keycloak} ends them. */
    public static ArborRealmUser of(Keycloak keycloak) {
        return new ArborRealmUser(Objects.requireNonNull(keycloak, "keycloak").proxy(Realms.class));
    }

    /** The realm named {@code name}, which must be the realm that issued the token; nothing is called yet. */
    public Realm realm(String name) {
        return realms.realm(Objects.requireNonNull(name, "name"));
    }

    /** The root of the proxy. */
    @Path("/realms")
    public interface Realms {

        @Path("{realm}")
        Realm realm(@PathParam("realm") String realm);
    }

    /** One realm on the realm users' API. */
    public interface Realm {

        @Path("tenancy")
        UserTenancyResource tenancy();
    }
}
