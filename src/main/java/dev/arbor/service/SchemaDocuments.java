package dev.arbor.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.core.InvalidSchemaException;
import dev.arbor.core.SchemaReader;
import dev.arbor.core.TenancySchema;

/**
 * Schema documents between their stored JSON text and plain maps and lists. Writing only, and reading what this
 * service stored: reading what a client sent, strictly, is the adapter's job.
 */
final class SchemaDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaDocuments() {
    }

    /** The schema a document declares; INVALID with one problem per path otherwise. */
    static TenancySchema read(Object document) {
        try {
            return SchemaReader.read(document);
        } catch (InvalidSchemaException e) {
            throw TenancyException.invalid("The schema is invalid: " + e.problems().size() + " problem(s)",
                    e.problems().stream()
                            .map(problem -> new TenancyException.Problem(problem.path(), problem.message())).toList());
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

    /** A stored document as maps and lists. */
    static Object tree(String stored) {
        try {
            return JSON.readValue(stored, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored schema is not JSON", e);
        }
    }
}
