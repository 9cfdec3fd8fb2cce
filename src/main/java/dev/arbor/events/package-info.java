/**
 * Event adapter: listeners for Keycloak's realm and user removal events (so no tenancy rows outlive them) and the
 * admin events that audit every tenancy mutation.
 */
package dev.arbor.events;
