package dev.arbor.core;

/**
 * How many users may hold one role at one scope: a number, or no limit at all. Immutable; equal limits are equal.
 * The one answer to "is there room for another holder?", so that no caller stands in a large number for "no
 * limit".
 */
public final class HolderLimit {

    private static final HolderLimit UNBOUNDED = new HolderLimit(-1);

    /** -1 when unbounded */
    private final int max;

    private HolderLimit(int max) {
        this.max = max;
    }

    /** No limit: any number of holders. */
    public static HolderLimit unbounded() {
        return UNBOUNDED;
    }

    /**
     * At most {@code max} holders.
     *
     * @throws IllegalArgumentException when {@code max} is negative
     */
    public static HolderLimit of(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("a holder limit must not be negative: " + max);
        }
        return new HolderLimit(max);
    }

    public boolean isBounded() {
        return max >= 0;
    }

    /** Whether {@code count} holders at one scope keep within the limit. */
    public boolean allows(int count) {
        return !isBounded() || count <= max;
    }

    /**
     * The greatest number of holders allowed.
     *
     * @throws IllegalStateException when the limit is unbounded: ask {@link #isBounded()} first
     */
    public int max() {
        if (!isBounded()) {
            throw new IllegalStateException("an unbounded holder limit has no maximum");
        }
        return max;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HolderLimit limit && limit.max == max;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(max);
    }

    /** {@code "at most 3"} or {@code "unbounded"}. */
    @Override
    public String toString() {
        return isBounded() ? "at most " + max : "unbounded";
    }
}
