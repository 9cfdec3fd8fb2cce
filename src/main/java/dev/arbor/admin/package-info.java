/**
 * Admin UI adapter: the tenant admin web app served under {@code /realms/{realm}/tenancy/ui/} and the Keycloak
 * admin-console integration for realm admins.
 */
package dev.arbor.admin;
