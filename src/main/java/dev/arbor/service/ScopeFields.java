package dev.arbor.service;

import dev.arbor.core.TenancySchema;
import java.util.Map;

/** A scope's name and attributes as given, checked against the schema; the one check for the API and imports. */
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

    /**
     * The attributes, each declared for the type with a value of its kind; none for null.
     *
     * @param fieldPrefix where the attributes are in the request, for error fields
     */
    static Map<String, Object> attributes(TenancySchema schema, String type, Map<String, Object> attributes,
            String fieldPrefix) {
        if (attributes == null) {
            return Map.of();
        }
        Map<String, String> declared = schema.attributes(type);
        for (Map.Entry<String, Object> entry : attributes.entrySet()) {
            String field = fieldPrefix + "." + entry.getKey();
            String kind = declared.get(entry.getKey());
            if (kind == null) {
                throw TenancyException.invalid(field, "Scope type " + type + " declares no attribute '"
                        + entry.getKey() + "'; it declares " + declared.keySet());
            }
            Object value = entry.getValue();
            if (value == null) {
                // a stored scope holds no nulls; leave the attribute out to have none
                throw TenancyException.invalid(field, "Attribute '" + entry.getKey() + "' must not be null");
            }
            boolean fits = kind.equals("boolean") && value instanceof Boolean
                    || kind.equals("number") && value instanceof Number
                    || kind.equals("string") && value instanceof String;
            if (!fits) {
                throw TenancyException.invalid(field, "Attribute '" + entry.getKey() + "' must be a " + kind);
            }
        }
        return attributes;
    }
}
