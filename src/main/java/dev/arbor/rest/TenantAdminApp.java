package dev.arbor.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/tenancy/ui/}: the tenant admin web app's files, shipped in the jar. Static and public:
 * the app signs its user in with the realm's {@value #CLIENT_ID} client (authorization code with PKCE) and calls
 * the API with their token, so the files themselves reveal nothing. Served with a strict content security policy
 * (scripts and connections to this origin only, no framing).
 */
public final class TenantAdminApp {

    static final String CLIENT_ID = "arbor-tenancy-ui";

    private static final String FOLDER = "/dev/arbor/ui/";
    private static final Pattern FILE = Pattern.compile("[a-z0-9-]{1,64}\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'"
            + " data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final KeycloakSession session;

    TenantAdminApp(KeycloakSession session) {
        this.session = session;
    }

    /** The app itself at {@code ui/}; {@code ui} without its slash is sent there, as the app's links are relative. */
    @GET
    public Response folder() {
        String path = session.getContext().getUri().getRequestUri().getRawPath();
        if (path.endsWith("/")) {
            return file("index.html");
        }
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(path + "/")).build();
    }

    @GET
    @Path("{file: .+}")
    public Response file(@PathParam("file") String name) {
        if (!FILE.matcher(name).matches()) {
            throw ApiException.notFound("No file " + name + " in the tenant admin app");
        }
        byte[] content = read(name);
        if (content == null) {
            throw ApiException.notFound("No file " + name + " in the tenant admin app");
        }
        return Response.ok(content)
                .header("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .build();
    }

    private static byte[] read(String name) {
        try (InputStream in = TenantAdminApp.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
