package dev.arbor.store;

import dev.arbor.store.jpa.ArborSchemaEntity;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A realm's schema revisions: the latest is in force, and a new one is the next number. */
final class SchemaRevisions {

    private final StoreContext context;

    SchemaRevisions(StoreContext context) {
        this.context = context;
    }

    Optional<StoredSchema> active() {
        return context.slice.activeSchema(this::latest);
    }

    private Optional<StoredSchema> latest() {
        List<ArborSchemaEntity> rows = context.em.createNamedQuery("arborSchema.latest", ArborSchemaEntity.class)
                .setParameter("realmId", context.realmId)
                .setMaxResults(1)
                .getResultList();
        return rows.stream().findFirst().map(StoredSchema::of);
    }

    /** @throws ConflictException when another request stored a revision at the same moment */
    StoredSchema save(String schemaId, int schemaVersion, String document, String userId) {
        context.changing().wholeRealm(); // every decision reads the schema
        ArborSchemaEntity row = new ArborSchemaEntity();
        row.id = UUID.randomUUID().toString();
        row.realmId = context.realmId;
        row.revision = active().map(StoredSchema::revision).orElse(0) + 1;
        row.schemaId = schemaId;
        row.schemaVersion = schemaVersion;
        row.document = document;
        row.createdAt = System.currentTimeMillis();
        row.createdBy = userId;
        context.writes.persist(row, "another schema revision was stored at the same time; read it and try again");
        return StoredSchema.of(row);
    }
}
