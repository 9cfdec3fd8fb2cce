package dev.arbor.rest;

/** {@code first} and {@code max} query parameters, checked. */
record Paging(int first, int max) {

    static final int DEFAULT_MAX = 100;
    static final int LIMIT = 1000;

    static Paging of(Integer first, Integer max) {
        int from = first == null ? 0 : first;
        int size = max == null ? DEFAULT_MAX : max;
        if (from < 0) {
            throw ApiException.badRequest("first", "first must not be negative");
        }
        if (size < 1 || size > LIMIT) {
            throw ApiException.badRequest("max", "max must be between 1 and " + LIMIT);
        }
        return new Paging(from, size);
    }
}
