package dev.arbor.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON for tests: parse what the server answers. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Parses {@code text}; an empty body is a missing node, and non-JSON fails the test, quoting the text. */
    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MAPPER.missingNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
