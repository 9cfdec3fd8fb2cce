package dev.arbor.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the rules that span scope types: constraints, delegation and cascades. */
final class RuleReader {

    private final Declarations declarations;
    private final PermissionReader permissions;
    private final ConditionReader conditions;

    RuleReader(Declarations declarations, PermissionReader permissions, ConditionReader conditions) {
        this.declarations = declarations;
        this.permissions = permissions;
        this.conditions = conditions;
    }


    List<Constraint> constraints(Node list) {
        List<Constraint> constraints = new ArrayList<>();
        for (Node node : list.items()) {
            node.entries(Set.of("description", "permissions", "when"));
            if (node.get("when").isMissing()) {
                node.get("when").problem("is required");
            }
            if (node.get("permissions").isMissing()) {
                node.get("permissions").problem("is required");
            }
            constraints.add(new Constraint(constraints.size() + 1, permissions.patterns(node.get("permissions")),
                    conditions.read(node.get("when")), node.get("description").optionalString()));
        }
        return List.copyOf(constraints);
    }

    List<DelegationRule> delegation(Node list) {
        List<DelegationRule> rules = new ArrayList<>();
        for (Node node : list.items()) {
            node.entries(Set.of("description", "grant", "by", "when", "recipient", "revoke", "self",
                    "beyondOwnPermissions"));
            Set<RoleRef> granted = new LinkedHashSet<>();
            for (Node ref : node.get("grant").stringItems()) {
                granted.addAll(declarations.roleOrAllOfType(ref));
            }
            Set<RoleRef> by = new LinkedHashSet<>();
            for (Node ref : node.get("by").stringItems()) {
                RoleRef actor = declarations.role(ref);
                if (actor == null) {
                    continue;
                }
                if (declarations.givesNoAccess(actor)) {
                    ref.problem(actor + " gives no access (access: none), so its holders can never grant anything");
                }
                for (RoleRef role : granted) {
                    if (!actor.type().equals(role.type()) && !declarations.canBeAbove(actor.type(), role.type())) {
                        ref.problem(actor + " is never held at or above a " + role.type()
                                + ", so it can never grant " + role);
                    }
                }
                by.add(actor);
            }
            for (String required : List.of("grant", "by")) {
                if (node.get(required).isMissing()) {
                    node.get(required).problem("is required");
                }
            }
            Condition recipient = conditions.read(node.get("recipient"));
            if (asksForAResource(recipient)) {
                node.get("recipient").problem("a condition on the recipient cannot ask who owns a resource: a grant"
                        + " acts on no resource");
            }
            rules.add(new DelegationRule(rules.size() + 1, Set.copyOf(granted), Set.copyOf(by),
                    conditions.read(node.get("when")), recipient, node.get("revoke").bool(true),
                    node.get("self").bool(false),
                    node.get("beyondOwnPermissions").bool(false), node.get("description").optionalString()));
        }
        return List.copyOf(rules);
    }

    private static boolean asksForAResource(Condition condition) {
        if (condition instanceof Condition.ResourceOwner) {
            return true;
        }
        if (condition instanceof Condition.All all) {
            return all.conditions().stream().anyMatch(RuleReader::asksForAResource);
        }
        if (condition instanceof Condition.Any any) {
            return any.conditions().stream().anyMatch(RuleReader::asksForAResource);
        }
        return condition instanceof Condition.Not not && asksForAResource(not.condition());
    }

    List<Cascade> cascades(Node list) {
        List<Cascade> cascades = new ArrayList<>();
        for (Node node : list.items()) {
            node.entries(Set.of("description", "onRevoke", "remove"));
            RoleRef role = declarations.role(node.get("onRevoke"));
            String remove = node.get("remove").string();
            if (remove != null && !remove.equals("members") && !remove.equals("subtree-members")) {
                node.get("remove").problem("must be members or subtree-members");
            }
            if (role != null && remove != null) {
                cascades.add(new Cascade(role, remove.equals("subtree-members"),
                        node.get("description").optionalString()));
            }
        }
        return List.copyOf(cascades);
    }
}
