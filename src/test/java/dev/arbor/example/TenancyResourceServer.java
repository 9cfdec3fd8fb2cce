package dev.arbor.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * How an app trusts Arbor: a downstream resource server, plain JDK, that verifies the access token's signature
 * against the realm's published keys and then authorizes from the {@code tenancy} claim alone, with no call back
 * to Keycloak. {@code POST /workspaces/{id}/subscriptions/start} needs {@code subscriptions:subscriptions:start}
 * in the token's active scope, and that scope must be the workspace named in the path.
 */
public final class TenancyResourceServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final Map<String, PublicKey> keys = new HashMap<>();
    private final HttpServer server;

    public TenancyResourceServer(String issuer) throws IOException {
        this.issuer = issuer;
        loadKeys();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/workspaces/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/"); // "", workspaces, {id}, subscriptions, start
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        JsonNode claims = header == null || !header.startsWith("Bearer ") ? null : verified(header.substring(7));
        if (claims == null) {
            respond(exchange, 401, "invalid token");
            return;
        }
        JsonNode tenancy = claims.path("tenancy");
        boolean sameScope = path.length == 5 && tenancy.path("scope").path("id").asText().equals(path[2]);
        boolean permitted = false;
        for (JsonNode permission : tenancy.path("permissions")) {
            permitted |= permission.asText().equals("subscriptions:subscriptions:start");
        }
        respond(exchange, sameScope && permitted ? 200 : 403, sameScope && permitted ? "started" : "forbidden");
    }

    /** The token's claims if its RS256 signature, issuer and expiry hold; null otherwise. */
    private JsonNode verified(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            if (parts.length != 3) {
                return null;
            }
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            PublicKey key = keys.get(header.path("kid").asText());
            if (key == null || !"RS256".equals(header.path("alg").asText())) {
                return null;
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            boolean fresh = claims.path("exp").asLong() > System.currentTimeMillis() / 1000;
            return fresh && issuer.equals(claims.path("iss").asText()) ? claims : null;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private void loadKeys() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(issuer + "/protocol/openid-connect/certs")).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode key : JSON.readTree(response.body()).path("keys")) {
                if ("RSA".equals(key.path("kty").asText()) && "sig".equals(key.path("use").asText())) {
                    BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
                    BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()));
                    keys.put(key.path("kid").asText(),
                            KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
