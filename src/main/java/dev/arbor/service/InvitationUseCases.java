package dev.arbor.service;

import dev.arbor.core.Decision;
import dev.arbor.core.Policy;
import dev.arbor.core.Principal;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.service.Views.AccessRepresentation;
import dev.arbor.service.Views.InvitationRepresentation;
import dev.arbor.service.Views.Saved;
import dev.arbor.store.Invitation;
import dev.arbor.store.RealmAdministrators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;

/**
 * Offering roles by e-mail, and deciding on offers. Sending one needs the right to grant every role offered, as a
 * direct grant would; accepting, on the API or the login page alike, checks the sender's right again (it may have
 * been revoked since), decides the invitation once (a concurrent decision loses), and grants the roles within their
 * limits of holders.
 */
final class InvitationUseCases {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    private static final Duration MAX_LIFETIME = Duration.ofDays(30);
    private static final int MAX_ROLES = 20;

    private final RealmTenancy tenancy;
    private final InvitationLimits limits;

    InvitationUseCases(RealmTenancy tenancy, InvitationLimits limits) {
        this.tenancy = tenancy;
        this.limits = limits;
    }

    Saved<InvitationRepresentation> invite(Actor actor, String scopeId, String email, List<String> requestedRoles,
            Long expiresIn) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.scopeToChange(policy, actor, scopeId, null);
        if (email == null || email.length() > 320 || !EMAIL.matcher(email.strip()).matches()) {
            throw TenancyException.invalid("email", "email must be an e-mail address");
        }
        if (requestedRoles == null || requestedRoles.isEmpty() || requestedRoles.size() > MAX_ROLES) {
            throw TenancyException.invalid("roles", "roles must list 1 to " + MAX_ROLES + " roles");
        }
        Duration lifetime = expiresIn == null ? DEFAULT_LIFETIME : Duration.ofSeconds(expiresIn);
        if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw TenancyException.invalid("expiresIn", "expiresIn must be between 60 and "
                    + MAX_LIFETIME.toSeconds() + " seconds");
        }
        List<String> roles = List.copyOf(new LinkedHashSet<>(requestedRoles));
        String invitee = inviteeId(email);
        RealmTenancy.require(policy.mayGrantAll(actor.principal(), invitee, scope.id(), roles, tenancy.tree()),
                "roles");
        long expiresAt = System.currentTimeMillis() + lifetime.toMillis();
        String sender = actor.userId();
        Optional<Invitation> open = tenancy.store.openInvitation(scope.id(), email);
        limits.refusal(tenancy.store.countOpenInvitationsFrom(sender), tenancy.store.countOpenInvitationsTo(email),
                        open.isPresent(), open.map(Invitation::inviterId).filter(sender::equals).isPresent())
                .ifPresent(why -> {
                    throw TenancyException.conflict("email", why);
                });
        if (open.isPresent()) {
            // the address sees one invitation per scope, however often it is sent: the newest offer replaces it
            Invitation renewed = tenancy.store.renew(open.get().id(), roles, sender, expiresAt);
            InvitationRepresentation representation = InvitationRepresentation.of(renewed, tenancy.tree());
            tenancy.audit(actor, OperationType.UPDATE, representation, "tenancy", "scopes", scope.id(),
                    "invitations", renewed.id());
            return new Saved<>(representation, renewed.id(), false);
        }
        Invitation invitation = tenancy.store.invite(scope.id(), email, roles, sender, expiresAt);
        InvitationRepresentation created = InvitationRepresentation.of(invitation, tenancy.tree());
        tenancy.audit(actor, OperationType.CREATE, created, "tenancy", "scopes", scope.id(), "invitations",
                invitation.id());
        return new Saved<>(created, invitation.id(), true);
    }

    List<InvitationRepresentation> list(Actor actor, String scopeId, int first, int max) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.visibleScope(policy, actor, scopeId, null);
        boolean all = policy.mayListMembers(actor.principal(), scope.id(), tenancy.tree()).allowed();
        List<Invitation> page = all ? tenancy.store.invitations(scope.id(), first, max)
                : tenancy.store.invitationsSentBy(scope.id(), actor.userId(), first, max);
        return page.stream().map(invitation -> InvitationRepresentation.of(invitation, tenancy.tree())).toList();
    }

    void withdraw(Actor actor, String scopeId, String invitationId) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.scopeToChange(policy, actor, scopeId, null);
        Invitation invitation = tenancy.store.invitation(invitationId)
                .filter(found -> found.scopeId().equals(scope.id()))
                .orElseThrow(() -> TenancyException.notFound("No invitation " + invitationId + " at " + scope.id()));
        RealmTenancy.require(policy.mayWithdrawInvitation(actor.principal(), scope.id(), invitation.inviterId(),
                tenancy.tree()));
        if (!tenancy.store.decide(invitationId, Invitation.REVOKED, actor.userId())) {
            throw TenancyException.conflict("Invitation " + invitationId + " was already " + invitation.status()
                    .toLowerCase(Locale.ROOT), List.of());
        }
        tenancy.audit(actor, OperationType.DELETE, InvitationRepresentation.of(invitation, tenancy.tree()),
                "tenancy", "scopes", scope.id(), "invitations", invitationId);
    }

    /** Open invitations to the actor's verified address; none without one, or without a schema. */
    List<Invitation> open(Actor actor) {
        String email = verifiedEmail(actor);
        if (email == null || tenancy.policyIfAny().isEmpty()) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        return tenancy.store.openInvitations(email).stream().filter(invitation -> invitation.isOpen(now)).toList();
    }

    List<InvitationRepresentation> mine(Actor actor) {
        TreeSlice tree = tenancy.tree();
        return open(actor).stream().map(invitation -> InvitationRepresentation.of(invitation, tree)).toList();
    }

    AccessRepresentation accept(Actor actor, String invitationId) {
        Invitation invitation = openInvitation(actor, invitationId);
        tenancy.lockPath(invitation.scopeId());
        Policy policy = tenancy.policy();
        TreeSlice tree = tenancy.tree();
        UserModel inviter = tenancy.session.users().getUserById(tenancy.realm, invitation.inviterId());
        if (inviter == null) {
            throw TenancyException.denied(new Decision(false, Decision.Reason.NOT_PERMITTED,
                    List.of("the user who sent the invitation no longer exists")), "roles");
        }
        Principal sender = new Principal(inviter.getId(), RealmAdministrators.includes(tenancy.realm, inviter));
        Decision decision = policy.mayGrantAll(sender, actor.userId(), invitation.scopeId(), invitation.roles(), tree);
        if (!decision.allowed()) {
            List<String> why = new ArrayList<>();
            boolean holds = decision.reason() == Decision.Reason.EXCLUSIVE_ROLE_HELD
                    || decision.reason() == Decision.Reason.TOO_MANY_SCOPES;
            why.add(holds ? "what the user holds now leaves no room for the invitation's roles:"
                    : "the invitation's sender may no longer grant this:");
            why.addAll(decision.explanation());
            throw TenancyException.denied(new Decision(false, decision.reason(), why), "roles");
        }
        if (!tenancy.store.decide(invitation.id(), Invitation.ACCEPTED, actor.userId())) {
            throw TenancyException.conflict("Invitation " + invitation.id() + " was decided meanwhile", List.of());
        }
        Scope scope = tree.scope(invitation.scopeId()).orElseThrow();
        for (String role : invitation.roles()) {
            tenancy.grant(policy, actor.userId(), scope, role);
        }
        audit(actor, invitation, "accept", tree);
        return AccessRepresentation.of(policy.access(actor.principal(), scope.id(), tenancy.tree(), false)
                .orElseThrow(), scope, tenancy.store);
    }

    void decline(Actor actor, String invitationId) {
        Invitation invitation = openInvitation(actor, invitationId);
        if (!tenancy.store.decide(invitationId, Invitation.DECLINED, actor.userId())) {
            throw TenancyException.conflict("Invitation " + invitationId + " was decided meanwhile", List.of());
        }
        audit(actor, invitation, "decline", tenancy.tree());
    }

    /** An open invitation to the actor's verified address; NOT_FOUND for every other one, so none is revealed. */
    private Invitation openInvitation(Actor actor, String invitationId) {
        String email = verifiedEmail(actor);
        return tenancy.store.invitation(invitationId)
                .filter(invitation -> email != null && invitation.email().equals(Invitation.normalizedEmail(email)))
                .filter(invitation -> invitation.isOpen(System.currentTimeMillis()))
                .orElseThrow(() -> TenancyException.notFound("No open invitation " + invitationId + " for you"));
    }

    /** On the API the event shows the invitation as the API does; on a login page, where it was decided. */
    private void audit(Actor actor, Invitation invitation, String decision, TreeSlice tree) {
        Object representation;
        if (actor.token() == null) {
            Map<String, Object> decided = new LinkedHashMap<>();
            decided.put("id", invitation.id());
            decided.put("scopeId", invitation.scopeId());
            decided.put("email", invitation.email());
            decided.put("roles", invitation.roles());
            decided.put("decidedOn", "login");
            representation = decided;
        } else {
            representation = InvitationRepresentation.of(invitation, tree);
        }
        tenancy.audit(actor, OperationType.ACTION, representation, "tenancy", "me", "invitations", invitation.id(),
                decision);
    }

    private static String verifiedEmail(Actor actor) {
        UserModel user = actor.user();
        return user.isEmailVerified() && user.getEmail() != null ? user.getEmail().strip() : null;
    }

    /** The invitee's user id when the address belongs to a user of the realm; a stand-in otherwise. */
    private String inviteeId(String email) {
        UserModel user = tenancy.session.users().getUserByEmail(tenancy.realm, email.strip());
        return user == null ? MemberUseCases.NEWCOMER + Invitation.normalizedEmail(email) : user.getId();
    }
}
