package dev.arbor.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a tenancy schema from a parsed document (the maps, lists and scalars that a JSON or YAML parser yields)
 * and checks it whole: structure, names, references between its parts, nesting, cardinality of owners. Every
 * problem is reported with its path, all of them at once. The result is compiled for evaluation.
 */
public final class SchemaReader {

    /** The only version of the schema language so far. */
    public static final int LANGUAGE_VERSION = 1;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Set<String> ATTRIBUTE_KINDS = Set.of("boolean", "string", "number");
    private static final List<String> DEFAULT_READ_ACTIONS = List.of("view", "read", "list");

    private final Problems problems = new Problems();
    private final Map<String, Set<String>> roleNames = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> attributeKinds = new LinkedHashMap<>();
    private final Map<String, Set<String>> parents = new LinkedHashMap<>();
    /** Where each type's role definitions are written: its own {@code roles}, or another type's. */
    private final Map<String, Node> roleDefinitions = new LinkedHashMap<>();
    private PermissionCatalog catalog;

    private SchemaReader() {
    }

    /**
     * @param document the parsed document, a {@code Map} at the top
     * @return the compiled schema; never null
     * @throws InvalidSchemaException listing every problem found
     */
    public static TenancySchema read(Object document) {
        SchemaReader reader = new SchemaReader();
        return reader.readDocument(new Node(document, "", reader.problems));
    }

    private TenancySchema readDocument(Node root) {
        if (!root.isMap()) {
            root.problem("a tenancy schema must be an object");
            problems.throwIfAny();
        }
        root.entries(Set.of("arbor", "id", "version", "description", "permissions", "scopeTypes", "constraints",
                "delegation", "cascades"));
        problems.throwIfAny(); // not an object, or unknown top-level keys: nothing below is worth reading
        Integer language = root.get("arbor").integer();
        if (language != null && language != LANGUAGE_VERSION) {
            root.get("arbor").problem("unsupported schema language version " + language + "; this Arbor reads "
                    + LANGUAGE_VERSION);
        }
        String id = name(root.get("id"));
        Integer version = root.get("version").integer();
        if (version != null && version < 1) {
            root.get("version").problem("must be at least 1");
        }
        String description = root.get("description").optionalString();

        catalog = readPermissions(root.get("permissions"));
        Node typesNode = root.get("scopeTypes");
        Map<String, Node> typeNodes = typesNode.namedEntries();
        if (typeNodes.isEmpty()) {
            typesNode.problem(typesNode.isMissing() ? "is required" : "must declare at least one scope type");
        }
        declareTypes(typeNodes);
        checkNesting(typesNode);

        Map<String, ScopeType> types = new LinkedHashMap<>();
        typeNodes.forEach((name, node) -> types.put(name, readType(name, node)));
        List<Constraint> constraints = readConstraints(root.get("constraints"));
        List<DelegationRule> delegation = readDelegation(root.get("delegation"));
        List<Cascade> cascades = readCascades(root.get("cascades"));

        problems.throwIfAny();
        return new TenancySchema(id, version, description, catalog, types, constraints, delegation, cascades);
    }

    // ---- permissions ------------------------------------------------------------------------------------------

    private PermissionCatalog readPermissions(Node node) {
        node.entries(Set.of("readActions", "modules"));
        Set<String> readActions = new LinkedHashSet<>();
        Node readNode = node.get("readActions");
        if (readNode.isMissing()) {
            readActions.addAll(DEFAULT_READ_ACTIONS);
        }
        for (Node action : readNode.stringItems()) {
            String text = segment(action);
            if (text != null) {
                readActions.add(text);
            }
        }
        List<String> names = new ArrayList<>();
        Node modules = node.get("modules");
        if (modules.isMissing()) {
            modules.problem("is required");
        }
        modules.namedEntries().forEach((module, resources) -> {
            checkSegment(module, resources);
            resources.namedEntries().forEach((resource, actions) -> {
                checkSegment(resource, actions);
                Set<String> seen = new HashSet<>();
                List<Node> items = actions.stringItems();
                if (items.isEmpty()) {
                    actions.problem("must list at least one action");
                }
                for (Node action : items) {
                    String text = segment(action);
                    if (text != null && !seen.add(text)) {
                        action.problem("duplicate action " + text);
                    } else if (text != null) {
                        names.add(module + ":" + resource + ":" + text);
                    }
                }
            });
        });
        return new PermissionCatalog(names, readActions);
    }

    private void checkSegment(String text, Node where) {
        if (!PermissionCatalog.SEGMENT.matcher(text).matches()) {
            where.problem("name '" + text + "' must be lower case letters, digits, '-', '_' or '.'");
        }
    }

    private String segment(Node node) {
        String text = node.string();
        if (text != null && !PermissionCatalog.SEGMENT.matcher(text).matches()) {
            node.problem("'" + text + "' must be lower case letters, digits, '-', '_' or '.'");
            return null;
        }
        return text;
    }

    /** The permissions a list of patterns names; each pattern must be well formed and name at least one. */
    private BitSet patterns(Node list) {
        BitSet permissions = new BitSet();
        for (Node item : list.stringItems()) {
            String pattern = item.string();
            if (pattern == null) {
                continue;
            }
            if (!PermissionCatalog.isWellFormedPattern(pattern)) {
                item.problem("'" + pattern + "' is not of the form module:resource:action (each part a name or *)");
                continue;
            }
            BitSet matches = catalog.matching(pattern);
            if (matches.isEmpty()) {
                item.problem("'" + pattern + "' matches no permission declared under permissions.modules");
            }
            permissions.or(matches);
        }
        return permissions;
    }

    // ---- scope types ------------------------------------------------------------------------------------------

    /** First pass: names of types, roles and attributes, so that later references may point anywhere. */
    private void declareTypes(Map<String, Node> typeNodes) {
        typeNodes.forEach((type, node) -> roleDefinitions.put(type, roleDefinitionsOf(type, node, typeNodes)));
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

    /** A type's {@code roles}, or with {@code rolesFrom: other}, the other type's (same definitions, own holders). */
    private static Node roleDefinitionsOf(String type, Node node, Map<String, Node> typeNodes) {
        Node from = node.get("rolesFrom");
        if (from.isMissing()) {
            return node.get("roles");
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
            return sourceNode.get("roles");
        }
        return node.get("roles");
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
    private boolean canBeAbove(String ancestor, String type) {
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

    private ScopeType readType(String type, Node node) {
        node.entries(Set.of("description", "parents", "root", "attributes", "owner", "vacancy", "sealing",
                "membersPermission", "roles", "rolesFrom"));
        boolean alsoRoot = node.get("root").bool(false);
        if (alsoRoot && parents.getOrDefault(type, Set.of()).isEmpty()) {
            node.get("root").problem("a type without parents is a root type already");
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        Node rolesNode = roleDefinitions.get(type);
        rolesNode.namedEntries().forEach((role, roleNode) -> readRole(type, role, roleNode, roles));

        String owner = null;
        Node ownerNode = node.get("owner");
        if (!ownerNode.isMissing()) {
            owner = ownerNode.string();
            Role ownerRole = owner == null ? null : roles.get(owner);
            if (owner != null && ownerRole == null) {
                ownerNode.problem("unknown role '" + owner + "' of scope type " + type);
            } else if (ownerRole != null && ownerRole.maxHolders() != 1) {
                ownerNode.problem("the owner role " + type + "." + owner + " must allow exactly one holder per "
                        + "scope (cardinality.max: 1), but allows "
                        + (ownerRole.bounded() ? ownerRole.maxHolders() : "any number"));
            }
        }

        List<RoleRef> actingOwners = new ArrayList<>();
        Node vacancy = node.get("vacancy");
        if (!vacancy.isMissing()) {
            vacancy.entries(Set.of("actingOwner"));
            requireOwner(owner, ownerNode, vacancy);
            for (Node ref : vacancy.get("actingOwner").stringItems()) {
                RoleRef acting = ancestorRole(ref, type);
                if (acting != null) {
                    actingOwners.add(acting);
                }
            }
            if (vacancy.get("actingOwner").isMissing()) {
                vacancy.get("actingOwner").problem("is required");
            }
        }

        Set<RoleRef> sealedFrom = new LinkedHashSet<>();
        BitSet sealed = new BitSet();
        Node sealing = node.get("sealing");
        if (!sealing.isMissing()) {
            sealing.entries(Set.of("from", "removes"));
            requireOwner(owner, ownerNode, sealing);
            for (Node ref : sealing.get("from").stringItems()) {
                RoleRef from = ancestorRole(ref, type);
                if (from != null) {
                    sealedFrom.add(from);
                }
            }
            sealed = patterns(sealing.get("removes"));
            if (sealing.get("from").isMissing()) {
                sealing.get("from").problem("is required");
            }
            if (sealing.get("removes").isMissing()) {
                sealing.get("removes").problem("is required");
            }
        }

        String membersPermission = null;
        Node membersNode = node.get("membersPermission");
        if (!membersNode.isMissing()) {
            membersPermission = membersNode.string();
            if (membersPermission != null && catalog.indexOf(membersPermission) < 0) {
                membersNode.problem("'" + membersPermission + "' is not a permission declared under "
                        + "permissions.modules (wildcards are not allowed here)");
            }
        }
        return new ScopeType(type, parents.getOrDefault(type, Set.of()), alsoRoot,
                attributeKinds.getOrDefault(type, Map.of()), roles, owner, List.copyOf(actingOwners), Set.copyOf(sealedFrom), sealed, membersPermission);
    }

    private static void requireOwner(String owner, Node ownerNode, Node where) {
        if (owner == null && ownerNode.isMissing()) {
            where.problem("needs the scope type to name its owner role (owner: …)");
        }
    }

    private void readRole(String type, String role, Node node, Map<String, Role> roles) {
        name(role, node);
        node.entries(Set.of("description", "cardinality", "grants", "readOnlyVariant", "options"));
        RoleRef ref = new RoleRef(type, role);
        int min = 0;
        int max = Integer.MAX_VALUE;
        Node cardinality = node.get("cardinality");
        if (!cardinality.isMissing()) {
            cardinality.entries(Set.of("min", "max"));
            Integer minValue = cardinality.get("min").optionalInteger();
            Integer maxValue = cardinality.get("max").optionalInteger();
            if (minValue != null && minValue < 0) {
                cardinality.get("min").problem("must not be negative");
            } else if (minValue != null) {
                min = minValue;
            }
            if (maxValue != null && maxValue < 1) {
                cardinality.get("max").problem("must be at least 1");
            } else if (maxValue != null) {
                max = maxValue;
            }
            if (min > max) {
                cardinality.problem("min " + min + " is greater than max " + max);
            }
        }
        List<Grant> grants = new ArrayList<>();
        List<Node> grantNodes = node.get("grants").items();
        for (Node grant : grantNodes) {
            grants.add(readGrant(grant));
        }
        Node options = node.get("options");
        BitSet mandatory = new BitSet();
        BitSet optional = new BitSet();
        if (!options.isMissing()) {
            options.entries(Set.of("mandatory", "optional"));
            mandatory = patterns(options.get("mandatory"));
            optional = patterns(options.get("optional"));
            BitSet both = (BitSet) mandatory.clone();
            both.and(optional);
            if (!both.isEmpty()) {
                options.problem("permissions both mandatory and optional: " + catalog.names(both));
            }
        }
        String description = node.get("description").optionalString();
        roles.put(role, new Role(ref, description, min, max, List.copyOf(grants), mandatory, optional));

        Node variantNode = node.get("readOnlyVariant");
        if (!variantNode.isMissing()) {
            String variant = variantNode.optionalStringQuietly();
            if (variant != null) {
                name(variant, variantNode);
                BitSet readOnly = catalog.readOnly();
                List<Grant> readGrants = new ArrayList<>();
                for (Grant grant : grants) {
                    BitSet permissions = (BitSet) grant.permissions().clone();
                    permissions.and(readOnly);
                    readGrants.add(new Grant(permissions, grant.reach(), grant.when(),
                            grant.source() + " (read-only)"));
                }
                BitSet readMandatory = (BitSet) mandatory.clone();
                readMandatory.and(readOnly);
                roles.put(variant, new Role(new RoleRef(type, variant), "read-only variant of " + ref, 0,
                        Integer.MAX_VALUE, List.copyOf(readGrants), readMandatory, new BitSet()));
            }
        }
    }

    private Grant readGrant(Node node) {
        node.entries(Set.of("description", "permissions", "except", "at", "when"));
        if (node.get("permissions").isMissing()) {
            node.get("permissions").problem("is required");
        }
        BitSet permissions = patterns(node.get("permissions"));
        permissions.andNot(patterns(node.get("except")));
        Reach reach = Reach.SUBTREE;
        Node at = node.get("at");
        if (!at.isMissing()) {
            String text = at.string();
            reach = text == null ? null : Reach.parse(text);
            if (text != null && reach == null) {
                at.problem("must be self, descendants or subtree");
            }
            if (reach == null) {
                reach = Reach.SUBTREE;
            }
        }
        return new Grant(permissions, reach, condition(node.get("when")), node.path());
    }

    // ---- references -------------------------------------------------------------------------------------------

    private RoleRef role(Node node) {
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
    private List<RoleRef> roleOrAllOfType(Node node) {
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
    private RoleRef ancestorRole(Node node, String type) {
        RoleRef ref = role(node);
        if (ref != null && !canBeAbove(ref.type(), type)) {
            node.problem("scope type " + ref.type() + " is never above " + type + ", so " + ref
                    + " can never apply here");
            return null;
        }
        return ref;
    }

    private String name(Node node) {
        String text = node.string();
        if (text != null) {
            name(text, node);
        }
        return text;
    }

    private static void name(String text, Node where) {
        if (!NAME.matcher(text).matches()) {
            where.problem("name '" + text + "' must start with a lower case letter and hold only lower case "
                    + "letters, digits and '-'");
        }
    }

    // ---- conditions -------------------------------------------------------------------------------------------

    private Condition condition(Node node) {
        if (node.isMissing()) {
            return Condition.ALWAYS;
        }
        Map<String, Node> entries = node.entries(Set.of("attribute", "equals", "vacant", "occupied", "holds",
                "resourceOwner", "all", "any", "not"));
        Set<String> forms = new LinkedHashSet<>(entries.keySet());
        forms.remove("equals");
        if (forms.size() != 1) {
            node.problem("a condition has exactly one of attribute (with equals), vacant, occupied, holds, "
                    + "resourceOwner, all, any, not");
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
            case "holds" -> {
                List<RoleRef> roles = new ArrayList<>();
                for (Node ref : node.get("holds").stringItems()) {
                    RoleRef role = role(ref);
                    if (role != null) {
                        roles.add(role);
                    }
                }
                yield new Condition.Holds(List.copyOf(roles));
            }
            case "resourceOwner" -> {
                if (!node.get("resourceOwner").bool(false)) {
                    node.get("resourceOwner").problem("must be true (use not: {resourceOwner: true} for others)");
                }
                yield new Condition.ResourceOwner();
            }
            case "all" -> new Condition.All(conditions(node.get("all")));
            case "any" -> new Condition.Any(conditions(node.get("any")));
            default -> new Condition.Not(condition(node.get("not")));
        };
    }

    private List<Condition> conditions(Node list) {
        List<Condition> conditions = new ArrayList<>();
        List<Node> items = list.items();
        if (items.isEmpty()) {
            list.problem("must list at least one condition");
        }
        for (Node item : items) {
            conditions.add(condition(item));
        }
        return List.copyOf(conditions);
    }

    private Condition occupancy(Node node, boolean occupied) {
        RoleRef ref = role(node);
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
        Map<String, String> kinds = type == null ? null : attributeKinds.get(type);
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

    // ---- rules ------------------------------------------------------------------------------------------------

    private List<Constraint> readConstraints(Node list) {
        List<Constraint> constraints = new ArrayList<>();
        for (Node node : list.items()) {
            node.entries(Set.of("description", "permissions", "when"));
            if (node.get("when").isMissing()) {
                node.get("when").problem("is required");
            }
            if (node.get("permissions").isMissing()) {
                node.get("permissions").problem("is required");
            }
            constraints.add(new Constraint(constraints.size() + 1, patterns(node.get("permissions")),
                    condition(node.get("when")), node.get("description").optionalString()));
        }
        return List.copyOf(constraints);
    }

    private List<DelegationRule> readDelegation(Node list) {
        List<DelegationRule> rules = new ArrayList<>();
        for (Node node : list.items()) {
            node.entries(Set.of("description", "grant", "by", "when", "revoke", "self", "beyondOwnPermissions"));
            Set<RoleRef> granted = new LinkedHashSet<>();
            for (Node ref : node.get("grant").stringItems()) {
                granted.addAll(roleOrAllOfType(ref));
            }
            Set<RoleRef> by = new LinkedHashSet<>();
            for (Node ref : node.get("by").stringItems()) {
                RoleRef actor = role(ref);
                if (actor == null) {
                    continue;
                }
                for (RoleRef role : granted) {
                    if (!actor.type().equals(role.type()) && !canBeAbove(actor.type(), role.type())) {
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
            rules.add(new DelegationRule(rules.size() + 1, Set.copyOf(granted), Set.copyOf(by),
                    condition(node.get("when")), node.get("revoke").bool(true), node.get("self").bool(false),
                    node.get("beyondOwnPermissions").bool(false), node.get("description").optionalString()));
        }
        return List.copyOf(rules);
    }

    private List<Cascade> readCascades(Node list) {
        List<Cascade> cascades = new ArrayList<>();
        for (Node node : list.items()) {
            node.entries(Set.of("description", "onRevoke", "remove"));
            RoleRef role = role(node.get("onRevoke"));
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
