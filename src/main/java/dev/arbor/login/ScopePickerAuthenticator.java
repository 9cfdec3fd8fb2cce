package dev.arbor.login;

import dev.arbor.core.Scope;
import dev.arbor.service.ScopeNotes;
import dev.arbor.service.TenancyProvider;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The "choose a workspace" step of the browser flow: after the user is known, a client that did not name a
 * tenancy scope gets one chosen here. One eligible scope is taken without asking; several are offered with their
 * paths; none gets a page that says so. The choice is stored as if the client had sent {@code tenancy_scope}, so
 * the token mapper and the fail-closed executor treat it the same way.
 */
final class ScopePickerAuthenticator extends LoginStep {

    static final String REQUESTED_NOTE = ScopeNotes.REQUESTED;
    static final String TEMPLATE = "select-tenancy-scope.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String named = context.getAuthenticationSession().getClientNote(REQUESTED_NOTE);
        if (named != null || !usesTenancy(context.getAuthenticationSession().getClient())) {
            context.success(); // named by the client (checked at token time), or a client without the claim
            return;
        }
        Optional<List<List<Scope>>> choices = choices(context);
        if (choices.isEmpty()) {
            context.success(); // no tenancy schema in this realm
            return;
        }
        List<List<Scope>> eligible = choices.get();
        if (eligible.size() == 1) {
            choose(context, scopeOf(eligible.get(0)).id());
            return;
        }
        Optional<String> current = currentScope(context)
                .filter(id -> eligible.stream().anyMatch(path -> scopeOf(path).id().equals(id)));
        if (current.isPresent()) {
            choose(context, current.get()); // an SSO return (silent renewal, prompt=none) keeps the session's scope
            return;
        }
        context.challenge(page(context, choices.get(), null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String picked = context.getHttpRequest().getDecodedFormParameters().getFirst("tenancy_scope");
        Optional<List<List<Scope>>> choices = choices(context);
        if (choices.isEmpty()) {
            context.success();
            return;
        }
        boolean offered = picked != null && choices.get().stream().anyMatch(path -> scopeOf(path).id().equals(picked));
        if (!offered) {
            context.challenge(page(context, choices.get(), "arborScopeNotOffered"));
            return;
        }
        choose(context, picked);
    }

    /** The scope this client already acts in within the user's SSO session, if the browser comes back with one. */
    private static Optional<String> currentScope(AuthenticationFlowContext context) {
        AuthenticationManager.AuthResult sso =
                AuthenticationManager.authenticateIdentityCookie(context.getSession(), context.getRealm(), true);
        if (sso == null || !sso.getUser().getId().equals(context.getUser().getId())) {
            return Optional.empty();
        }
        AuthenticatedClientSessionModel clientSession = sso.getSession()
                .getAuthenticatedClientSessionByClient(context.getAuthenticationSession().getClient().getId());
        return Optional.ofNullable(clientSession).map(found -> found.getNote(ScopeNotes.ACTIVE));
    }

    private static void choose(AuthenticationFlowContext context, String scopeId) {
        context.getAuthenticationSession().setClientNote(REQUESTED_NOTE, scopeId);
        context.success();
    }

    /** The scopes the user may make active, each as its path; empty when the realm has no tenancy schema. */
    private static Optional<List<List<Scope>>> choices(AuthenticationFlowContext context) {
        return context.getSession().getProvider(TenancyProvider.class).actableScopes(context.getUser().getId(),
                Integer.MAX_VALUE);
    }

    private static Scope scopeOf(List<Scope> path) {
        return path.get(path.size() - 1);
    }

    private static Response page(AuthenticationFlowContext context, List<List<Scope>> choices, String error) {
        List<Map<String, String>> options = new ArrayList<>();
        for (List<Scope> path : choices) {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("id", scopeOf(path).id());
            option.put("type", scopeOf(path).type());
            option.put("path", Breadcrumb.of(path));
            options.add(option);
        }
        var form = context.form().setAttribute("tenancyScopes", options);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }
}
