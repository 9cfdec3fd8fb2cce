package dev.arbor.core;

import dev.arbor.core.DelegationRules.Resolved;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may set which optional permissions of a member: each option is judged by the delegation rules of a role
 * that carries it. Reached through {@link Policy}.
 */
final class OptionDelegation {

    private final TenancySchema schema;
    private final DelegationRules rules;

    OptionDelegation(TenancySchema schema, DelegationRules rules) {
        this.schema = schema;
        this.rules = rules;
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
                .map(role -> rules.resolve(scopeId, role, tree, new ArrayList<>()))
                .filter(Objects::nonNull)
                .toList();
        for (String option : sorted(options)) {
            if (carriers(held, option).isEmpty()) {
                why.add(option + " is not an optional permission of any role user " + targetUserId + " holds at "
                        + scope.get().label() + " (roles " + sorted(membership.get().roles()) + ")");
                return Decision.deny(Decision.Reason.OPTION_NOT_ALLOWED, why);
            }
        }
        Evaluation targetView = new Evaluation(schema, tree, targetUserId, scope.get(), false, Trace.OFF);
        for (String option : sorted(options)) {
            Constraint unmet = membership.get().options().contains(option) ? null
                    : targetView.unmetConstraint(schema.catalog().indexOf(option));
            if (unmet != null) {
                why.add(unmet.label() + " requires " + unmet.when().describe() + " for " + option + ", which user "
                        + targetUserId + " does not meet at " + scope.get().label() + ": the option would never"
                        + " count, so it is not given");
                return Decision.deny(Decision.Reason.OPTION_NOT_ALLOWED, why);
            }
        }
        if (actor.realmAdmin()) {
            why.add("user " + actor.userId() + " is a realm administrator, above every root scope");
            return Decision.allow(why);
        }
        boolean administers = held.stream().anyMatch(
                role -> rules.delegated(actor, targetUserId, role, true, tree, new ArrayList<>()).rule() != null);
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

    /**
     * The role's default options that {@code userId} would meet the constraints of once holding the role at the
     * scope; empty when they hold it already.
     */
    Set<String> defaultOptions(String userId, String scopeId, String roleName, TreeSlice tree) {
        Resolved resolved = rules.resolve(scopeId, roleName, tree, new ArrayList<>());
        if (resolved == null || resolved.role().defaults().isEmpty()) {
            return Set.of(); // asked once per role an import gives: read what the user holds only when it matters
        }
        Optional<Membership> membership = tree.membership(userId, scopeId);
        if (membership.map(held -> held.roles().contains(roleName)).orElse(false)) {
            return Set.of();
        }
        Set<String> roles = new TreeSet<>(membership.map(Membership::roles).orElse(Set.of()));
        roles.add(roleName);
        TreeSlice holding = new WithMembership(tree, new Membership(userId, scopeId, roles,
                membership.map(Membership::options).orElse(Set.of())));
        Evaluation evaluation = new Evaluation(schema, holding, userId, resolved.scope(), false, Trace.OFF);
        Set<String> defaults = new TreeSet<>();
        BitSet candidates = resolved.role().defaults();
        for (int index = candidates.nextSetBit(0); index >= 0; index = candidates.nextSetBit(index + 1)) {
            if (evaluation.unmetConstraint(index) == null) {
                defaults.add(schema.catalog().name(index));
            }
        }
        return defaults;
    }

    /** The roles among {@code held} for which {@code option} is optional. */
    private List<Resolved> carriers(List<Resolved> held, String option) {
        int index = schema.catalog().indexOf(option);
        return index < 0 ? List.of() : held.stream().filter(role -> role.role().optional().get(index)).toList();
    }

    /** Whether a rule for one of the roles that carry {@code option} lets the actor enable or disable it. */
    private Decision judgeOption(Principal actor, String targetUserId, String option, boolean enabling,
            List<Resolved> carriers, BitSet own, TreeSlice tree) {
        List<String> why = new ArrayList<>();
        String verb = enabling ? "enable " : "disable ";
        boolean lacksOption = false;
        for (Resolved carrier : carriers) {
            List<String> steps = new ArrayList<>();
            DelegationRule rule = rules.delegated(actor, targetUserId, carrier, enabling, tree, steps).rule();
            if (rule == null) {
                why.addAll(steps);
                continue;
            }
            if (enabling && !rule.beyondOwnPermissions() && !own.get(schema.catalog().indexOf(option))) {
                lacksOption = true;
                why.add("user " + actor.userId() + " does not have " + option + " at " + carrier.scope().label()
                        + " and so cannot give it (" + rule.label() + ")");
                continue;
            }
            why.add(rule.label() + " lets user " + actor.userId() + " " + verb + option + ", an option of "
                    + carrier.role().ref() + ", for user " + targetUserId);
            return Decision.allow(why);
        }
        if (lacksOption) {
            return Decision.deny(Decision.Reason.EXCEEDS_OWN_PERMISSIONS, why);
        }
        why.add("user " + actor.userId() + " may not " + verb + option + ": it is an option of "
                + carriers.stream().map(carrier -> carrier.role().ref().toString()).sorted().toList()
                + " only, which the user may not " + (enabling ? "grant" : "revoke") + " there");
        return Decision.deny(Decision.Reason.NOT_DELEGATED, why);
    }

    private static List<String> sorted(Collection<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }
}
