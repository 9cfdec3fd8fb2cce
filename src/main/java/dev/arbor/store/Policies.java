package dev.arbor.store;

import dev.arbor.core.Policy;
import dev.arbor.core.SchemaReader;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled policy of each realm's schema in force, shared by the API and the token path. Stored revisions
 * never change, so a compiled one is valid until a newer revision appears; each call still reads which revision
 * is latest.
 */
public final class Policies {

    private record Compiled(String rowId, Policy policy) {
    }

    private static final Map<String, Compiled> BY_REALM = new ConcurrentHashMap<>();

    private Policies() {
    }

    /** The schema in force and its compiled policy, read with one query. */
    public record Active(StoredSchema schema, Policy policy) {
    }

    /** The realm's policy; empty when the realm has no schema. */
    public static Optional<Policy> of(String realmId, TenancyStore store) {
        return active(realmId, store).map(Active::policy);
    }

    /** The realm's schema in force with its policy; empty when the realm has no schema. */
    public static Optional<Active> active(String realmId, TenancyStore store) {
        Optional<StoredSchema> stored = store.activeSchema();
        if (stored.isEmpty()) {
            BY_REALM.remove(realmId);
            return Optional.empty();
        }
        Compiled cached = BY_REALM.get(realmId);
        if (cached != null && cached.rowId().equals(stored.get().rowId())) {
            return Optional.of(new Active(stored.get(), cached.policy()));
        }
        Policy policy = new Policy(SchemaReader.read(JsonText.read(stored.get().document())));
        BY_REALM.put(realmId, new Compiled(stored.get().rowId(), policy));
        return Optional.of(new Active(stored.get(), policy));
    }
}
