package dev.arbor.core;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kind of scope (account, workspace, conduit…) and its rules.
 *
 * @param parents the types a scope of this type may be created under
 * @param alsoRoot whether a scope of this type may also be created at the top, though it has parents
 * @param attributes declared attribute names and their kinds ({@code boolean}, {@code string}, {@code number})
 * @param owner the role whose holder owns a scope of this type; null when the type has no owner
 * @param actingOwners roles of ancestors that act as owner while a scope has none (vacancy)
 * @param sealedFrom roles of ancestors whose {@code sealed} permissions stop applying once a scope has an owner
 * @param membersPermission the permission that lets a principal list a scope's members; null: only admins may
 * @param createPermission needed at the parent to create a scope of this type; null: only realm admins may
 * @param updatePermission needed at a scope of this type to rename it or change its attributes; null: admins
 * @param deletePermission needed at a scope of this type to delete it; null: only realm admins may
 * @param holding what one user may hold of this type beyond each role's own limits (exclusive groups, scopes per
 *        user)
 * @param creatorRole the role a user who creates a scope of this type receives there; null: none
 */
record ScopeType(String name, Set<String> parents, boolean alsoRoot, Map<String, String> attributes,
        Map<String, Role> roles, String owner, List<RoleRef> actingOwners, Set<RoleRef> sealedFrom, BitSet sealed,
        String membersPermission, String createPermission, String updatePermission, String deletePermission,
        HoldingRules holding, String creatorRole) {

    boolean isRoot() {
        return parents.isEmpty() || alsoRoot;
    }
}
