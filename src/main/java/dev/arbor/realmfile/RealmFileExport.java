package dev.arbor.realmfile;

import dev.arbor.service.TenancyDocument;
import dev.arbor.service.TenancyProvider;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RealmProvider;

/**
 * The realms {@code kc.sh export} reads, each with its tenancy as the attribute {@value RealmFiles#ATTRIBUTE}.
 * Keycloak's exporters take a realm's attributes from {@link RealmModel#getAttributes()} and call no extension, so
 * the realms this process hands out answer that with the tenancy added; nothing is written to the database. Only
 * the export process ({@link ArborDatastoreProvider}) uses these views, and only for reading.
 */
final class RealmFileExport {

    private RealmFileExport() {
    }

    /** {@code realms}, with every realm it returns seen through {@link #realm}. */
    static RealmProvider realms(KeycloakSession session, RealmProvider realms) {
        return (RealmProvider) Proxy.newProxyInstance(RealmFileExport.class.getClassLoader(),
                new Class<?>[] {RealmProvider.class}, (proxy, method, args) -> {
                    Object result = invoke(method, realms, unwrapped(args));
                    if (result instanceof RealmModel realm) {
                        return realm(session, realm);
                    }
                    if (result instanceof Stream<?> stream) {
                        return stream.map(each -> each instanceof RealmModel realm ? realm(session, realm) : each);
                    }
                    return result;
                });
    }

    /** The realm, whose attributes include its tenancy document when it has a schema. */
    static RealmModel realm(KeycloakSession session, RealmModel realm) {
        if (Proxy.isProxyClass(realm.getClass()) && Proxy.getInvocationHandler(realm) instanceof WithTenancy) {
            return realm;
        }
        return (RealmModel) Proxy.newProxyInstance(RealmFileExport.class.getClassLoader(),
                new Class<?>[] {RealmModel.class}, new WithTenancy(session, realm));
    }

    private static final class WithTenancy implements InvocationHandler {

        private final KeycloakSession session;
        private final RealmModel realm;
        private Optional<String> tenancy;

        WithTenancy(KeycloakSession session, RealmModel realm) {
            this.session = session;
            this.realm = realm;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            int arity = args == null ? 0 : args.length;
            if (name.equals("getAttributes") && arity == 0) {
                Map<String, String> attributes = new HashMap<>(realm.getAttributes());
                tenancy().ifPresent(document -> attributes.put(RealmFiles.ATTRIBUTE, document));
                return attributes;
            }
            if (name.equals("getAttribute") && arity == 1 && RealmFiles.ATTRIBUTE.equals(args[0])) {
                return tenancy().orElse(null);
            }
            if (name.equals("equals") && arity == 1) {
                return args[0] instanceof RealmModel other && realm.getId().equals(other.getId());
            }
            if (name.equals("hashCode") && arity == 0) {
                return realm.getId().hashCode();
            }
            if (name.equals("toString") && arity == 0) {
                return realm.toString();
            }
            return RealmFileExport.invoke(method, realm, unwrapped(args));
        }

        /** The document as the service exports it, read once, with this realm as the session's. */
        private Optional<String> tenancy() {
            if (tenancy == null) {
                RealmModel previous = session.getContext().getRealm();
                session.getContext().setRealm(realm);
                try {
                    Optional<TenancyDocument> document = session.getProvider(TenancyProvider.class)
                            .exportForRealmFile();
                    tenancy = document.map(RealmFiles::write);
                } finally {
                    session.getContext().setRealm(previous);
                }
            }
            return tenancy;
        }
    }

    /** Keycloak's own objects get Keycloak's own realms: a view is replaced by the realm it shows. */
    private static Object[] unwrapped(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] plain = args.clone();
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] != null && Proxy.isProxyClass(plain[i].getClass())
                    && Proxy.getInvocationHandler(plain[i]) instanceof WithTenancy view) {
                plain[i] = view.realm;
            }
        }
        return plain;
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
