package dev.arbor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What a realm administrator sets up in Keycloak for Arbor, done through Keycloak's admin API as the ITs' own
 * realms need it: the {@code tenancy} client scope with Arbor's mapper, and a browser flow with the "choose a
 * workspace" step. The demo realms carry the same in their files ({@code realm-export/}, docs/realm-files.md).
 * Every step leaves what is there already alone.
 */
public final class RealmSetup {

    private static final String CLIENT_SCOPE = "tenancy";

    private final String admin;
    private final String token;

    /**
     * @param token an access token of a realm or master administrator
     */
    public RealmSetup(URI baseUri, String realm, String token) {
        this.admin = baseUri + "/admin/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8);
        this.token = token;
    }

    /** A token of the master realm's administrator for Keycloak's admin API (client {@code admin-cli}). */
    public static String masterAdminToken(URI baseUri, String username, String password) {
        HttpResponse<String> response = Http.send(Http.CLIENT, HttpRequest.newBuilder(
                        URI.create(baseUri + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("cannot log in to the master realm as " + username + ": "
                    + response.body());
        }
        return Json.parse(response.body()).path("access_token").asText();
    }

    /**
     * Gives {@code clientId}'s tokens the tenancy claim: creates the client scope {@code tenancy} holding Arbor's
     * mapper (claim {@code tenancy} in the access and ID tokens, userinfo and introspection) when the realm lacks
     * it, makes it a default scope of new clients, and adds it to {@code clientId}'s default scopes.
     */
    public void addTenancyClaim(String clientId) {
        String scopeId = tenancyClientScope();
        addOnce(admin + "/default-default-client-scopes", scopeId);
        JsonNode clients = Json.parse(call("GET", admin + "/clients?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null, token, 200));
        if (clients.isEmpty()) {
            throw new IllegalStateException("no client " + clientId + " in " + admin);
        }
        addOnce(admin + "/clients/" + clients.get(0).path("id").asText() + "/default-client-scopes", scopeId);
    }

    /** Sets {@code key} to {@code value} in the configuration of the {@code tenancy} client scope's Arbor mapper. */
    public void configureTenancyClaim(String key, String value) {
        String mappers = admin + "/client-scopes/" + tenancyClientScope() + "/protocol-mappers/models";
        for (JsonNode mapper : Json.parse(call("GET", mappers, null, token, 200))) {
            if ("arbor-tenancy-mapper".equals(mapper.path("protocolMapper").asText())) {
                ((ObjectNode) mapper.path("config")).put(key, value);
                call("PUT", mappers + "/" + mapper.path("id").asText(), mapper.toString(), token, 204);
                return;
            }
        }
        throw new IllegalStateException("no Arbor mapper in the client scope " + CLIENT_SCOPE + " of " + admin);
    }

    /** Adds {@code scopeId} to a list of client scopes unless it is there: Keycloak answers 409 then. */
    private void addOnce(String defaults, String scopeId) {
        for (JsonNode present : Json.parse(call("GET", defaults, null, token, 200))) {
            if (scopeId.equals(present.path("id").asText())) {
                return;
            }
        }
        call("PUT", defaults + "/" + scopeId, null, token, 204);
    }

    private String tenancyClientScope() {
        for (int attempt = 0; attempt < 2; attempt++) {
            for (JsonNode scope : Json.parse(call("GET", admin + "/client-scopes", null, token, 200))) {
                if (CLIENT_SCOPE.equals(scope.path("name").asText())) {
                    return scope.path("id").asText();
                }
            }
            call("POST", admin + "/client-scopes", """
                    {"name": "tenancy", "protocol": "openid-connect",
                     "description": "Arbor: the active tenancy scope of the client session",
                     "attributes": {"include.in.token.scope": "false", "display.on.consent.screen": "false"},
                     "protocolMappers": [{"name": "tenancy", "protocol": "openid-connect",
                       "protocolMapper": "arbor-tenancy-mapper",
                       "config": {"claim.name": "tenancy", "access.token.claim": "true", "id.token.claim": "true",
                                  "userinfo.token.claim": "true", "introspection.token.claim": "true"}}]}
                    """, token, 201);
        }
        throw new IllegalStateException("the client scope " + CLIENT_SCOPE + " was not created in " + admin);
    }

    /**
     * Makes the realm's browser flow {@code arbor-browser}: Keycloak's usual sign-in (SSO cookie, identity-provider
     * redirect, or username and password with conditional OTP) as one required step, then Arbor's "you have been
     * invited" and "choose a workspace" steps, so they run after a password and after SSO alike. Does nothing when the realm uses it
     * already.
     */
    public void installScopePicker() {
        JsonNode realmRepresentation = Json.parse(call("GET", admin, null, token, 200));
        if ("arbor-browser".equals(realmRepresentation.path("browserFlow").asText())) {
            return;
        }
        call("POST", admin + "/authentication/flows", "{\"alias\":\"arbor-browser\",\"providerId\":\"basic-flow\","
                + "\"topLevel\":true,\"builtIn\":false,\"description\":\"Sign in, then choose a tenancy scope\"}",
                token, 201);
        Flows flows = new Flows(admin + "/authentication/flows/", token);
        flows.subflow("arbor-browser", "arbor-browser sign-in", "REQUIRED");
        flows.execution("arbor-browser sign-in", "auth-cookie", "ALTERNATIVE");
        flows.execution("arbor-browser sign-in", "identity-provider-redirector", "ALTERNATIVE");
        flows.subflow("arbor-browser sign-in", "arbor-browser forms", "ALTERNATIVE");
        flows.execution("arbor-browser forms", "auth-username-password-form", "REQUIRED");
        flows.subflow("arbor-browser forms", "arbor-browser otp", "CONDITIONAL");
        flows.execution("arbor-browser otp", "conditional-user-configured", "REQUIRED");
        flows.execution("arbor-browser otp", "auth-otp-form", "REQUIRED");
        flows.execution("arbor-browser", "arbor-invitations", "REQUIRED");
        flows.execution("arbor-browser", "arbor-scope-picker", "REQUIRED");
        call("PUT", admin, "{\"browserFlow\":\"arbor-browser\"}", token, 204);
    }

    /** Adds executions and subflows to a flow and sets their requirement, as the admin console does. */
    private record Flows(String base, String token) {

        void execution(String flow, String provider, String requirement) {
            call("POST", executions(flow) + "/execution", "{\"provider\":\"" + provider + "\"}", token, 201);
            require(flow, "providerId", provider, requirement);
        }

        void subflow(String flow, String alias, String requirement) {
            call("POST", executions(flow) + "/flow", "{\"alias\":\"" + alias + "\",\"type\":\"basic-flow\","
                    + "\"provider\":\"registration-page-form\",\"description\":\"\"}", token, 201);
            require(flow, "displayName", alias, requirement);
        }

        private void require(String flow, String field, String value, String requirement) {
            for (JsonNode execution : Json.parse(call("GET", executions(flow), null, token, 200))) {
                if (value.equals(execution.path(field).asText()) && execution.path("level").asInt() == 0) {
                    ((ObjectNode) execution).put("requirement", requirement);
                    call("PUT", executions(flow), execution.toString(), token, 202);
                    return;
                }
            }
            throw new IllegalStateException("no " + value + " in flow " + flow);
        }

        private String executions(String flow) {
            return base + URLEncoder.encode(flow, StandardCharsets.UTF_8).replace("+", "%20") + "/executions";
        }
    }

    private static String call(String method, String uri, String json, String token, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = Http.send(Http.CLIENT, request.build());
        if (response.statusCode() != expected && !(response.statusCode() / 100 == 2 && expected / 100 == 2)) {
            throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
