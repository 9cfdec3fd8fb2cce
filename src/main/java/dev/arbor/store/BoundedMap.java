package dev.arbor.store;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map of at most {@code capacity} entries (a few more while writers race). When it is full, a new
 * entry takes the place of one that nobody read since the clock hand last passed it (CLOCK, a cheap approximation
 * of least recently used): a big realm keeps its hot entries instead of caching nothing new once full. Reads only
 * set a flag; eviction is the writers' job.
 */
final class BoundedMap<V> {

    private static final class Slot<V> {
        final V value;
        volatile boolean read;

        Slot(V value) {
            this.value = value;
        }
    }

    private final int capacity;
    private final Runnable onEviction;
    private final Map<String, Slot<V>> slots = new ConcurrentHashMap<>();
    /** Where the next eviction looks; guarded by this. */
    private Iterator<Map.Entry<String, Slot<V>>> hand;

    /** @param onEviction told each time an entry makes room for another */
    BoundedMap(int capacity, Runnable onEviction) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.onEviction = onEviction;
    }

    /** The value of {@code key}, or null; marks it as recently read. */
    V get(String key) {
        Slot<V> slot = slots.get(key);
        if (slot == null) {
            return null;
        }
        if (!slot.read) { // written only when it changes: hot entries are read by many threads at once
            slot.read = true;
        }
        return slot.value;
    }

    /** Adds {@code value} unless {@code key} has one, evicting first when full; null when it was added. */
    V putIfAbsent(String key, V value) {
        Slot<V> present = slots.get(key);
        if (present != null) {
            return present.value;
        }
        makeRoom();
        present = slots.putIfAbsent(key, new Slot<>(value));
        return present == null ? null : present.value;
    }

    void remove(String key) {
        slots.remove(key);
    }

    /** Removes {@code key} only while its value is this very {@code value}, not one another reader put since. */
    void remove(String key, V value) {
        slots.computeIfPresent(key, (any, slot) -> slot.value == value ? null : slot);
    }

    void clear() {
        slots.clear();
    }

    int size() {
        return slots.size();
    }

    private synchronized void makeRoom() {
        while (slots.size() >= capacity) {
            if (hand == null || !hand.hasNext()) {
                hand = slots.entrySet().iterator();
                if (!hand.hasNext()) {
                    return;
                }
            }
            Map.Entry<String, Slot<V>> next = hand.next();
            Slot<V> slot = next.getValue();
            if (slot.read) {
                slot.read = false; // a second chance: evicted only if still unread when the hand comes round again
            } else if (slots.remove(next.getKey(), slot)) {
                onEviction.run();
            }
        }
    }
}
