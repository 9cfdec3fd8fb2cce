package dev.arbor.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Records why a decision came out as it did, for {@code explain}. Off on the token path, so that an evaluation
 * builds no strings there; focused on one permission when a single check is explained.
 */
final class Trace {

    static final Trace OFF = new Trace(false, -1);

    private final boolean on;
    private final int focus;
    private final List<String> lines = new ArrayList<>();

    private Trace(boolean on, int focus) {
        this.on = on;
        this.focus = focus;
    }

    static Trace everything() {
        return new Trace(true, -1);
    }

    /** Records only what concerns {@code permission} (and plain notes). */
    static Trace focusedOn(int permission) {
        return new Trace(true, permission);
    }

    boolean on() {
        return on;
    }

    void note(String line) {
        if (on) {
            lines.add(line);
        }
    }

    /** Records {@code line} when {@code permissions} concerns what this trace follows. */
    void change(BitSet permissions, String line) {
        if (on && (focus < 0 ? !permissions.isEmpty() : permissions.get(focus))) {
            lines.add(line);
        }
    }

    /** The permission followed, or -1 when everything is. */
    int focus() {
        return focus;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
