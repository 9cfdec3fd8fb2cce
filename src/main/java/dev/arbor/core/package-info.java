/**
 * The policy core: the tenancy schema, and every decision made from it (effective permissions, who may grant
 * what to whom where, who may see what).
 *
 * <p>Pure Java with no Keycloak, Jakarta or persistence imports and no I/O, so that it is deterministic and can be
 * tested exhaustively without a server; {@code ArchitectureTest} enforces this. Every adapter that grants or uses
 * a role asks this package.
 */
package dev.arbor.core;
