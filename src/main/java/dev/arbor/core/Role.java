package dev.arbor.core;

import java.util.BitSet;
import java.util.List;

/**
 * A role of one scope type, compiled: its grants as bit sets, how many may hold it at one scope, and which
 * optional permissions a holder may or must have.
 *
 * @param holderLimit how many may hold it at one scope
 * @param mandatory permissions every holder has, whatever their options say
 * @param optional permissions a holder may be given individually
 * @param defaults the optional permissions a holder is given when the role is granted (and may lose later)
 * @param givesAccess false for a role that records a membership without giving any access to the scope
 *        ({@code access: none}): holding only such roles, a user neither sees nor acts in the scope
 */
record Role(RoleRef ref, String description, int minHolders, HolderLimit holderLimit, List<Grant> grants,
        BitSet mandatory, BitSet optional, BitSet defaults, boolean givesAccess) {

    /** Everything the role's unconditional grants give at the scope it is held at, mandatory options included. */
    BitSet unconditionalAtHolder() {
        BitSet permissions = (BitSet) mandatory.clone();
        for (Grant grant : grants) {
            if (grant.reach().atHolder() && grant.when() == Condition.ALWAYS) {
                permissions.or(grant.permissions());
            }
        }
        return permissions;
    }
}
