package dev.arbor.service;

import dev.arbor.core.InvalidSchemaException;
import dev.arbor.core.SchemaReader;
import dev.arbor.core.TenancySchema;
import dev.arbor.store.JsonText;

/**
 * Schema documents between their stored JSON text and plain maps and lists. Writing only, and reading what this
 * service stored: reading what a client sent, strictly, is the adapter's job.
 */
final class SchemaDocuments {

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
        return JsonText.write(document);
    }

    /** A stored document as maps and lists. */
    static Object tree(String stored) {
        return JsonText.read(stored);
    }
}
