package dev.arbor.rest;

import dev.arbor.core.Principal;
import dev.arbor.service.Actor;
import dev.arbor.service.TenancyException;
import dev.arbor.service.TenancyProvider;
import dev.arbor.service.TranslatedRefusals;
import dev.arbor.store.RealmAdministrators;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * One authenticated API call: who calls (resolved once), in which realm, and the tenancy service that answers.
 * Two ways in: the tenancy API of a realm ({@link #authenticate}), where realm administrators are users of the
 * realm holding {@code realm-management}'s {@code manage-realm} in their token ({@link RealmAdministrators}), and
 * the admin API ({@link #administering}), where Keycloak has authenticated an administrator, of the realm or of
 * master, and Keycloak's own admin permissions decide.
 */
final class TenancyRequest {

    /** Requests of the admin API that only read, though they are POSTs: they need view-realm, not manage-realm. */
    private static final Set<String> READING_POSTS = Set.of("check", "validate");

    final KeycloakSession session;
    final RealmModel realm;
    /** The caller's username, as {@code GET info} shows it. */
    final String username;
    final Actor actor;
    /** The service, whose refusals reach the resources already as {@link ApiException}s. */
    final TenancyProvider tenancy;
    /** Whether this is the admin API, which offers no invitations: its callers are no users of the realm. */
    final boolean administration;

    private TenancyRequest(KeycloakSession session, Actor actor, boolean administration) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.username = actor.user().getUsername();
        this.actor = actor;
        this.administration = administration;
        this.tenancy = answeringInHttp(session.getProvider(TenancyProvider.class));
    }

    static TenancyRequest authenticate(KeycloakSession session) {
        AuthResult auth = Caller.authenticate(session);
        RealmModel realm = session.getContext().getRealm();
        Actor actor = new Actor(new Principal(auth.user().getId(),
                RealmAdministrators.actingThrough(auth.token(), realm, auth.user())), auth.user(), auth.client(),
                auth.token(), realm);
        return new TenancyRequest(session, actor, false);
    }

    /**
     * A call of {@code /admin/realms/{realm}/tenancy}: reading needs Keycloak's view-realm permission on the
     * realm, changing it manage-realm (both granted by realm-management roles, master-realm administration or
     * fine-grained admin permissions). Whoever passes acts as the realm's administrator.
     */
    static TenancyRequest administering(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        String method = session.getContext().getHttpRequest().getHttpMethod();
        String last = session.getContext().getUri().getPathSegments().get(
                session.getContext().getUri().getPathSegments().size() - 1).getPath();
        if ("GET".equals(method) || "HEAD".equals(method) || "POST".equals(method) && READING_POSTS.contains(last)) {
            auth.realm().requireViewRealm();
        } else {
            auth.realm().requireManageRealm();
        }
        session.getContext().setRealm(realm);
        AdminAuth admin = auth.adminAuth();
        Actor actor = new Actor(new Principal(admin.getUser().getId(), true), admin.getUser(), admin.getClient(),
                admin.getToken(), admin.getRealm());
        return new TenancyRequest(session, actor, true);
    }

    /**
     * The service with its domain exceptions turned into API answers, in this one place, so that no resource maps
     * them itself (and every answer rolls the request back, see {@link ApiException}).
     */
    private static TenancyProvider answeringInHttp(TenancyProvider service) {
        return TranslatedRefusals.of(service, thrown -> thrown instanceof TenancyException refused
                ? ApiException.of(refused) : thrown);
    }
}
