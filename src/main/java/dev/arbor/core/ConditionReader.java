package dev.arbor.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads conditions ({@code when}), checking every role and attribute they name against the declarations. */
final class ConditionReader {

    private final Declarations declarations;

    ConditionReader(Declarations declarations) {
        this.declarations = declarations;
    }


    Condition read(Node node) {
        if (node.isMissing()) {
            return Condition.ALWAYS;
        }
        Map<String, Node> entries = node.entries(Set.of("attribute", "equals", "vacant", "occupied", "holds",
                "heldElsewhere", "resourceOwner", "all", "any", "not"));
        Set<String> forms = new LinkedHashSet<>(entries.keySet());
        forms.remove("equals");
        if (forms.size() != 1) {
            node.problem("a condition has exactly one of attribute (with equals), vacant, occupied, holds, "
                    + "heldElsewhere, resourceOwner, all, any, not");
            return Condition.ALWAYS;
        }
        String form = forms.iterator().next();
        if (!form.equals("attribute") && entries.containsKey("equals")) {
            node.get("equals").problem("belongs to an attribute condition only");
        }
        return switch (form) {
            case "attribute" -> attributeCondition(node);
            case "vacant" -> occupancy(node.get("vacant"), false);
            case "occupied" -> occupancy(node.get("occupied"), true);
            case "holds" -> new Condition.Holds(roles(node.get("holds")));
            case "heldElsewhere" -> new Condition.HeldElsewhere(roles(node.get("heldElsewhere")));
            case "resourceOwner" -> {
                if (!node.get("resourceOwner").bool(false)) {
                    node.get("resourceOwner").problem("must be true (use not: {resourceOwner: true} for others)");
                }
                yield new Condition.ResourceOwner();
            }
            case "all" -> new Condition.All(conditions(node.get("all")));
            case "any" -> new Condition.Any(conditions(node.get("any")));
            default -> new Condition.Not(read(node.get("not")));
        };
    }

    private List<RoleRef> roles(Node list) {
        List<RoleRef> roles = new ArrayList<>();
        for (Node ref : list.stringItems()) {
            RoleRef role = declarations.role(ref);
            if (role != null) {
                roles.add(role);
            }
        }
        return List.copyOf(roles);
    }

    private List<Condition> conditions(Node list) {
        List<Condition> conditions = new ArrayList<>();
        List<Node> items = list.items();
        if (items.isEmpty()) {
            list.problem("must list at least one condition");
        }
        for (Node item : items) {
            conditions.add(read(item));
        }
        return List.copyOf(conditions);
    }

    private Condition occupancy(Node node, boolean occupied) {
        RoleRef ref = declarations.role(node);
        return ref == null ? Condition.ALWAYS : new Condition.Occupancy(ref, occupied);
    }

    private Condition attributeCondition(Node node) {
        Node attributeNode = node.get("attribute");
        String text = attributeNode.string();
        Node equalsNode = node.get("equals");
        Object expected = equalsNode.isMissing() ? null : equalsNode.scalar();
        if (equalsNode.isMissing()) {
            equalsNode.problem("is required");
        }
        if (text == null) {
            return Condition.ALWAYS;
        }
        int dot = text.indexOf('.');
        String type = dot > 0 ? text.substring(0, dot) : null;
        String attribute = dot > 0 ? text.substring(dot + 1) : null;
        Map<String, String> kinds = type == null ? null : declarations.attributeKindsOrNull(type);
        if (kinds == null || !kinds.containsKey(attribute)) {
            attributeNode.problem("'" + text + "' must name an attribute declared as scopeTypes.<type>.attributes");
            return Condition.ALWAYS;
        }
        String kind = kinds.get(attribute);
        boolean fits = expected == null || kind == null
                || (kind.equals("boolean") && expected instanceof Boolean)
                || (kind.equals("number") && expected instanceof Number)
                || (kind.equals("string") && expected instanceof String);
        if (!fits) {
            equalsNode.problem("must be a " + kind + ", as " + text + " is declared");
        }
        return expected == null ? Condition.ALWAYS : new Condition.AttributeEquals(type, attribute, expected);
    }
}
