package dev.arbor.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/tenancy}: the delegated-administration API. Every method authenticates the caller first,
 * through {@link Caller#authenticate}.
 */
public final class TenancyResource {

    private final KeycloakSession session;

    TenancyResource(KeycloakSession session) {
        this.session = session;
    }

    /** What this server runs and whether the realm has a tenancy schema; any authenticated user of the realm. */
    @GET
    @Path("info")
    @Produces(MediaType.APPLICATION_JSON)
    public InfoRepresentation info() {
        Caller.authenticate(session);
        RealmModel realm = session.getContext().getRealm();
        return new InfoRepresentation(
                new InfoRepresentation.Arbor(ArborVersion.current()),
                realm.getName(),
                new InfoRepresentation.Schema(InfoRepresentation.SchemaStatus.NOT_CONFIGURED));
    }
}
