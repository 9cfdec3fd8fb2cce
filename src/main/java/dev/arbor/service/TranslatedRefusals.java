package dev.arbor.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * A {@link TenancyProvider} whose exceptions pass through a translation: the one way a layer turns the refusals of
 * the one below into its own (the service turns the store's conflicts into CONFLICT, the REST adapter turns the
 * service's refusals into HTTP answers), so no use case and no resource maps them itself.
 */
public final class TranslatedRefusals {

    private TranslatedRefusals() {
    }

    /** @param translate the exception to throw instead; the same one to let it pass */
    public static TenancyProvider of(TenancyProvider service, Function<Throwable, Throwable> translate) {
        return (TenancyProvider) Proxy.newProxyInstance(TenancyProvider.class.getClassLoader(),
                new Class<?>[] {TenancyProvider.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(service, args);
                    } catch (InvocationTargetException e) {
                        throw translate.apply(e.getCause());
                    }
                });
    }
}
