/**
 * The tenancy service, behind Keycloak's SPI mechanism ({@link dev.arbor.service.TenancySpi}): one
 * {@link dev.arbor.service.TenancyProvider} method per use case, which asks the policy core, writes through the
 * store, audits and counts. Refuses with {@link dev.arbor.service.TenancyException}s and knows nothing of HTTP;
 * the adapters (REST, login) parse, call it, and map.
 */
package dev.arbor.service;
