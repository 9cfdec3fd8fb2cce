package dev.arbor.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a schema declares before anything refers to it: scope types, their nesting, role names and attribute
 * kinds; and the resolution of references to them ({@code type.role}), each reported at its place when wrong.
 */
final class Declarations {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Set<String> ATTRIBUTE_KINDS = Set.of("boolean", "string", "number");

    private final Map<String, Set<String>> roleNames = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> attributeKinds = new LinkedHashMap<>();
    private final Map<String, Set<String>> parents = new LinkedHashMap<>();
    /** Where each type's role definitions are written: its own {@code roles}, or another type's. */
    private final Map<String, Node> roleDefinitions = new LinkedHashMap<>();
    /** The type each type takes its roles from: itself, or the one its {@code rolesFrom} names. */
    private final Map<String, String> roleSources = new LinkedHashMap<>();

    private Declarations() {
    }

    Set<String> parents(String type) {
        return parents.getOrDefault(type, Set.of());
    }

    Map<String, String> attributeKinds(String type) {
        return attributeKinds.getOrDefault(type, Map.of());
    }

    /** The attribute kinds of {@code type}, or null when the type is unknown. */
    Map<String, String> attributeKindsOrNull(String type) {
        return attributeKinds.get(type);
    }

    Node roleDefinitions(String type) {
        return roleDefinitions.get(type);
    }

    /** Whether {@code role} is declared {@code access: none}: its holders neither see nor act in the scope. */
    boolean givesNoAccess(RoleRef role) {
        Node definitions = roleDefinitions.get(role.type());
        return definitions != null && "none".equals(definitions.get(role.role()).get("access").optionalStringQuietly());
    }

    /** The type whose role definitions {@code type} uses: itself, or the type its {@code rolesFrom} names. */
    String roleSource(String type) {
        return roleSources.get(type);
    }

    /** First pass: names of types, roles and attributes, so that later references may point anywhere. */
    static Declarations declare(Node typesNode, Map<String, Node> typeNodes) {
        Declarations declarations = new Declarations();
        declarations.declareTypes(typeNodes);
        declarations.checkNesting(typesNode);
        return declarations;
    }

    private void declareTypes(Map<String, Node> typeNodes) {
        typeNodes.forEach((type, node) -> {
            String source = roleSourceOf(type, node, typeNodes);
            roleSources.put(type, source);
            roleDefinitions.put(type, typeNodes.get(source).get("roles"));
        });
        typeNodes.forEach((type, node) -> {
            name(type, node);
            Map<String, Node> roleNodes = roleDefinitions.get(type).namedEntries();
            Set<String> roles = new LinkedHashSet<>(roleNodes.keySet());
            roleNodes.forEach((role, roleNode) -> {
                Node variantNode = roleNode.get("readOnlyVariant");
                String variant = variantNode.isMissing() ? null : variantNode.string();
                if (variant != null && !roles.add(variant)) {
                    variantNode.problem("role '" + variant + "' already exists in scope type " + type);
                }
            });
            roleNames.put(type, roles);
            Map<String, String> kinds = new LinkedHashMap<>();
            node.get("attributes").namedEntries().forEach((attribute, kind) -> {
                if (!ATTRIBUTE.matcher(attribute).matches()) {
                    kind.problem("attribute name '" + attribute + "' must start with a letter and hold only letters,"
                            + " digits, '_' and '-'");
                }
                String text = kind.string();
                if (text != null && !ATTRIBUTE_KINDS.contains(text)) {
                    kind.problem("must be one of " + ATTRIBUTE_KINDS);
                }
                kinds.put(attribute, text);
            });
            attributeKinds.put(type, kinds);
            Set<String> parentTypes = new LinkedHashSet<>();
            for (Node parent : node.get("parents").stringItems()) {
                String text = parent.string();
                if (text != null && !typeNodes.containsKey(text)) {
                    parent.problem("unknown scope type '" + text + "'");
                } else if (text != null) {
                    parentTypes.add(text);
                }
            }
            parents.put(type, parentTypes);
        });
    }

    /**
     * The type whose {@code roles} (and exclusive groups) {@code type} uses: its own, or with {@code rolesFrom:
     * other}, the other type's (same definitions, own holders).
     */
    private static String roleSourceOf(String type, Node node, Map<String, Node> typeNodes) {
        Node from = node.get("rolesFrom");
        if (from.isMissing()) {
            return type;
        }
        String source = from.string();
        Node sourceNode = source == null ? null : typeNodes.get(source);
        if (source != null && sourceNode == null) {
            from.problem("unknown scope type '" + source + "'");
        } else if (sourceNode != null && !sourceNode.get("rolesFrom").isMissing()) {
            from.problem("scope type " + source + " takes its roles from another type itself; name that one");
        } else if (!node.get("roles").isMissing()) {
            from.problem("a scope type has either roles or rolesFrom, not both");
        } else if (sourceNode != null) {
            return source;
        }
        return type;
    }

    /** Nesting must be a tree of types: roots exist, every type hangs from one, no cycle but a type under itself. */
    private void checkNesting(Node typesNode) {
        if (!parents.isEmpty() && parents.values().stream().noneMatch(Set::isEmpty)
                && typesNode.namedEntries().values().stream().noneMatch(type -> Boolean.TRUE.equals(
                        type.get("root").optionalBooleanQuietly()))) {
            typesNode.problem("no root type: at least one scope type must have no parents");
        }
        for (String type : parents.keySet()) {
            List<String> cycle = cycleThrough(type);
            if (cycle != null) {
                typesNode.get(type).get("parents").problem("nesting cycle " + String.join(" → ", cycle)
                        + "; only a type nested directly under itself may repeat");
            }
        }
    }

    /** A cycle of two or more distinct types that starts at {@code type}, or null. */
    private List<String> cycleThrough(String type) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.push(List.of(type));
        Set<String> expanded = new HashSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.pop();
            String last = path.get(path.size() - 1);
            if (!expanded.add(last)) {
                continue;
            }
            for (String parent : parents.getOrDefault(last, Set.of())) {
                if (parent.equals(last)) {
                    continue; // recursion of one type, e.g. sub-organization under sub-organization
                }
                List<String> longer = new ArrayList<>(path);
                longer.add(parent);
                if (parent.equals(type)) {
                    return longer;
                }
                paths.push(longer);
            }
        }
        return null;
    }

    /** Whether a scope of {@code ancestor} can sit strictly above a scope of {@code type}. */
    boolean canBeAbove(String ancestor, String type) {
        Deque<String> pending = new ArrayDeque<>(parents.getOrDefault(type, Set.of()));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (next.equals(ancestor)) {
                return true;
            }
            if (seen.add(next)) {
                pending.addAll(parents.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }



    RoleRef role(Node node) {
        String text = node.string();
        if (text == null) {
            return null;
        }
        RoleRef ref = RoleRef.parse(text);
        if (ref == null) {
            node.problem("'" + text + "' must name a role as scopeType.role");
            return null;
        }
        if (!roleNames.containsKey(ref.type())) {
            node.problem("unknown scope type '" + ref.type() + "' in '" + text + "'");
            return null;
        }
        if (!roleNames.get(ref.type()).contains(ref.role())) {
            node.problem("unknown role '" + ref.role() + "' of scope type " + ref.type());
            return null;
        }
        return ref;
    }

    /** {@code type.role}, or every role of the type for {@code type.*}. */
    List<RoleRef> roleOrAllOfType(Node node) {
        String text = node.optionalStringQuietly();
        if (text != null && text.endsWith(".*") && text.indexOf('.') == text.length() - 2) {
            String type = text.substring(0, text.length() - 2);
            Set<String> roles = roleNames.get(type);
            if (roles == null) {
                node.problem("unknown scope type '" + type + "' in '" + text + "'");
                return List.of();
            }
            return roles.stream().map(role -> new RoleRef(type, role)).toList();
        }
        RoleRef ref = role(node);
        return ref == null ? List.of() : List.of(ref);
    }

    /** A role of a type that can sit above {@code type}. */
    RoleRef ancestorRole(Node node, String type) {
        RoleRef ref = role(node);
        if (ref != null && !canBeAbove(ref.type(), type)) {
            node.problem("scope type " + ref.type() + " is never above " + type + ", so " + ref
                    + " can never apply here");
            return null;
        }
        return ref;
    }

    static String name(Node node) {
        String text = node.string();
        if (text != null) {
            name(text, node);
        }
        return text;
    }

    static void name(String text, Node where) {
        if (!NAME.matcher(text).matches()) {
            where.problem("name '" + text + "' must start with a lower case letter and hold only lower case "
                    + "letters, digits and '-'");
        }
    }
}
