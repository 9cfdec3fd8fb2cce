package dev.arbor.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.stream.Collectors;

/**
 * Request bodies, read strictly: unknown fields, wrong types and malformed JSON are a 400 naming the field,
 * rather than silently ignored as a lenient mapper would.
 */
final class Bodies {

    static final int MAX_BYTES = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Bodies() {
    }

    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(null, "A JSON request body is required");
        }
        if (body.length() > MAX_BYTES) {
            throw ApiException.tooLarge(MAX_BYTES);
        }
        try {
            return JSON.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(path(e), "Unknown field '" + e.getPropertyName() + "'");
        } catch (JsonParseException e) {
            throw ApiException.badRequest(null, "Malformed JSON: " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw ApiException.badRequest(path(e), "Wrong type or value: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "Unreadable body: " + e.getOriginalMessage());
        }
    }

    /** A document already parsed into maps and lists (e.g. from YAML), read strictly into {@code type}. */
    static <T> T convert(Object document, Class<T> type) {
        try {
            return JSON.convertValue(document, type);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
                throw ApiException.badRequest(path(unknown), "Unknown field '" + unknown.getPropertyName() + "'");
            }
            if (e.getCause() instanceof JsonMappingException mapping) {
                throw ApiException.badRequest(path(mapping), "Wrong type or value: " + mapping.getOriginalMessage());
            }
            throw ApiException.badRequest(null, "Unreadable document: " + e.getMessage());
        }
    }

    /** A schema document as plain maps and lists, from JSON or YAML. */
    static Object document(String body, boolean yaml) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(null, "A schema document is required");
        }
        if (body.length() > MAX_BYTES) {
            throw ApiException.tooLarge(MAX_BYTES);
        }
        try {
            return (yaml ? YAML : JSON).readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "Malformed " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
        }
    }

    /** The document as the JSON text that is stored. */
    static String json(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
