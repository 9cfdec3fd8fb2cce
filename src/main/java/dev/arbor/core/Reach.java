package dev.arbor.core;

/** Where a role's grant applies, relative to the scope the role is held at. */
enum Reach {
    /** the scope itself only */
    SELF,
    /** the scopes below it only */
    DESCENDANTS,
    /** the scope and everything below it */
    SUBTREE;

    boolean atHolder() {
        return this != DESCENDANTS;
    }

    boolean below() {
        return this != SELF;
    }

    static Reach parse(String text) {
        return switch (text) {
            case "self" -> SELF;
            case "descendants" -> DESCENDANTS;
            case "subtree" -> SUBTREE;
            default -> null;
        };
    }
}
