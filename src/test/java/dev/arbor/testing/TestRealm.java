package dev.arbor.testing;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** A realm created for one test, with helpers to populate it; see {@link TestRealms}. */
public final class TestRealm {

    /** Where authorization-code logins are sent back to; nothing listens there, the harness reads the redirect. */
    public static final String REDIRECT_URI = "http://127.0.0.1/arbor-it/callback";

    private final KeycloakServer server;
    private final String name;

    TestRealm(KeycloakServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * This realm as another node of a cluster serves it: its API, clients and admin calls go to {@code node}. The
     * realm itself is the same (one database), so create it and its users once, through the first node.
     */
    public TestRealm on(KeycloakServer node) {
        return new TestRealm(node, name);
    }

    /** A client of this realm created earlier (e.g. through another node); {@code secret} null for a public one. */
    public OidcClient client(String clientId, String secret) {
        return new OidcClient(server.baseUri(), name, clientId, secret);
    }

    /** {@code /realms/{name}/{path}} on the server. */
    public URI uri(String path) {
        return server.realmUri(name, path);
    }

    /** {@code /admin/realms/{name}/{path}} on the server. */
    public URI adminUri(String path) {
        return URI.create(server.baseUri() + "/admin/realms/" + name + "/" + path);
    }

    public RealmResource admin() {
        return server.admin().realm(name);
    }

    /** An enabled user with a verified e-mail and a complete profile, so that no required action blocks a login. */
    public TestUser createUser(String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.test");
        user.setEmailVerified(true);
        user.setFirstName(username);
        user.setLastName("Test");
        user.setEnabled(true);
        String password = username + "-Passw0rd!";
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response response = admin().users().create(user)) {
            return new TestUser(CreatedResponseUtil.getCreatedId(response), username, password);
        }
    }

    /** A user who administers the realm ({@code realm-management} {@code manage-realm}), so is above every scope. */
    public TestUser createRealmAdmin(String username) {
        TestUser user = createUser(username);
        var realmManagement = admin().clients().findByClientId("realm-management").get(0);
        var manageRealm = admin().clients().get(realmManagement.getId()).roles().get("manage-realm").toRepresentation();
        admin().users().get(user.id()).roles().clientLevel(realmManagement.getId()).add(List.of(manageRealm));
        return user;
    }

    /** The Arbor API of this realm as {@code user}, logged in through {@code client}'s password grant. */
    public ArborApi api(OidcClient client, TestUser user) {
        return new ArborApi(this, client.password(user).accessToken());
    }

    /**
     * Creates the client scope {@code tenancy} holding Arbor's mapper (claim {@code tenancy}, in every token) and
     * makes it a default scope of {@code clientId}, as a realm admin would.
     */
    public void addTenancyClaim(String clientId) {
        setup().addTenancyClaim(clientId);
    }

    /** Sets one setting of the tenancy claim's mapper ({@link #addTenancyClaim} created it). */
    public void configureTenancyClaim(String key, String value) {
        setup().configureTenancyClaim(key, value);
    }

    /**
     * Lets {@code requester} (a confidential client) exchange tokens issued to {@code issuedTo} with Keycloak's
     * standard token exchange: the exchange is switched on for the requester, and {@code issuedTo}'s tokens name
     * the requester as an audience.
     */
    public void allowTokenExchange(String issuedTo, String requester) {
        var requesterClient = admin().clients().findByClientId(requester).get(0);
        var attributes = new java.util.HashMap<>(requesterClient.getAttributes());
        attributes.put("standard.token.exchange.enabled", "true");
        requesterClient.setAttributes(attributes);
        admin().clients().get(requesterClient.getId()).update(requesterClient);
        Audiences.add(admin(), issuedTo, requester);
    }

    /** Applies Arbor's fail-closed executor to every client of the realm (a client profile and an any-client policy). */
    public void failClosedOnTenancyScope() {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String profiles = "{\"profiles\": [{\"name\": \"arbor\", \"description\": \"Arbor tenancy scope\","
                + " \"executors\": [{\"executor\": \"arbor-tenancy-scope\", \"configuration\": {}}]}]}";
        String policies = "{\"policies\": [{\"name\": \"arbor\", \"description\": \"Arbor tenancy scope\","
                + " \"enabled\": true, \"conditions\": [{\"condition\": \"any-client\", \"configuration\": {}}],"
                + " \"profiles\": [\"arbor\"]}]}";
        try {
            admin().clientPoliciesProfilesResource().updateProfiles(
                    mapper.readValue(profiles, org.keycloak.representations.idm.ClientProfilesRepresentation.class));
            admin().clientPoliciesPoliciesResource().updatePolicies(
                    mapper.readValue(policies, org.keycloak.representations.idm.ClientPoliciesRepresentation.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the realm's browser flow the demo realms' one: sign-in, then Arbor's scope picker. */
    public void addScopePicker() {
        setup().installScopePicker();
    }

    private RealmSetup setup() {
        return new RealmSetup(server.baseUri(), name, server.admin().tokenManager().getAccessTokenString());
    }

    /** Turns on storing admin events (with representations), as an auditing realm would. */
    public void storeAdminEvents() {
        var representation = admin().toRepresentation();
        representation.setAdminEventsEnabled(true);
        representation.setAdminEventsDetailsEnabled(true);
        admin().update(representation);
    }

    /** A public client allowed the password grant and the authorization-code flow (with PKCE). */
    public OidcClient createPublicClient(String clientId) {
        ClientRepresentation client = baseClient(clientId);
        client.setPublicClient(true);
        create(client);
        return new OidcClient(server.baseUri(), name, clientId, null);
    }

    /** A public client whose tokens carry the tenancy claim, as a client needs to call the tenancy API. */
    public OidcClient createTenancyClient(String clientId) {
        OidcClient client = createPublicClient(clientId);
        addTenancyClaim(clientId);
        return client;
    }

    /**
     * A public client whose tokens do not carry the tenancy claim, even where the realm gives the {@code tenancy}
     * client scope to new clients: an app of the realm that does not use tenancy.
     */
    public OidcClient createClientWithoutTenancy(String clientId) {
        OidcClient client = createPublicClient(clientId);
        var clients = admin().clients();
        var created = clients.get(clients.findByClientId(clientId).get(0).getId());
        created.getDefaultClientScopes().stream().filter(scope -> "tenancy".equals(scope.getName()))
                .forEach(scope -> created.removeDefaultClientScope(scope.getId()));
        return client;
    }

    /**
     * A public client with the tenancy claim that does not have all roles in its scope ({@code fullScopeAllowed}
     * off, no role scope mappings): its tokens carry none of the user's roles, as a client of a careful realm does.
     */
    public OidcClient createRestrictedTenancyClient(String clientId) {
        ClientRepresentation client = baseClient(clientId);
        client.setPublicClient(true);
        client.setFullScopeAllowed(false);
        create(client);
        addTenancyClaim(clientId);
        return new OidcClient(server.baseUri(), name, clientId, null);
    }

    /** A confidential client with a service account, for the client-credentials grant and the other flows. */
    public OidcClient createConfidentialClient(String clientId) {
        ClientRepresentation client = baseClient(clientId);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        String secret = clientId + "-secret";
        client.setSecret(secret);
        create(client);
        return new OidcClient(server.baseUri(), name, clientId, secret);
    }

    private static ClientRepresentation baseClient(String clientId) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setRedirectUris(List.of(REDIRECT_URI));
        return client;
    }

    private void create(ClientRepresentation client) {
        try (Response response = admin().clients().create(client)) {
            CreatedResponseUtil.getCreatedId(response);
        }
    }
}
