/**
 * A typed Java client of Arbor's tenancy API, built on Keycloak's admin client the way its {@code RealmResource}
 * is: JAX-RS interfaces proxied by RESTEasy, with the token handling of a {@code Keycloak} instance. The admin API
 * ({@link dev.arbor.client.ArborAdmin}, {@code /admin/realms/{realm}/tenancy}) is for Keycloak's administrators
 * and automation; the realm users' API ({@link dev.arbor.client.ArborRealmUser}, {@code /realms/{realm}/tenancy})
 * acts as one user of the realm, as the tenancy schema allows. Both share {@link dev.arbor.client.TenancyResource}.
 *
 * <pre>{@code
 * try (Keycloak keycloak = KeycloakBuilder.builder().serverUrl("https://id.example.com").realm("master")
 *         .clientId("admin-cli").username("admin").password(password).build()) {
 *     TenancyResource tenancy = ArborAdmin.of(keycloak).realm("skyport").tenancy();
 *     tenancy.schema().putYaml(Files.readString(Path.of("skyport.yaml")));
 *     ScopeRepresentation acme = tenancy.scopes().create(NewScope.root("account", "Acme", "acme"));
 *     tenancy.scope(acme.id()).member(aliceId).role("owner").grant();
 *     MemberPage members = tenancy.scope(acme.id()).members(0, 50);
 * } catch (ClientErrorException e) {
 *     ErrorRepresentation error = ArborErrors.of(e);   // status, field and message of the refusal
 * }
 * }</pre>
 *
 * <p>Errors are thrown as {@link jakarta.ws.rs.WebApplicationException}s, as by Keycloak's client; see
 * {@link dev.arbor.client.ArborErrors}. docs/admin-client.md has more examples.
 */
package dev.arbor.client;
