package dev.arbor.rest;

import dev.arbor.core.Principal;
import dev.arbor.service.Actor;
import dev.arbor.service.TenancyException;
import dev.arbor.service.TenancyProvider;
import dev.arbor.store.RealmAdministrators;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * One authenticated API call: who calls (resolved once), in which realm, and the tenancy service that answers.
 * Realm administrators are users of the realm holding {@code realm-management}'s {@code manage-realm}, calling with
 * a token that carries it ({@link RealmAdministrators#actingThrough}).
 */
final class TenancyRequest {

    final KeycloakSession session;
    final RealmModel realm;
    final AuthResult auth;
    final Actor actor;
    /** The service, whose refusals reach the resources already as {@link ApiException}s. */
    final TenancyProvider tenancy;

    private TenancyRequest(KeycloakSession session, AuthResult auth) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.auth = auth;
        this.actor = new Actor(new Principal(auth.user().getId(),
                RealmAdministrators.actingThrough(auth.token(), realm, auth.user())), auth.user(), auth.client(),
                auth.token());
        this.tenancy = answeringInHttp(session.getProvider(TenancyProvider.class));
    }

    static TenancyRequest authenticate(KeycloakSession session) {
        return new TenancyRequest(session, Caller.authenticate(session));
    }

    /**
     * The service with its domain exceptions turned into API answers, in this one place, so that no resource maps
     * them itself (and every answer rolls the request back, see {@link ApiException}).
     */
    private static TenancyProvider answeringInHttp(TenancyProvider service) {
        return (TenancyProvider) Proxy.newProxyInstance(TenancyProvider.class.getClassLoader(),
                new Class<?>[] {TenancyProvider.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(service, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof TenancyException refused) {
                            throw ApiException.of(refused);
                        }
                        throw e.getCause();
                    }
                });
    }
}
