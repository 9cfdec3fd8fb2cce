package dev.arbor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A write another request beat is answered as a conflict, whatever wrapping Keycloak and Hibernate put around the
 * database's refusal; anything else stays the error it was.
 */
class WritesTest {

    /** Named as Hibernate's is: matched by name, so that the store needs no Hibernate import. */
    private static final class ConstraintViolationException extends RuntimeException {
        ConstraintViolationException() {
            super("unique key");
        }
    }

    @Test
    void uniqueKeysAndStaleRowsAreConflictsHoweverDeeplyWrapped() {
        assertThat(Writes.isConflict(new OptimisticLockException("row changed"))).isTrue();
        assertThat(Writes.isConflict(new PersistenceException(new RuntimeException(
                new SQLException("duplicate key", "23505"))))).isTrue();
        assertThat(Writes.isConflict(new PersistenceException(new ConstraintViolationException()))).isTrue();
    }

    @Test
    void otherFailuresAreNotConflicts() {
        assertThat(Writes.isConflict(new PersistenceException(new SQLException("not null", "23502")))).isFalse();
        assertThat(Writes.isConflict(new IllegalStateException("closed"))).isFalse();
    }

    @Test
    void flushAnswersARefusedRowAsAConflictAndRethrowsTheRest() {
        RuntimeException duplicate = new PersistenceException(new SQLException("duplicate key", "23505"));
        assertThatThrownBy(() -> new Writes(failingFlush(duplicate)).flush("taken meanwhile"))
                .isInstanceOf(ConflictException.class).hasMessage("taken meanwhile").hasCause(duplicate);
        RuntimeException broken = new IllegalStateException("connection lost");
        assertThatThrownBy(() -> new Writes(failingFlush(broken)).persist(new Object(), "taken meanwhile"))
                .isSameAs(broken);
    }

    @Test
    void batchesKeepOrderAndStayWithinTheBindLimit() {
        List<Integer> all = IntStream.range(0, 2 * Writes.BATCH + 1).boxed().toList();
        List<List<Integer>> batches = Writes.batches(all);
        assertThat(batches).extracting(List::size).containsExactly(Writes.BATCH, Writes.BATCH, 1);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(all);
        assertThat(Writes.batches(List.of())).isEmpty();
    }

    @Test
    void aSeatIsTheLowestFreeOneAndAFullRoleIsAConflict() {
        Set<Integer> taken = new HashSet<>(Set.of(1, 3));
        assertThat(Seats.lowestFree(taken, 3, "scope", "owner")).isEqualTo(2);
        assertThatThrownBy(() -> Seats.lowestFree(taken, 3, "scope", "owner"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("as many holders as it may");
    }

    private static EntityManager failingFlush(RuntimeException error) {
        return (EntityManager) Proxy.newProxyInstance(WritesTest.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "persist" -> null;
                    case "flush" -> throw error;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
