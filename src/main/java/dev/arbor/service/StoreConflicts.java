package dev.arbor.service;

import dev.arbor.store.ConflictException;
import java.util.List;

/**
 * The service's edge for what the database refuses: a write that lost a race (a unique key, a seat taken meanwhile,
 * a lock not granted in time) leaves every use case as a CONFLICT {@link TenancyException}, so callers handle one
 * kind of refusal, whichever adapter they are.
 */
final class StoreConflicts {

    private StoreConflicts() {
    }

    static TenancyProvider refusedAsConflicts(TenancyProvider service) {
        return TranslatedRefusals.of(service, thrown -> thrown instanceof ConflictException conflict
                ? TenancyException.conflict(conflict.getMessage(), List.of()) : thrown);
    }
}
