package dev.arbor.store;

import dev.arbor.store.jpa.ArborSchemaEntity;

/** A stored schema revision: the document as it was sent, and who stored it when. */
public record StoredSchema(String rowId, int revision, String schemaId, int schemaVersion, String document,
        long createdAt, String createdBy) {

    static StoredSchema of(ArborSchemaEntity row) {
        return new StoredSchema(row.id, row.revision, row.schemaId, row.schemaVersion, row.document, row.createdAt,
                row.createdBy);
    }
}
