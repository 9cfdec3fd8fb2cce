/**
 * Storage adapter: JPA entities and the Liquibase changelog, registered through Keycloak's JPA entity SPI, which
 * persist schemas, scopes, memberships and invitations in Keycloak's own database. Entities never leave this
 * package; the core sees only its own value types.
 */
package dev.arbor.store;
