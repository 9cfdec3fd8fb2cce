package dev.arbor.service;

import dev.arbor.core.InvalidSchemaException;
import dev.arbor.core.SchemaCompatibility;
import dev.arbor.core.SchemaReader;
import dev.arbor.core.TenancySchema;
import dev.arbor.service.Views.SchemaInfo;
import dev.arbor.service.Views.SchemaProblem;
import dev.arbor.service.Views.Validation;
import dev.arbor.store.JsonText;
import dev.arbor.store.StoredSchema;
import java.util.List;
import java.util.function.Supplier;
import org.keycloak.events.admin.OperationType;

/** The realm's tenancy schema: read by anyone of the realm, written by realm administrators. */
final class SchemaUseCases {

    private final RealmTenancy tenancy;

    SchemaUseCases(RealmTenancy tenancy) {
        this.tenancy = tenancy;
    }

    SchemaInfo get() {
        return info(tenancy.store.activeSchema().orElseThrow(() -> TenancyException.notFound(
                "Realm " + tenancy.realm.getName() + " has no tenancy schema")));
    }

    SchemaInfo put(Actor actor, Supplier<Object> read) {
        tenancy.requireRealmAdmin(actor);
        Object document = read.get();
        TenancySchema schema = SchemaDocuments.read(document);
        String json = JsonText.write(document);
        var active = tenancy.store.activeSchema();
        if (active.isPresent() && active.get().document().equals(json)) {
            return info(active.get()); // the same document again: nothing to store
        }
        List<String> conflicts = SchemaCompatibility.problems(schema, tenancy.store.allScopes(),
                tenancy.store.allMemberships());
        if (!conflicts.isEmpty()) {
            throw TenancyException.conflict("The realm's existing scopes and memberships do not fit this schema",
                    conflicts);
        }
        StoredSchema stored = tenancy.store.saveSchema(schema.id(), schema.version(), json, actor.userId());
        SchemaInfo info = info(stored);
        tenancy.audit(actor, OperationType.UPDATE, new SchemaInfo(info.revision(), info.id(), info.version(),
                info.createdAt(), info.createdBy(), null), "tenancy", "schema");
        return info;
    }

    Validation validate(Actor actor, Supplier<Object> read) {
        tenancy.requireRealmAdmin(actor);
        Object document = read.get();
        try {
            TenancySchema schema = SchemaReader.read(document);
            List<String> conflicts = SchemaCompatibility.problems(schema, tenancy.store.allScopes(),
                    tenancy.store.allMemberships());
            return new Validation(conflicts.isEmpty(), List.of(), conflicts);
        } catch (InvalidSchemaException e) {
            return new Validation(false, e.problems().stream()
                    .map(problem -> new SchemaProblem(problem.path(), problem.message())).toList(), List.of());
        }
    }

    private static SchemaInfo info(StoredSchema stored) {
        return new SchemaInfo(stored.revision(), stored.schemaId(), stored.schemaVersion(), stored.createdAt(),
                stored.createdBy(), JsonText.read(stored.document()));
    }
}
