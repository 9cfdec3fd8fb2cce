package dev.arbor.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every permission a schema knows, {@code module:resource:action}, numbered in a fixed order so that sets of them
 * are bit sets and their names come out sorted.
 */
final class PermissionCatalog {

    static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final BitSet readOnly = new BitSet();

    /** @param names distinct, valid names; sorted here */
    PermissionCatalog(List<String> names, Set<String> readActions) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        this.names = List.copyOf(sorted);
        for (int i = 0; i < this.names.size(); i++) {
            String name = this.names.get(i);
            index.put(name, i);
            if (readActions.contains(name.substring(name.lastIndexOf(':') + 1))) {
                readOnly.set(i);
            }
        }
    }

    int size() {
        return names.size();
    }

    String name(int permission) {
        return names.get(permission);
    }

    /** -1 when the schema has no such permission. */
    int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    /** The permissions that only look: their action is one of the schema's read actions. */
    BitSet readOnly() {
        return (BitSet) readOnly.clone();
    }

    /** Whether {@code pattern} has the form {@code module:resource:action}, each segment a name or {@code *}. */
    static boolean isWellFormedPattern(String pattern) {
        String[] segments = pattern.split(":", -1);
        if (segments.length != 3) {
            return false;
        }
        for (String segment : segments) {
            if (!segment.equals("*") && !SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The permissions {@code pattern} names; empty when it names none. */
    BitSet matching(String pattern) {
        BitSet matches = new BitSet();
        String[] wanted = pattern.split(":", -1);
        for (int i = 0; i < names.size(); i++) {
            String[] segments = names.get(i).split(":");
            if (segmentMatches(wanted[0], segments[0]) && segmentMatches(wanted[1], segments[1])
                    && segmentMatches(wanted[2], segments[2])) {
                matches.set(i);
            }
        }
        return matches;
    }

    /** Sorted names of the permissions in {@code permissions}. */
    List<String> names(BitSet permissions) {
        List<String> result = new ArrayList<>(permissions.cardinality());
        for (int i = permissions.nextSetBit(0); i >= 0; i = permissions.nextSetBit(i + 1)) {
            result.add(names.get(i));
        }
        return result;
    }

    List<String> all() {
        return names;
    }

    private static boolean segmentMatches(String wanted, String actual) {
        return wanted.equals("*") || wanted.equals(actual);
    }
}
