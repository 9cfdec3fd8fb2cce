package dev.arbor.service;

import dev.arbor.store.ConflictException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
        return (TenancyProvider) Proxy.newProxyInstance(TenancyProvider.class.getClassLoader(),
                new Class<?>[] {TenancyProvider.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(service, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof ConflictException conflict) {
                            throw TenancyException.conflict(conflict.getMessage(), List.of());
                        }
                        throw e.getCause();
                    }
                });
    }
}
