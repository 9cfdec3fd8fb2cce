/**
 * Token adapter: the protocol mapper that writes the active scope's claim, and the client-policy executor that
 * refuses token requests for scopes the user may not act in. Claim assembly itself is a pure function of the
 * core's answer; this package only reads Keycloak's session state and mapper configuration.
 */
package dev.arbor.token;
