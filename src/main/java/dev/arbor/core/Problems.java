package dev.arbor.core;

import java.util.ArrayList;
import java.util.List;

/** Collects schema problems so that one reading reports all of them, not just the first. */
final class Problems {

    private final List<SchemaProblem> found = new ArrayList<>();

    void add(String path, String message) {
        found.add(new SchemaProblem(path, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidSchemaException(found);
        }
    }
}
