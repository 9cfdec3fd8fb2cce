package dev.arbor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Full, the map still takes what is new, and what is read stays while what is not read makes room. */
class BoundedMapTest {

    private final AtomicInteger evictions = new AtomicInteger();
    private final BoundedMap<String> map = new BoundedMap<>(3, evictions::incrementAndGet);

    /** a, b and c: full. */
    private void fill() {
        map.putIfAbsent("a", "A");
        map.putIfAbsent("b", "B");
        map.putIfAbsent("c", "C");
    }

    @Test
    void aFullMapEvictsAnUnreadEntryForANewOne() {
        fill();
        map.get("a");

        assertThat(map.putIfAbsent("d", "D")).as("added").isNull();

        assertThat(map.size()).isEqualTo(3);
        assertThat(evictions).hasValue(1);
        assertThat(map.get("a")).as("read since it was put").isEqualTo("A");
        assertThat(map.get("d")).as("the new one").isEqualTo("D");
        assertThat(IntStream.of(map.get("b") == null ? 1 : 0, map.get("c") == null ? 1 : 0).sum())
                .as("one of the unread made room").isEqualTo(1);
    }

    @Test
    void aHotSetSurvivesAStreamOfOneOffEntriesMuchBiggerThanTheMap() {
        BoundedMap<String> big = new BoundedMap<>(100, evictions::incrementAndGet);
        for (int hot = 0; hot < 10; hot++) {
            big.putIfAbsent("hot-" + hot, "hot");
        }
        for (int cold = 0; cold < 10_000; cold++) {
            for (int hot = 0; hot < 10; hot++) {
                assertThat(big.get("hot-" + hot)).as("hot-%d after %d one-offs", hot, cold).isNotNull();
            }
            big.putIfAbsent("cold-" + cold, "cold");
            assertThat(big.get("cold-" + cold)).as("a full map still caches what is new").isNotNull();
        }

        assertThat(big.size()).isEqualTo(100);
        assertThat(evictions).hasValue(10 + 10_000 - 100);
    }

    @Test
    void whenEverythingWasReadTheHandClearsAndEvictsOnItsSecondRound() {
        fill();
        map.get("a");
        map.get("b");
        map.get("c");

        map.putIfAbsent("d", "D");

        assertThat(map.size()).isEqualTo(3);
        assertThat(map.get("d")).isEqualTo("D");
        assertThat(evictions).hasValue(1);
    }

    @Test
    void aKeyWithAValueKeepsItAndEvictsNothing() {
        fill();

        assertThat(map.putIfAbsent("a", "other")).isEqualTo("A");

        assertThat(map.size()).isEqualTo(3);
        assertThat(evictions).hasValue(0);
    }

    @Test
    void removingAValueLeavesOneAnotherReaderPutInItsPlace() {
        String mine = new String("value");
        String theirs = new String("value");
        map.putIfAbsent("k", theirs);

        map.remove("k", mine);

        assertThat(map.get("k")).isSameAs(theirs);
        map.remove("k", theirs);
        assertThat(map.get("k")).isNull();
    }
}
