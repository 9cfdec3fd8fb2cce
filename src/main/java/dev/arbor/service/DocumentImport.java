package dev.arbor.service;

import dev.arbor.core.SchemaCompatibility;
import dev.arbor.core.TenancySchema;
import dev.arbor.service.TenancyDocument.ImportResult;
import dev.arbor.service.TenancyDocument.MemberEntry;
import dev.arbor.service.TenancyDocument.ScopeNode;
import dev.arbor.store.JsonText;
import dev.arbor.store.StoredSchema;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.events.admin.OperationType;

/**
 * Importing a {@link TenancyDocument}: checked whole before anything changes ({@link ImportPlan}); it only adds and
 * updates (it never deletes), and importing the same document twice changes nothing.
 */
final class DocumentImport {

    private final RealmTenancy tenancy;

    DocumentImport(RealmTenancy tenancy) {
        this.tenancy = tenancy;
    }

    ImportResult importDocument(Actor actor, Supplier<TenancyDocument> read) {
        tenancy.requireRealmAdmin(actor);
        ImportResult result = apply(read.get(), actor.userId());
        if (!result.unchanged()) {
            tenancy.audit(actor, OperationType.ACTION, result, "tenancy", "import");
        }
        return result;
    }

    /**
     * The same import as the system, for a realm file Keycloak imports: no user to check or record (the schema
     * revision names no creator) and no admin event, as Keycloak records none for the rest of the realm file.
     */
    ImportResult importAsSystem(Supplier<TenancyDocument> read) {
        return apply(read.get(), null);
    }

    /** @param userId who the new schema revision records as its creator; null for the system */
    private ImportResult apply(TenancyDocument document, String userId) {
        if (document == null) {
            throw TenancyException.invalid("arbor", "A tenancy document is required");
        }
        if (document.arbor() == null || document.arbor() != 1) {
            throw TenancyException.invalid("arbor", "arbor must be 1");
        }
        tenancy.store.forWriting();
        Optional<StoredSchema> active = tenancy.store.activeSchema();
        TenancySchema schema;
        String schemaJson = null;
        if (document.schema() != null) {
            schema = SchemaDocuments.read(document.schema());
            schemaJson = JsonText.write(document.schema());
        } else {
            schema = tenancy.policy().schema();
        }
        boolean newSchema = schemaJson != null && !(active.isPresent() && active.get().document().equals(schemaJson));

        List<ScopeNode> roots = document.scopes() == null ? List.of() : document.scopes();
        List<MemberEntry> members = document.members() == null ? List.of() : document.members();
        ImportPlan plan = new ImportPlan(tenancy, schema, roots, members);
        for (int i = 0; i < roots.size(); i++) {
            plan.scope(roots.get(i), null, "scopes[" + i + "]");
        }
        for (int i = 0; i < members.size(); i++) {
            plan.member(members.get(i), "members[" + i + "]");
        }
        plan.checkHolders();
        plan.checkHoldings();
        if (newSchema) {
            List<String> conflicts = SchemaCompatibility.problems(schema, tenancy.store.allScopes(),
                    tenancy.store.allMemberships());
            if (!conflicts.isEmpty()) {
                throw TenancyException.conflict("The realm's existing data does not fit the document's schema",
                        conflicts);
            }
        }
        return plan.apply(newSchema ? schemaJson : null, active, userId);
    }
}
