package dev.arbor.service;

import dev.arbor.core.InvalidSchemaException;
import dev.arbor.core.SchemaReader;
import dev.arbor.core.TenancySchema;

/**
 * Schema documents as the service reads them: the schema a document declares, or every problem with its path.
 * Their stored JSON text is {@link dev.arbor.store.JsonText}'s; reading what a client sent, strictly, is the
 * adapter's job.
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
}
