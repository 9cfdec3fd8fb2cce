package dev.arbor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The JSON held in text columns (scope attributes). */
final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private JsonText() {
    }

    static String write(Map<String, Object> value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes are not JSON-serializable", e);
        }
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
