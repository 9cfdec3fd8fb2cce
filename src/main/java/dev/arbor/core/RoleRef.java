package dev.arbor.core;

/** A role named with its scope type, written {@code type.role} in a schema (e.g. {@code workspace.owner}). */
record RoleRef(String type, String role) {

    /** null when {@code text} is not of the form {@code type.role}. */
    static RoleRef parse(String text) {
        int dot = text.indexOf('.');
        if (dot <= 0 || dot != text.lastIndexOf('.') || dot == text.length() - 1) {
            return null;
        }
        return new RoleRef(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return type + "." + role;
    }
}
