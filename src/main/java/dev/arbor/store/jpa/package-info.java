/**
 * Arbor's JPA entities, their named queries, and their registration (with the Liquibase changelog) through
 * Keycloak's JPA entity SPI. The fields are public so that {@code dev.arbor.store}, the only package that uses
 * these classes, can fill and read them; the core and the adapters see only the store's value types.
 */
package dev.arbor.store.jpa;
