package dev.arbor.core;

import java.util.BitSet;

/**
 * A condition every holder of these permissions must also meet, whichever role gave them; the schema's
 * prerequisites (e.g. "needs Workspaces level 2").
 */
record Constraint(int number, BitSet permissions, Condition when, String description) {

    String label() {
        return "constraint " + number + (description == null ? "" : " (" + description + ")");
    }
}
