package dev.arbor.core;

/**
 * One reason a tenancy schema was refused.
 *
 * @param path where in the document, e.g. {@code scopeTypes.workspace.roles.admin.grants[0].permissions[1]}
 * @param message what is wrong there, in a sentence
 */
public record SchemaProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
