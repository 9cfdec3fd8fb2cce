package dev.arbor.testing;

import java.net.URI;
import org.keycloak.admin.client.Keycloak;

/**
 * The real Keycloak 26.7.3, with the freshly built Arbor jar installed, that every IT of a run shares. Obtain it as
 * a test-method or constructor parameter of an {@link ArborIT} class.
 */
public interface KeycloakServer {

    /** Root URL, e.g. {@code http://127.0.0.1:41231}, without a trailing slash. */
    URI baseUri();

    /** An admin client logged into the master realm as the bootstrap admin; shared, do not close. */
    Keycloak admin();

    /** Keycloak's metrics endpoint on the management interface (Prometheus text). */
    URI metricsUri();

    /** {@code /realms/{realm}/{path}} on this server. */
    default URI realmUri(String realm, String path) {
        return URI.create(baseUri() + "/realms/" + realm + "/" + path);
    }
}
