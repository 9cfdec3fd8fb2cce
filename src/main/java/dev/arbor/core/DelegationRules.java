package dev.arbor.core;

import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The schema's delegation rules applied to one actor and one role at one scope: which rule, if any, lets the actor
 * grant or revoke it. Shared by role changes ({@link Delegation}) and option changes ({@link OptionDelegation}).
 */
final class DelegationRules {

    /** A role at a scope, found in the slice and declared by the schema. */
    record Resolved(Scope scope, ScopeType type, Role role) {
    }

    /** A delegation answer and, when allowed, the rule that allowed it. */
    record Delegated(Decision decision, DelegationRule rule) {
    }

    private final TenancySchema schema;

    DelegationRules(TenancySchema schema) {
        this.schema = schema;
    }

    /** {@code roleName} at {@code scopeId}; null, with the reason added to {@code why}, when either is unknown. */
    Resolved resolve(String scopeId, String roleName, TreeSlice tree, List<String> why) {
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
    Delegated delegated(Principal actor, String targetUserId, Resolved resolved, boolean grant,
            TreeSlice tree, List<String> why) {
        Evaluation actorView = new Evaluation(schema, tree, actor.userId(), resolved.scope(), false, Trace.OFF);
        String verb = grant ? "grant" : "revoke";
        boolean exceeded = false;
        boolean considered = false;
        for (DelegationRule rule : schema.delegation()) {
            if (!rule.roles().contains(resolved.role().ref()) || !grant && !rule.revoke()) {
                continue;
            }
            considered = true;
            RoleRef holding = rule.by().stream().sorted(Comparator.comparing(RoleRef::toString))
                    .filter(actorView::principalHolds).findFirst().orElse(null);
            if (holding == null) {
                why.add(rule.label() + " lets " + sortedRefs(rule.by()) + " " + verb + " " + resolved.role().ref()
                        + "; user " + actor.userId() + " holds none of them at or above " + resolved.scope().label());
                continue;
            }
            if (!rule.when().holds(actorView)) {
                why.add(rule.label() + " applies only when " + rule.when().describe() + ", which is not the case");
                continue;
            }
            if (grant && rule.recipient() != Condition.ALWAYS && !rule.recipient().holds(
                    new Evaluation(schema, tree, targetUserId, resolved.scope(), false, Trace.OFF))) {
                why.add(rule.label() + " applies only to a recipient for whom " + rule.recipient().describe()
                        + " on the path of " + resolved.scope().label() + "; for user " + targetUserId
                        + " that is not the case");
                continue;
            }
            if (grant && actor.userId().equals(targetUserId) && !rule.self()) {
                why.add(rule.label() + " does not let users grant " + resolved.role().ref() + " to themselves");
                continue;
            }
            if (grant && !rule.beyondOwnPermissions()) {
                BitSet missing = resolved.role().unconditionalAtHolder();
                missing.andNot(actorView.authority());
                if (!missing.isEmpty()) {
                    exceeded = true;
                    why.add(rule.label() + " matches, but " + resolved.role().ref() + " gives what user "
                            + actor.userId() + " lacks at " + resolved.scope().label() + ": "
                            + schema.catalog().names(missing));
                    continue;
                }
            }
            why.add(rule.label() + ": user " + actor.userId() + " holds " + holding + ", so may " + verb + " "
                    + resolved.role().ref() + " at " + resolved.scope().label());
            return new Delegated(Decision.allow(why), rule);
        }
        if (!considered) {
            why.add("no delegation rule lets anyone " + verb + " " + resolved.role().ref());
        }
        return new Delegated(Decision.deny(exceeded ? Decision.Reason.EXCEEDS_OWN_PERMISSIONS
                : Decision.Reason.NOT_DELEGATED, why), null);
    }

    private static List<String> sortedRefs(Collection<RoleRef> refs) {
        return refs.stream().map(RoleRef::toString).sorted().toList();
    }
}
