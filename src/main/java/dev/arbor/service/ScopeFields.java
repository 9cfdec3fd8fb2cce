package dev.arbor.service;

import dev.arbor.core.Placement;
import java.util.Map;
import java.util.Optional;

/**
 * A scope's name and placement as given, for the API and imports alike: the name checked here, the type, nesting and
 * attributes by the core's {@link Placement}.
 */
final class ScopeFields {

    static final int MAX_NAME = 255;

    private ScopeFields() {
    }

    /** The name, stripped; INVALID naming {@code field} when blank or too long. */
    static String name(String name, String field) {
        if (name == null || name.isBlank()) {
            throw TenancyException.invalid(field, "name is required");
        }
        if (name.length() > MAX_NAME) {
            throw TenancyException.invalid(field, "name is longer than " + MAX_NAME + " characters");
        }
        return name.strip();
    }

    /** Goes on when the scope fits where it is placed; otherwise INVALID naming the field at fault. */
    static void require(Optional<Placement.Misfit> misfit) {
        misfit.ifPresent(found -> {
            throw TenancyException.invalid(found.field(), found.message());
        });
    }

    /** The attributes a scope is stored with, once {@link Placement#attributes} accepted them. */
    static Map<String, Object> attributes(Map<String, Object> attributes) {
        return attributes == null ? Map.of() : attributes;
    }
}
