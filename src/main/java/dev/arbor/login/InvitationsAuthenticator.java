package dev.arbor.login;

import dev.arbor.core.Principal;
import dev.arbor.service.Actor;
import dev.arbor.service.TenancyException;
import dev.arbor.service.TenancyProvider;
import dev.arbor.store.Invitation;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.jboss.logging.Logger;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * "You have been invited", a step of the browser flow after sign-in and before the "choose a workspace" step (so
 * an accepted invitation is there to choose): a user with open invitations to their verified e-mail address sees
 * them with their paths and roles, and accepts, declines, or leaves them for later. Accepting is the tenancy
 * service's {@link TenancyProvider#acceptInvitation}, as in the API, so the sender's right to grant is checked again now. Shown only to
 * clients that use tenancy (where the picker runs) and never on a {@code prompt=none} request. A refusal names no
 * ids or rules on the page; the log has them.
 */
final class InvitationsAuthenticator extends LoginStep {

    static final String TEMPLATE = "accept-tenancy-invitations.ftl";

    private static final Logger LOG = Logger.getLogger(InvitationsAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!usesTenancy(context.getAuthenticationSession().getClient()) || silent(context)) {
            context.success(); // the invitations wait for the next interactive sign-in to a client with tenancy
            return;
        }
        List<Invitation> invitations = open(context);
        if (invitations.isEmpty()) {
            context.success();
            return;
        }
        context.challenge(page(context, invitations, null));
    }

    /** A {@code prompt=none} request: a page would end it with login_required, so no page is shown. */
    private static boolean silent(AuthenticationFlowContext context) {
        String prompt = context.getAuthenticationSession().getClientNote(OIDCLoginProtocol.PROMPT_PARAM);
        return prompt != null
                && Arrays.asList(prompt.strip().split("\\s+")).contains(OIDCLoginProtocol.PROMPT_VALUE_NONE);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String decision = form.getFirst("decision");
        String id = form.getFirst("invitation");
        List<Invitation> invitations = open(context);
        Optional<Invitation> chosen = invitations.stream().filter(invitation -> invitation.id().equals(id)).findFirst();
        if ("later".equals(decision) || invitations.isEmpty()) {
            context.success();
            return;
        }
        if (chosen.isEmpty() || !("accept".equals(decision) || "decline".equals(decision))) {
            context.challenge(page(context, invitations, "arborInvitationNotOffered"));
            return;
        }
        boolean accepting = "accept".equals(decision);
        String why = accepting ? accept(context, chosen.get()) : decline(context, chosen.get());
        if (why != null) {
            context.getSession().getTransactionManager().setRollbackOnly();
            // the rule text and ids are for operators; the page says only what the user can do about it
            LOG.infof("invitation %s to scope %s (realm %s) not %s on sign-in by user %s: %s", chosen.get().id(),
                    chosen.get().scopeId(), context.getRealm().getName(), accepting ? "accepted" : "declined",
                    context.getUser().getId(), why);
            context.challenge(page(context, invitations,
                    accepting ? "arborInvitationRefused" : "arborInvitationAlreadyDecided"));
            return;
        }
        List<Invitation> remaining = open(context);
        if (remaining.isEmpty()) {
            context.success();
        } else {
            context.challenge(page(context, remaining, null));
        }
    }

    /** @return why it was refused (for the log, never the page), or null once accepted */
    private static String accept(AuthenticationFlowContext context, Invitation invitation) {
        try {
            tenancy(context).acceptInvitation(actor(context), invitation.id());
            return null;
        } catch (TenancyException e) {
            return why(e);
        }
    }

    /** @return why it was refused (for the log, never the page), or null once declined */
    private static String decline(AuthenticationFlowContext context, Invitation invitation) {
        try {
            tenancy(context).declineInvitation(actor(context), invitation.id());
            return null;
        } catch (TenancyException e) {
            return why(e);
        }
    }

    private static String why(TenancyException e) {
        return e.decision() == null ? e.getMessage() : String.join(" ", e.decision().explanation());
    }

    /** Open invitations to the user's verified address; none without a schema or a verified address. */
    private static List<Invitation> open(AuthenticationFlowContext context) {
        return context.getUser() == null ? List.of() : tenancy(context).openInvitations(actor(context));
    }

    /** The signed-in user, with no token: on a login page the user signs in, rather than calls the API. */
    private static Actor actor(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        return new Actor(new Principal(user.getId(), false), user, context.getAuthenticationSession().getClient(),
                null, context.getRealm());
    }

    private static TenancyProvider tenancy(AuthenticationFlowContext context) {
        return context.getSession().getProvider(TenancyProvider.class);
    }

    private static jakarta.ws.rs.core.Response page(AuthenticationFlowContext context, List<Invitation> invitations,
            String error) {
        List<Map<String, String>> shown = new ArrayList<>();
        for (Invitation invitation : invitations) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", invitation.id());
            entry.put("path", Breadcrumb.of(tenancy(context).path(invitation.scopeId())));
            entry.put("roles", String.join(", ", invitation.roles()));
            shown.add(entry);
        }
        var form = context.form().setAttribute("tenancyInvitations", shown);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }
}
