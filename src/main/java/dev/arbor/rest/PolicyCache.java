package dev.arbor.rest;

import dev.arbor.core.Policy;
import dev.arbor.core.SchemaReader;
import dev.arbor.store.StoredSchema;
import dev.arbor.store.TenancyStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled policy of each realm's schema in force. Stored revisions never change, so a compiled one is valid
 * until a newer revision appears; each request still reads which revision is latest.
 */
final class PolicyCache {

    private record Compiled(String rowId, Policy policy) {
    }

    private static final Map<String, Compiled> BY_REALM = new ConcurrentHashMap<>();

    private PolicyCache() {
    }

    static Optional<Policy> policy(String realmId, TenancyStore store) {
        Optional<StoredSchema> stored = store.activeSchema();
        if (stored.isEmpty()) {
            BY_REALM.remove(realmId);
            return Optional.empty();
        }
        Compiled cached = BY_REALM.get(realmId);
        if (cached != null && cached.rowId().equals(stored.get().rowId())) {
            return Optional.of(cached.policy());
        }
        Policy policy = new Policy(SchemaReader.read(Bodies.document(stored.get().document(), false)));
        BY_REALM.put(realmId, new Compiled(stored.get().rowId(), policy));
        return Optional.of(policy);
    }
}
