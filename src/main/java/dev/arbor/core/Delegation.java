package dev.arbor.core;

import dev.arbor.core.DelegationRules.Resolved;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may grant and revoke which roles: the schema's delegation rules, holder limits, self-grants, giving beyond
 * one's own permissions, transfers and cascades. Reached through {@link Policy}; options are
 * {@link OptionDelegation}'s.
 */
final class Delegation {

    private final TenancySchema schema;
    private final DelegationRules rules;

    Delegation(TenancySchema schema, DelegationRules rules) {
        this.schema = schema;
        this.rules = rules;
    }

    /**
     * May {@code actor} give {@code role} at {@code scopeId} to {@code targetUserId}? Used for direct grants, and
     * for invitations both when they are sent and when they are accepted.
     *
     * @param transfer whether the actor asks to take the role from its current holder if it is full
     */
    Decision mayGrant(Principal actor, String targetUserId, String scopeId, String role, boolean transfer,
            TreeSlice tree) {
        List<String> why = new ArrayList<>();
        Resolved resolved = rules.resolve(scopeId, role, tree, why);
        if (resolved == null) {
            return Decision.deny(Decision.Reason.UNKNOWN, why);
        }
        if (actor.realmAdmin()) {
            why.add("user " + actor.userId() + " is a realm administrator, above every root scope");
        } else {
            Decision delegated = rules.delegated(actor, targetUserId, resolved, true, tree, why).decision();
            if (!delegated.allowed()) {
                return delegated;
            }
        }
        Set<String> holders = tree.holders(scopeId, role);
        if (holders.contains(targetUserId)) {
            why.add("user " + targetUserId + " already holds " + resolved.role().ref() + " there");
            return Decision.allow(why);
        }
        Set<String> heldThere = tree.membership(targetUserId, scopeId).map(Membership::roles).orElse(Set.of());
        Decision refused = Holdings.refusal(schema, resolved.scope(), targetUserId, heldThere, role, tree, why);
        if (refused != null) {
            return refused;
        }
        HolderLimit limit = resolved.role().holderLimit();
        if (!limit.allows(holders.size() + 1)) {
            if (!transfer) {
                why.add(resolved.role().ref() + " allows " + limit.max() + " holder(s) per scope and "
                        + resolved.scope().label() + " has " + holders + "; ask for a transfer to replace them");
                return Decision.deny(Decision.Reason.TOO_MANY_HOLDERS, why);
            }
            for (String holder : holders) {
                Revocation revocation = mayRevoke(actor, holder, scopeId, role, true, tree);
                if (!revocation.allowed()) {
                    why.add("the transfer would take " + resolved.role().ref() + " from user " + holder
                            + ", which the actor may not:");
                    why.addAll(revocation.decision().explanation());
                    return Decision.deny(revocation.decision().reason(), why);
                }
            }
            why.add("transfer: " + resolved.role().ref() + " moves from " + holders + " to user " + targetUserId);
        }
        return Decision.allow(why);
    }

    /**
     * May {@code actor} give all of {@code roles} at {@code scopeId} to {@code targetUserId} at once (an invitation)?
     * Each is judged as {@link #mayGrant} judges it, in order, as if the ones before were held already: two roles
     * of one exclusive group are refused together, as they would be one after the other.
     */
    Decision mayGrantAll(Principal actor, String targetUserId, String scopeId, List<String> roles, TreeSlice tree) {
        List<String> why = new ArrayList<>();
        TreeSlice view = tree;
        for (String role : roles) {
            Decision decision = mayGrant(actor, targetUserId, scopeId, role, false, view);
            if (!decision.allowed()) {
                return decision;
            }
            why.addAll(decision.explanation());
            Optional<Membership> held = view.membership(targetUserId, scopeId);
            Set<String> together = new LinkedHashSet<>(held.map(Membership::roles).orElse(Set.of()));
            together.add(role);
            view = new WithMembership(view, new Membership(targetUserId, scopeId, together,
                    held.map(Membership::options).orElse(Set.of())));
        }
        return Decision.allow(why);
    }

    /**
     * May {@code actor} give {@code role} to {@code targetUserId} at {@code scopeId} in place of the role of its
     * exclusive group the user holds there (a change of level in one request, the user never without a role)? The
     * actor needs the right to give both roles: taking away a role one could have given is a change, not a
     * removal, so a rule's {@code revoke: false} does not stop it. The replaced role's minimum of holders holds and
     * nothing cascades. With no such role held, this is {@link #mayGrant}.
     */
    Decision mayReplace(Principal actor, String targetUserId, String scopeId, String role, TreeSlice tree) {
        Optional<String> replaced = exclusivePeerHeld(targetUserId, scopeId, role, tree);
        if (replaced.isEmpty()) {
            return mayGrant(actor, targetUserId, scopeId, role, false, tree);
        }
        List<String> why = new ArrayList<>();
        Resolved peer = rules.resolve(scopeId, replaced.get(), tree, why);
        why.add("replacing " + peer.role().ref() + " of user " + targetUserId + " by " + role
                + ", of the same exclusive group");
        if (!actor.realmAdmin()) {
            Decision delegated = rules.delegated(actor, targetUserId, peer, true, tree, why).decision();
            if (!delegated.allowed()) {
                why.add("replacing a role needs the right to give it");
                return Decision.deny(delegated.reason(), why);
            }
        }
        if (tree.holders(scopeId, replaced.get()).size() - 1 < peer.role().minHolders()) {
            why.add(peer.role().ref() + " needs at least " + peer.role().minHolders() + " holder(s) per scope");
            return Decision.deny(Decision.Reason.TOO_FEW_HOLDERS, why);
        }
        Membership held = tree.membership(targetUserId, scopeId).orElseThrow();
        Set<String> remaining = new LinkedHashSet<>(held.roles());
        remaining.remove(replaced.get());
        TreeSlice without = new WithMembership(tree, new Membership(targetUserId, scopeId, remaining, held.options()));
        Decision grant = mayGrant(actor, targetUserId, scopeId, role, false, without);
        why.addAll(grant.explanation());
        return new Decision(grant.allowed(), grant.reason(), why);
    }

    /** The role of {@code role}'s exclusive group that {@code userId} holds at {@code scopeId}, other than it. */
    Optional<String> exclusivePeerHeld(String userId, String scopeId, String role, TreeSlice tree) {
        Optional<Scope> scope = tree.scope(scopeId);
        ScopeType type = scope.map(found -> schema.type(found.type())).orElse(null);
        String group = type == null ? null : type.holding().groupOf(role);
        if (group == null) {
            return Optional.empty();
        }
        return tree.membership(userId, scopeId).stream().flatMap(held -> held.roles().stream())
                .filter(held -> !held.equals(role) && group.equals(type.holding().groupOf(held))).findFirst();
    }

    /**
     * May {@code actor} take {@code role} at {@code scopeId} from {@code targetUserId}, and what goes with it?
     * Users may always give up their own roles, within the role's minimum. The schema's cascades apply only to a
     * take-back, a role taken from its holder by someone else: whoever gives up their own role leaves the others
     * configured under the scope in place.
     *
     * @param transfer part of a transfer: the minimum is kept by the new holder and nothing cascades
     */
    Revocation mayRevoke(Principal actor, String targetUserId, String scopeId, String role, boolean transfer,
            TreeSlice tree) {
        List<String> why = new ArrayList<>();
        Resolved resolved = rules.resolve(scopeId, role, tree, why);
        if (resolved == null) {
            return new Revocation(Decision.deny(Decision.Reason.UNKNOWN, why), List.of());
        }
        Set<String> holders = tree.holders(scopeId, role);
        if (!holders.contains(targetUserId)) {
            why.add("user " + targetUserId + " does not hold " + resolved.role().ref() + " at "
                    + resolved.scope().label());
            return new Revocation(Decision.deny(Decision.Reason.UNKNOWN, why), List.of());
        }
        if (actor.realmAdmin()) {
            why.add("user " + actor.userId() + " is a realm administrator, above every root scope");
        } else if (actor.userId().equals(targetUserId)) {
            why.add("users may give up their own roles");
        } else {
            Decision delegated = rules.delegated(actor, targetUserId, resolved, false, tree, why).decision();
            if (!delegated.allowed()) {
                return new Revocation(delegated, List.of());
            }
        }
        if (!transfer && holders.size() - 1 < resolved.role().minHolders()) {
            why.add(resolved.role().ref() + " needs at least " + resolved.role().minHolders() + " holder(s) per scope; "
                    + "transfer it instead");
            return new Revocation(Decision.deny(Decision.Reason.TOO_FEW_HOLDERS, why), List.of());
        }
        boolean resigning = actor.userId().equals(targetUserId);
        List<Membership> cascade = transfer ? List.of() : cascade(resolved, targetUserId, resigning, tree, why);
        return new Revocation(Decision.allow(why), cascade);
    }

    /**
     * The memberships a take-back removes. Giving up one's own role is no take-back: the seed ties the removal to
     * the account side taking the workspace back, and a resigning owner must not wipe the users they leave behind.
     */
    private List<Membership> cascade(Resolved resolved, String targetUserId, boolean resigning, TreeSlice tree,
            List<String> why) {
        List<Membership> removed = new ArrayList<>();
        for (Cascade cascade : schema.cascades()) {
            if (!cascade.onRevoke().equals(resolved.role().ref())) {
                continue;
            }
            if (resigning) {
                why.add("user " + targetUserId + " gives up " + resolved.role().ref() + " themselves: the schema's"
                        + " cascade applies only when someone else takes the role back, so the other members at "
                        + resolved.scope().label() + " keep their roles");
                break;
            }
            for (Membership member : tree.members(resolved.scope().id())) {
                if (!member.userId().equals(targetUserId)) {
                    removed.add(member);
                }
            }
            if (cascade.subtree()) {
                removed.addAll(tree.membersBelow(resolved.scope().id()));
            }
            why.add("taking " + resolved.role().ref() + " back from user " + targetUserId + " removes " + removed.size()
                    + " membership(s) configured "
                    + (cascade.subtree() ? "at and below " : "at ") + resolved.scope().label());
            break;
        }
        return removed;
    }
}
