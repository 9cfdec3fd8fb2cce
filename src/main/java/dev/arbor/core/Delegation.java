package dev.arbor.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may grant and revoke which roles, and set which optional permissions: the schema's delegation rules,
 * cardinality, self-grants, giving beyond one's own permissions, and cascades. Reached through {@link Policy}.
 */
final class Delegation {

    private final TenancySchema schema;

    Delegation(TenancySchema schema) {
        this.schema = schema;
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
        Resolved resolved = resolve(scopeId, role, tree, why);
        if (resolved == null) {
            return Decision.deny(Decision.Reason.UNKNOWN, why);
        }
        if (actor.realmAdmin()) {
            why.add("user " + actor.userId() + " is a realm administrator, above every root scope");
        } else {
            Decision delegated = delegated(actor, targetUserId, resolved, true, tree, why).decision();
            if (!delegated.allowed()) {
                return delegated;
            }
        }
        Set<String> holders = tree.holders(scopeId, role);
        if (holders.contains(targetUserId)) {
            why.add("user " + targetUserId + " already holds " + resolved.role.ref() + " there");
            return Decision.allow(why);
        }
        if (holders.size() >= resolved.role.maxHolders()) {
            if (!transfer) {
                why.add(resolved.role.ref() + " allows " + resolved.role.maxHolders() + " holder(s) per scope and "
                        + resolved.scope.label() + " has " + holders + "; ask for a transfer to replace them");
                return Decision.deny(Decision.Reason.TOO_MANY_HOLDERS, why);
            }
            for (String holder : holders) {
                Revocation revocation = mayRevoke(actor, holder, scopeId, role, true, tree);
                if (!revocation.allowed()) {
                    why.add("the transfer would take " + resolved.role.ref() + " from user " + holder
                            + ", which the actor may not:");
                    why.addAll(revocation.decision().explanation());
                    return Decision.deny(revocation.decision().reason(), why);
                }
            }
            why.add("transfer: " + resolved.role.ref() + " moves from " + holders + " to user " + targetUserId);
        }
        return Decision.allow(why);
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
        Resolved resolved = resolve(scopeId, role, tree, why);
        if (resolved == null) {
            return new Revocation(Decision.deny(Decision.Reason.UNKNOWN, why), List.of());
        }
        Set<String> holders = tree.holders(scopeId, role);
        if (!holders.contains(targetUserId)) {
            why.add("user " + targetUserId + " does not hold " + resolved.role.ref() + " at "
                    + resolved.scope.label());
            return new Revocation(Decision.deny(Decision.Reason.UNKNOWN, why), List.of());
        }
        if (actor.realmAdmin()) {
            why.add("user " + actor.userId() + " is a realm administrator, above every root scope");
        } else if (actor.userId().equals(targetUserId)) {
            why.add("users may give up their own roles");
        } else {
            Decision delegated = delegated(actor, targetUserId, resolved, false, tree, why).decision();
            if (!delegated.allowed()) {
                return new Revocation(delegated, List.of());
            }
        }
        if (!transfer && holders.size() - 1 < resolved.role.minHolders()) {
            why.add(resolved.role.ref() + " needs at least " + resolved.role.minHolders() + " holder(s) per scope; "
                    + "transfer it instead");
            return new Revocation(Decision.deny(Decision.Reason.TOO_FEW_HOLDERS, why), List.of());
        }
        boolean resigning = actor.userId().equals(targetUserId);
        List<Membership> cascade = transfer ? List.of() : cascade(resolved, targetUserId, resigning, tree, why);
        return new Revocation(Decision.allow(why), cascade);
    }

    /**
     * May {@code actor} set {@code targetUserId}'s optional permissions at {@code scopeId} to {@code options}?
     * Each must be optional for a role the target holds there, and the actor must administer the member: a rule
     * lets them grant one of its roles. Each option that changes is then judged by the rule for a role that
     * carries it, so that managing the holders of one role gives no say over another role's options: enabling
     * needs a rule to grant that role, and the option itself unless the rule allows giving beyond one's own
     * permissions; disabling needs a rule to revoke that role.
     */
    Decision maySetOptions(Principal actor, String targetUserId, String scopeId, Set<String> options,
            TreeSlice tree) {
        List<String> why = new ArrayList<>();
        Optional<Scope> scope = tree.scope(scopeId);
        Optional<Membership> membership = tree.membership(targetUserId, scopeId);
        if (scope.isEmpty() || membership.isEmpty()) {
            why.add(scope.isEmpty() ? "no scope " + scopeId : "user " + targetUserId + " is not a member there");
            return Decision.deny(Decision.Reason.UNKNOWN, why);
        }
        List<Resolved> held = membership.get().roles().stream().sorted()
                .map(role -> resolve(scopeId, role, tree, new ArrayList<>()))
                .filter(Objects::nonNull)
                .toList();
        for (String option : sorted(options)) {
            if (carriers(held, option).isEmpty()) {
                why.add(option + " is not an optional permission of any role user " + targetUserId + " holds at "
                        + scope.get().label() + " (roles " + sorted(membership.get().roles()) + ")");
                return Decision.deny(Decision.Reason.OPTION_NOT_ALLOWED, why);
            }
        }
        if (actor.realmAdmin()) {
            why.add("user " + actor.userId() + " is a realm administrator, above every root scope");
            return Decision.allow(why);
        }
        boolean administers = held.stream()
                .anyMatch(role -> delegated(actor, targetUserId, role, true, tree, new ArrayList<>()).rule() != null);
        if (!administers) {
            why.add("user " + actor.userId() + " may not grant any role user " + targetUserId + " holds at "
                    + scope.get().label());
            return Decision.deny(Decision.Reason.NOT_DELEGATED, why);
        }
        Set<String> changed = new TreeSet<>(options);
        changed.addAll(membership.get().options());
        changed.removeIf(option -> options.contains(option) && membership.get().options().contains(option));
        BitSet own = new Evaluation(schema, tree, actor.userId(), scope.get(), false, Trace.OFF).authority();
        for (String option : changed) {
            boolean enabling = options.contains(option);
            List<Resolved> carriers = carriers(held, option);
            if (carriers.isEmpty()) {
                why.add(option + " is no longer optional for any role user " + targetUserId + " holds; whoever"
                        + " administers the member may clear it");
                continue;
            }
            Decision judged = judgeOption(actor, targetUserId, option, enabling, carriers, own, tree);
            why.addAll(judged.explanation());
            if (!judged.allowed()) {
                return Decision.deny(judged.reason(), why);
            }
        }
        if (changed.isEmpty()) {
            why.add("user " + actor.userId() + " administers user " + targetUserId + " at " + scope.get().label()
                    + ", and no option changes");
        }
        return Decision.allow(why);
    }

    /** The roles among {@code held} for which {@code option} is optional. */
    private List<Resolved> carriers(List<Resolved> held, String option) {
        int index = schema.catalog().indexOf(option);
        return index < 0 ? List.of() : held.stream().filter(role -> role.role.optional().get(index)).toList();
    }

    /** Whether a rule for one of the roles that carry {@code option} lets the actor enable or disable it. */
    private Decision judgeOption(Principal actor, String targetUserId, String option, boolean enabling,
            List<Resolved> carriers, BitSet own, TreeSlice tree) {
        List<String> why = new ArrayList<>();
        String verb = enabling ? "enable " : "disable ";
        boolean lacksOption = false;
        for (Resolved carrier : carriers) {
            List<String> steps = new ArrayList<>();
            DelegationRule rule = delegated(actor, targetUserId, carrier, enabling, tree, steps).rule();
            if (rule == null) {
                why.addAll(steps);
                continue;
            }
            if (enabling && !rule.beyondOwnPermissions() && !own.get(schema.catalog().indexOf(option))) {
                lacksOption = true;
                why.add("user " + actor.userId() + " does not have " + option + " at " + carrier.scope.label()
                        + " and so cannot give it (" + rule.label() + ")");
                continue;
            }
            why.add(rule.label() + " lets user " + actor.userId() + " " + verb + option + ", an option of "
                    + carrier.role.ref() + ", for user " + targetUserId);
            return Decision.allow(why);
        }
        if (lacksOption) {
            return Decision.deny(Decision.Reason.EXCEEDS_OWN_PERMISSIONS, why);
        }
        why.add("user " + actor.userId() + " may not " + verb + option + ": it is an option of "
                + carriers.stream().map(carrier -> carrier.role.ref().toString()).sorted().toList()
                + " only, which the user may not " + (enabling ? "grant" : "revoke") + " there");
        return Decision.deny(Decision.Reason.NOT_DELEGATED, why);
    }

    private record Resolved(Scope scope, ScopeType type, Role role) {
    }

    private Resolved resolve(String scopeId, String roleName, TreeSlice tree, List<String> why) {
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            why.add("no scope " + scopeId);
            return null;
        }
        ScopeType type = schema.type(scope.get().type());
        Role role = type == null ? null : type.roles().get(roleName);
        if (role == null) {
            why.add("scope type " + scope.get().type() + " has no role " + roleName
                    + (type == null ? "" : "; its roles are " + type.roles().keySet()));
            return null;
        }
        return new Resolved(scope.get(), type, role);
    }

    /**
     * Whether a delegation rule lets {@code actor} grant (or revoke) the role: the actor holds one of the rule's
     * roles at or above the scope (vacancy counts), its condition holds, it is not a self-grant the rule forbids,
     * and, unless the rule allows it, the role gives nothing the actor lacks there.
     */
    /** A delegation answer and, when allowed, the rule that allowed it. */
    private record Delegated(Decision decision, DelegationRule rule) {
    }

    private Delegated delegated(Principal actor, String targetUserId, Resolved resolved, boolean grant,
            TreeSlice tree, List<String> why) {
        Evaluation actorView = new Evaluation(schema, tree, actor.userId(), resolved.scope, false, Trace.OFF);
        String verb = grant ? "grant" : "revoke";
        boolean exceeded = false;
        boolean considered = false;
        for (DelegationRule rule : schema.delegation()) {
            if (!rule.roles().contains(resolved.role.ref()) || !grant && !rule.revoke()) {
                continue;
            }
            considered = true;
            RoleRef holding = rule.by().stream().sorted(Comparator.comparing(RoleRef::toString))
                    .filter(actorView::principalHolds).findFirst().orElse(null);
            if (holding == null) {
                why.add(rule.label() + " lets " + sortedRefs(rule.by()) + " " + verb + " " + resolved.role.ref()
                        + "; user " + actor.userId() + " holds none of them at or above " + resolved.scope.label());
                continue;
            }
            if (!rule.when().holds(actorView)) {
                why.add(rule.label() + " applies only when " + rule.when().describe() + ", which is not the case");
                continue;
            }
            if (grant && actor.userId().equals(targetUserId) && !rule.self()) {
                why.add(rule.label() + " does not let users grant " + resolved.role.ref() + " to themselves");
                continue;
            }
            if (grant && !rule.beyondOwnPermissions()) {
                BitSet missing = resolved.role.unconditionalAtHolder();
                missing.andNot(actorView.authority());
                if (!missing.isEmpty()) {
                    exceeded = true;
                    why.add(rule.label() + " matches, but " + resolved.role.ref() + " gives what user "
                            + actor.userId() + " lacks at " + resolved.scope.label() + ": "
                            + schema.catalog().names(missing));
                    continue;
                }
            }
            why.add(rule.label() + ": user " + actor.userId() + " holds " + holding + ", so may " + verb + " "
                    + resolved.role.ref() + " at " + resolved.scope.label());
            return new Delegated(Decision.allow(why), rule);
        }
        if (!considered) {
            why.add("no delegation rule lets anyone " + verb + " " + resolved.role.ref());
        }
        return new Delegated(Decision.deny(exceeded ? Decision.Reason.EXCEEDS_OWN_PERMISSIONS
                : Decision.Reason.NOT_DELEGATED, why), null);
    }

    /**
     * The memberships a take-back removes. Giving up one's own role is no take-back: the seed ties the removal to
     * the account side taking the workspace back, and a resigning owner must not wipe the users they leave behind.
     */
    private List<Membership> cascade(Resolved resolved, String targetUserId, boolean resigning, TreeSlice tree,
            List<String> why) {
        List<Membership> removed = new ArrayList<>();
        for (Cascade cascade : schema.cascades()) {
            if (!cascade.onRevoke().equals(resolved.role.ref())) {
                continue;
            }
            if (resigning) {
                why.add("user " + targetUserId + " gives up " + resolved.role.ref() + " themselves: the schema's"
                        + " cascade applies only when someone else takes the role back, so the other members at "
                        + resolved.scope.label() + " keep their roles");
                break;
            }
            for (Membership member : tree.members(resolved.scope.id())) {
                if (!member.userId().equals(targetUserId)) {
                    removed.add(member);
                }
            }
            if (cascade.subtree()) {
                removed.addAll(tree.membersBelow(resolved.scope.id()));
            }
            why.add("taking " + resolved.role.ref() + " back from user " + targetUserId + " removes " + removed.size()
                    + " membership(s) configured "
                    + (cascade.subtree() ? "at and below " : "at ") + resolved.scope.label());
            break;
        }
        return removed;
    }

    private static List<String> sorted(Collection<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }

    private static List<String> sortedRefs(Collection<RoleRef> refs) {
        return refs.stream().map(RoleRef::toString).sorted().toList();
    }
}
