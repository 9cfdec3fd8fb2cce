/**
 * Storage adapter: {@link dev.arbor.store.TenancyStore} is the entry, one class per aggregate behind it (schema
 * revisions, scopes, memberships and their seats, invitations, clean-up), over the entities of
 * {@code dev.arbor.store.jpa} in Keycloak's own database. The tree the core reads is layered: a JPA slice, and a
 * caching slice over it that keeps what it read in this node's {@code TreeCache}. Entities never leave the store;
 * the core sees only its own value types.
 */
package dev.arbor.store;
