package dev.arbor.rest;

import dev.arbor.core.TenancySchema;
import java.util.Map;

/** Scope attributes checked against what the schema declares for the type. */
final class Attributes {

    private Attributes() {
    }

    static Map<String, Object> checked(TenancySchema schema, String type, Map<String, Object> attributes) {
        return checked(schema, type, attributes, "attributes");
    }

    /** @param fieldPrefix where the attributes are in the request, for error fields */
    static Map<String, Object> checked(TenancySchema schema, String type, Map<String, Object> attributes,
            String fieldPrefix) {
        if (attributes == null) {
            return Map.of();
        }
        Map<String, String> declared = schema.attributes(type);
        for (Map.Entry<String, Object> entry : attributes.entrySet()) {
            String field = fieldPrefix + "." + entry.getKey();
            String kind = declared.get(entry.getKey());
            if (kind == null) {
                throw ApiException.badRequest(field, "Scope type " + type + " declares no attribute '" + entry.getKey()
                        + "'; it declares " + declared.keySet());
            }
            Object value = entry.getValue();
            if (value == null) {
                // a stored scope holds no nulls; leave the attribute out to have none
                throw ApiException.badRequest(field, "Attribute '" + entry.getKey() + "' must not be null");
            }
            boolean fits = kind.equals("boolean") && value instanceof Boolean
                    || kind.equals("number") && value instanceof Number
                    || kind.equals("string") && value instanceof String;
            if (!fits) {
                throw ApiException.badRequest(field, "Attribute '" + entry.getKey() + "' must be a " + kind);
            }
        }
        return attributes;
    }
}
