package dev.arbor.client;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Objects;
import org.keycloak.admin.client.Keycloak;

/**
 * The tenancy API beside Keycloak's admin API, {@code /admin/realms/{realm}/tenancy}, through a Keycloak admin
 * client: its server, its token (a master-realm administrator's, or any realm's user or service account with
 * {@code realm-management} roles) and its refreshing. {@code view-realm} reads, {@code manage-realm} changes;
 * whoever passes acts as the realm's administrator.
 *
 * <pre>{@code
 * TenancyResource tenancy = ArborAdmin.of(keycloak).realm("skyport").tenancy();
 * }</pre>
 */
public final class ArborAdmin {

    private ArborAdmin() {
    }

    /**
     * The realms of {@code keycloak}'s server, called with its token; nothing is called until a method of a
     * realm's tenancy is, and closing {@code keycloak} ends the calls.
     */
    public static Realms of(Keycloak keycloak) {
        return Objects.requireNonNull(keycloak, "keycloak").proxy(Realms.class);
    }

    /** The root of the proxy, as Keycloak's own {@code RealmsResource} is. */
    @Path("/admin/realms")
    public interface Realms {

        @Path("{realm}")
        Realm realm(@PathParam("realm") String realm);
    }

    /** One realm on the admin API. */
    public interface Realm {

        /** Without {@code me} and invitations, which only the realm users' API has (404 here). */
        @Path("tenancy")
        TenancyResource tenancy();
    }
}
