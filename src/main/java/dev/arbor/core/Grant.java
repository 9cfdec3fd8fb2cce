package dev.arbor.core;

import java.util.BitSet;

/** Part of a role: these permissions, this far down the tree, when this condition holds. */
record Grant(BitSet permissions, Reach reach, Condition when, String source) {

    boolean appliesAt(boolean atHolder) {
        return atHolder ? reach.atHolder() : reach.below();
    }
}
