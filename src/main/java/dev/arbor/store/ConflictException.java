package dev.arbor.store;

/** A write the database refused because another write got there first (a seat, a membership, a revision). */
public final class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
