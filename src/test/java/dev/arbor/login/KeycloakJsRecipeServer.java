package dev.arbor.login;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the keycloak-js recipe ({@code examples/keycloak-js}) the way a reader would after
 * {@code npm install keycloak-js}: the page and its {@code app.js} as they are in the repository, a
 * {@code config.json} naming the test's Keycloak, realm and client, and keycloak-js where the page's import map looks
 * for it. That keycloak-js is the webjar's 25.0.4, the version Maven Central serves: its UMD build (which bundles its
 * dependencies and sets {@code globalThis.Keycloak}) with a default export added, so that it is the ES module the
 * page imports, as keycloak-js 26's {@code lib/keycloak.js} is. Only these paths are served; anything else is 404.
 */
final class KeycloakJsRecipeServer implements AutoCloseable {

    private static final Path RECIPE = Path.of("examples", "keycloak-js");
    private static final String KEYCLOAK_JS = "/META-INF/resources/webjars/keycloak-js/25.0.4/dist/keycloak.js";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";

    private record Resource(String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Resource> resources;

    private KeycloakJsRecipeServer(HttpServer server, Map<String, Resource> resources) {
        this.server = server;
        this.resources = resources;
    }

    /** Starts serving on a free port of 127.0.0.1, the host the harness's Keycloak runs on. */
    static KeycloakJsRecipeServer start(URI keycloak, String realm, String clientId) {
        try {
            Resource page = new Resource("text/html; charset=utf-8", Files.readAllBytes(RECIPE.resolve("index.html")));
            Map<String, Resource> resources = Map.of(
                    "/", page,
                    "/index.html", page,
                    "/app.js", new Resource(JAVASCRIPT, Files.readAllBytes(RECIPE.resolve("app.js"))),
                    "/config.json", new Resource("application/json", config(keycloak, realm, clientId)),
                    "/node_modules/keycloak-js/lib/keycloak.js", new Resource(JAVASCRIPT, keycloakJsModule()));
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            KeycloakJsRecipeServer recipe = new KeycloakJsRecipeServer(server, resources);
            server.createContext("/", recipe::handle);
            server.start();
            return recipe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's origin, e.g. {@code http://127.0.0.1:41873}: the client's web origin. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The page, which is also the redirect URI keycloak-js sends Keycloak. */
    String page() {
        return origin() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Resource resource = "GET".equals(exchange.getRequestMethod())
                    ? resources.get(exchange.getRequestURI().getPath()) : null;
            if (resource == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", resource.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, resource.body().length);
            exchange.getResponseBody().write(resource.body());
        } finally {
            exchange.close();
        }
    }

    private static byte[] config(URI keycloak, String realm, String clientId) throws JsonProcessingException {
        return new ObjectMapper().writeValueAsBytes(Map.of("url", keycloak.toString(), "realm", realm,
                "clientId", clientId));
    }

    private static byte[] keycloakJsModule() throws IOException {
        try (InputStream umd = KeycloakJsRecipeServer.class.getResourceAsStream(KEYCLOAK_JS)) {
            if (umd == null) {
                throw new IllegalStateException(KEYCLOAK_JS + " is not on the test class path (webjar keycloak-js)");
            }
            String module = new String(umd.readAllBytes(), StandardCharsets.UTF_8)
                    + "\nexport default globalThis.Keycloak;\n";
            return module.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
