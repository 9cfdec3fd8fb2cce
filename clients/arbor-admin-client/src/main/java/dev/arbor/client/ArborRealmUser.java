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

    private ArborRealmUser() {
    }

    /**
     * The realms of {@code keycloak}'s server, called with its token; nothing is called until a method of a
     * realm's tenancy is, and closing {@code keycloak} ends the calls.
     */
    public static Realms of(Keycloak keycloak) {
        return Objects.requireNonNull(keycloak, "keycloak").proxy(Realms.class);
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
