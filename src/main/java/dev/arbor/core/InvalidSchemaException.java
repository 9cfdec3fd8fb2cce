package dev.arbor.core;

import java.util.List;
import java.util.stream.Collectors;

/** A tenancy schema that cannot be used; {@link #problems()} lists every problem found, in document order. */
public final class InvalidSchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SchemaProblem> problems;

    InvalidSchemaException(List<SchemaProblem> problems) {
        super(problems.stream().map(SchemaProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Never empty. */
    public List<SchemaProblem> problems() {
        return problems;
    }
}
