package dev.arbor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * The JSON Arbor keeps in text columns (scope attributes, schema documents), written and read with one plain mapper:
 * what it reads was written here. Reading what a client sent, strictly, is the REST adapter's job.
 */
public final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private JsonText() {
    }

    /** A document of maps, lists and values as the JSON text that is stored. */
    public static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the document is not JSON-serializable", e);
        }
    }

    /** Stored JSON text as maps, lists and values. */
    public static Object read(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored text is not JSON: " + text, e);
        }
    }

    /** Attributes as stored: none is no text at all. */
    static String writeAttributes(Map<String, Object> value) {
        return value == null || value.isEmpty() ? null : write(value);
    }

    static Map<String, Object> readObject(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not a JSON object: " + text, e);
        }
    }
}
