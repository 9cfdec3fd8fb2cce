package dev.arbor.service;

import dev.arbor.core.Decision;
import java.util.List;

/**
 * Why the tenancy service refused a use case. Carries what an adapter needs to answer (the kind, the field at
 * fault, the explanation) and nothing of HTTP: the REST adapter maps the kind to a status in one place. Thrown
 * before anything is written, or with the transaction still to be rolled back by whoever catches it.
 */
public final class TenancyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The input is malformed or breaks the schema; {@link #field()} names where. */
        INVALID,
        /** The caller may not do this at all (not a rule's denial: e.g. only realm administrators may). */
        FORBIDDEN,
        /** What was named does not exist, or the caller may not see it. */
        NOT_FOUND,
        /** The data as it stands does not allow it (a duplicate, a full role, something decided meanwhile). */
        CONFLICT,
        /** A rule of the policy core refused it; {@link #decision()} says which and why. */
        DENIED
    }

    /** One problem of several in a document, by its path. */
    public record Problem(String field, String message) {
    }

    private final Kind kind;
    private final String field;
    private final transient List<String> details;
    private final transient List<Problem> problems;
    private final transient Decision decision;

    private TenancyException(Kind kind, String field, String message, List<String> details, List<Problem> problems,
            Decision decision) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.details = details;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
        this.decision = decision;
    }

    public static TenancyException invalid(String field, String message) {
        return new TenancyException(Kind.INVALID, field, message, null, null, null);
    }

    /** An invalid document, one entry per problem. */
    public static TenancyException invalid(String message, List<Problem> problems) {
        return new TenancyException(Kind.INVALID, null, message, null, problems, null);
    }

    public static TenancyException forbidden(String field, String message) {
        return new TenancyException(Kind.FORBIDDEN, field, message, null, null, null);
    }

    public static TenancyException notFound(String message) {
        return new TenancyException(Kind.NOT_FOUND, null, message, null, null, null);
    }

    /** @param details what conflicts, one line each; shown as given */
    public static TenancyException conflict(String message, List<String> details) {
        return new TenancyException(Kind.CONFLICT, null, message, List.copyOf(details), null, null);
    }

    /** A conflict caused by one field of the input, without further details. */
    public static TenancyException conflict(String field, String message) {
        return new TenancyException(Kind.CONFLICT, field, message, null, null, null);
    }

    /** @param field the input the decision was about, or null */
    public static TenancyException denied(Decision decision, String field) {
        return new TenancyException(Kind.DENIED, field, decision.reason().name(), null, null, decision);
    }

    public Kind kind() {
        return kind;
    }

    /** The input at fault, or null. */
    public String field() {
        return field;
    }

    /** The lines that explain a conflict, or null when it has none. */
    public List<String> details() {
        return details;
    }

    /** The problems of an invalid document; empty otherwise. */
    public List<Problem> problems() {
        return problems;
    }

    /** The core's decision for {@link Kind#DENIED}; null otherwise. */
    public Decision decision() {
        return decision;
    }
}
