package dev.arbor.core;

import java.util.ArrayList;
import java.util.List;

/** Collects schema problems so that one reading reports all of them, not just the first. */
final class Problems {

    private final List<SchemaProblem> found = new ArrayList<>();

    /** Adds a problem; one already reported (a shared definition read twice) is not repeated. */
    void add(String path, String message) {
        SchemaProblem problem = new SchemaProblem(path, message);
        if (!found.contains(problem)) {
            found.add(problem);
        }
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
