/**
 * Realm-file adapter: a realm's tenancy travels with Keycloak's own realm import and export, as the realm attribute
 * {@value dev.arbor.realmfile.RealmFiles#ATTRIBUTE} holding the tenancy document (see {@code docs/realm-files.md}).
 * {@link dev.arbor.realmfile.RealmFileImport} applies it when Keycloak has imported a realm; the datastore
 * ({@link dev.arbor.realmfile.ArborDatastoreProviderFactory}) writes it into the realm files of {@code kc.sh export}.
 * Both go through the tenancy service.
 */
package dev.arbor.realmfile;
