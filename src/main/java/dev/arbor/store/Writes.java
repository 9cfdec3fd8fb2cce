package dev.arbor.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes whose refusal by the database is a {@link ConflictException} for this request (a unique key, a row another
 * request changed meanwhile), and the batches that keep bulk statements within every database's bind limits.
 */
final class Writes {

    /** Ids per query in bulk reads: well below every supported database's limit on bind parameters. */
    static final int BATCH = 500;

    private final EntityManager em;

    Writes(EntityManager em) {
        this.em = em;
    }

    /** Inserts now, so that a unique key refusing the row is a conflict answered to this request. */
    void persist(Object row, String conflict) {
        em.persist(row);
        flush(conflict);
    }

    /** Writes what is pending; a unique key refusing a row is a conflict answered to this request. */
    void flush(String conflict) {
        try {
            em.flush();
        } catch (RuntimeException e) { // Keycloak's EntityManager converts to its own model exceptions
            if (isConflict(e)) {
                throw new ConflictException(conflict, e);
            }
            throw e;
        }
    }

    /**
     * A unique key refused a row, a row read before was changed or removed by another request meanwhile, or the
     * database gave up waiting for a lock another request holds.
     */
    static boolean isConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true; // SQL standard unique_violation: H2, PostgreSQL, and most others
            }
            if (cause.getClass().getName().endsWith("ConstraintViolationException")) {
                return true;
            }
        }
        return false;
    }

    /** {@code all} in consecutive views of at most {@link #BATCH}, in order. */
    static <T> List<List<T>> batches(List<T> all) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.add(all.subList(from, Math.min(from + BATCH, all.size())));
        }
        return batches;
    }
}
