package dev.arbor.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a tenancy schema from a parsed document (the maps, lists and scalars that a JSON or YAML parser yields)
 * and checks it whole: structure, names, references between its parts, nesting, cardinality of owners. Every
 * problem is reported with its path, all of them at once. The result is compiled for evaluation.
 */
public final class SchemaReader {

    /** The only version of the schema language so far. */
    public static final int LANGUAGE_VERSION = 1;

    private final Problems problems = new Problems();
    private PermissionReader permissions;
    private Declarations declarations;
    private ConditionReader conditions;
    private Node typesNode;

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
                "delegation", "cascades", "assertions"));
        problems.throwIfAny(); // not an object, or unknown top-level keys: nothing below is worth reading
        Integer language = root.get("arbor").integer();
        if (language != null && language != LANGUAGE_VERSION) {
            root.get("arbor").problem("unsupported schema language version " + language + "; this Arbor reads "
                    + LANGUAGE_VERSION);
        }
        String id = Declarations.name(root.get("id"));
        Integer version = root.get("version").integer();
        if (version != null && version < 1) {
            root.get("version").problem("must be at least 1");
        }
        String description = root.get("description").optionalString();

        permissions = PermissionReader.read(root.get("permissions"));
        typesNode = root.get("scopeTypes");
        Map<String, Node> typeNodes = typesNode.namedEntries();
        if (typeNodes.isEmpty()) {
            typesNode.problem(typesNode.isMissing() ? "is required" : "must declare at least one scope type");
        }
        declarations = Declarations.declare(typesNode, typeNodes);
        conditions = new ConditionReader(declarations);
        RuleReader rules = new RuleReader(declarations, permissions, conditions);

        Map<String, ScopeType> types = new LinkedHashMap<>();
        typeNodes.forEach((name, node) -> types.put(name, readType(name, node)));
        List<Constraint> constraints = rules.constraints(root.get("constraints"));
        List<DelegationRule> delegation = rules.delegation(root.get("delegation"));
        List<Cascade> cascades = rules.cascades(root.get("cascades"));

        problems.throwIfAny();
        TenancySchema schema = new TenancySchema(id, version, description, permissions.catalog(), types, constraints,
                delegation, cascades);
        SchemaAssertions.judge(schema, root.get("assertions"), problems);
        problems.throwIfAny();
        return schema;
    }

    private ScopeType readType(String type, Node node) {
        node.entries(Set.of("description", "parents", "root", "attributes", "owner", "vacancy", "sealing",
                "membersPermission", "createPermission", "updatePermission", "deletePermission", "roles",
                "rolesFrom", "exclusiveRoles", "scopesPerUser", "creatorRole"));
        boolean alsoRoot = node.get("root").bool(false);
        if (alsoRoot && declarations.parents(type).isEmpty()) {
            node.get("root").problem("a type without parents is a root type already");
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        Node rolesNode = declarations.roleDefinitions(type);
        RoleReader roleReader = new RoleReader(permissions, conditions);
        rolesNode.namedEntries().forEach((role, roleNode) -> roleReader.read(type, role, roleNode, roles));

        String owner = null;
        Node ownerNode = node.get("owner");
        if (!ownerNode.isMissing()) {
            owner = ownerNode.string();
            Role ownerRole = owner == null ? null : roles.get(owner);
            if (owner != null && ownerRole == null) {
                ownerNode.problem("unknown role '" + owner + "' of scope type " + type);
            } else if (ownerRole != null && !ownerRole.givesAccess()) {
                ownerNode.problem("the owner role " + type + "." + owner + " gives no access (access: none); an owner"
                        + " must see and act in what it owns");
            } else if (ownerRole != null && !ownerRole.holderLimit().equals(HolderLimit.of(1))) {
                ownerNode.problem("the owner role " + type + "." + owner + " must allow exactly one holder per "
                        + "scope (cardinality.max: 1), but allows "
                        + (ownerRole.holderLimit().isBounded() ? ownerRole.holderLimit().max() : "any number"));
            }
        }

        List<RoleRef> actingOwners = new ArrayList<>();
        Node vacancy = node.get("vacancy");
        if (!vacancy.isMissing()) {
            vacancy.entries(Set.of("actingOwner"));
            requireOwner(owner, ownerNode, vacancy);
            for (Node ref : vacancy.get("actingOwner").stringItems()) {
                RoleRef acting = declarations.ancestorRole(ref, type);
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
                RoleRef from = declarations.ancestorRole(ref, type);
                if (from != null) {
                    sealedFrom.add(from);
                }
            }
            sealed = permissions.patterns(sealing.get("removes"));
            if (sealing.get("from").isMissing()) {
                sealing.get("from").problem("is required");
            }
            if (sealing.get("removes").isMissing()) {
                sealing.get("removes").problem("is required");
            }
        }

        String membersPermission = permissionName(node.get("membersPermission"));
        String createPermission = permissionName(node.get("createPermission"));
        String updatePermission = permissionName(node.get("updatePermission"));
        String deletePermission = permissionName(node.get("deletePermission"));
        HoldingRules holding = new HoldingRules(exclusiveGroups(type, node, roles), scopesPerUser(node));
        String creatorRole = creatorRole(type, node.get("creatorRole"), roles);
        if (creatorRole != null && declarations.parents(type).isEmpty()) {
            node.get("creatorRole").problem("scope type " + type + " has no parents: only realm administrators create"
                    + " its scopes, and they receive no creator role");
        }
        return new ScopeType(type, declarations.parents(type), alsoRoot, declarations.attributeKinds(type), roles,
                owner, List.copyOf(actingOwners), Set.copyOf(sealedFrom), sealed, membersPermission, createPermission,
                updatePermission, deletePermission, holding, creatorRole);
    }

    /**
     * {@code exclusiveRoles: {group: [role, …]}}: groups of two or more of the type's roles, each role in one group
     * at most. They come with the role definitions: a type with {@code rolesFrom} has its source's groups.
     */
    private Map<String, List<String>> exclusiveGroups(String type, Node node, Map<String, Role> roles) {
        String source = declarations.roleSource(type);
        Node groupsNode = typesNode.get(source).get("exclusiveRoles");
        if (!source.equals(type) && !node.get("exclusiveRoles").isMissing()) {
            node.get("exclusiveRoles").problem("exclusive groups come with the roles: scope type " + type
                    + " has those of " + source + " (rolesFrom)");
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, String> groupOfRole = new LinkedHashMap<>();
        groupsNode.namedEntries().forEach((group, list) -> {
            Declarations.name(group, list);
            List<Node> items = list.stringItems();
            if (items.size() < 2) {
                list.problem("an exclusive group names at least two roles");
            }
            List<String> members = new ArrayList<>();
            for (Node item : items) {
                String role = item.string();
                if (role == null) {
                    continue;
                }
                if (!roles.containsKey(role)) {
                    item.problem("unknown role '" + role + "' of scope type " + source);
                } else if (members.contains(role)) {
                    item.problem("role " + role + " is listed twice");
                } else if (groupOfRole.containsKey(role)) {
                    item.problem("role " + role + " is in the exclusive group " + groupOfRole.get(role)
                            + " already; a role belongs to one group at most");
                } else {
                    members.add(role);
                    groupOfRole.put(role, group);
                }
            }
            groups.put(group, List.copyOf(members));
        });
        return groups;
    }

    /** {@code scopesPerUser: {max: n}}: null when absent. */
    private static Integer scopesPerUser(Node node) {
        Node limit = node.get("scopesPerUser");
        if (limit.isMissing()) {
            return null;
        }
        limit.entries(Set.of("max"));
        Integer max = limit.get("max").integer();
        if (max != null && max < 1) {
            limit.get("max").problem("must be at least 1");
            return null;
        }
        return max;
    }

    /** {@code creatorRole: role}: a role of the type that gives access; null when absent. */
    private static String creatorRole(String type, Node node, Map<String, Role> roles) {
        if (node.isMissing()) {
            return null;
        }
        String role = node.string();
        if (role != null && !roles.containsKey(role)) {
            node.problem("unknown role '" + role + "' of scope type " + type);
            return null;
        }
        if (role != null && !roles.get(role).givesAccess()) {
            node.problem("role " + type + "." + role + " gives no access (access: none); the creator would lose"
                    + " sight of what they created");
            return null;
        }
        return role;
    }

    /** A single declared permission (no wildcards), or null when absent. */
    private String permissionName(Node node) {
        if (node.isMissing()) {
            return null;
        }
        String name = node.string();
        if (name != null && permissions.catalog().indexOf(name) < 0) {
            node.problem("'" + name + "' is not a permission declared under permissions.modules (wildcards are not"
                    + " allowed here)");
        }
        return name;
    }

    private static void requireOwner(String owner, Node ownerNode, Node where) {
        if (owner == null && ownerNode.isMissing()) {
            where.problem("needs the scope type to name its owner role (owner: …)");
        }
    }
}
