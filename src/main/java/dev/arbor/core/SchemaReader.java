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
        rolesNode.namedEntries().forEach((role, roleNode) -> readRole(type, role, roleNode, roles));

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

    private void readRole(String type, String role, Node node, Map<String, Role> roles) {
        Declarations.name(role, node);
        node.entries(Set.of("description", "cardinality", "grants", "readOnlyVariant", "options", "access"));
        RoleRef ref = new RoleRef(type, role);
        int min = 0;
        HolderLimit max = HolderLimit.unbounded();
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
                max = HolderLimit.of(maxValue);
            }
            if (!max.allows(min)) {
                cardinality.problem("min " + min + " is greater than max " + max.max());
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
        BitSet defaults = new BitSet();
        if (!options.isMissing()) {
            options.entries(Set.of("mandatory", "optional", "defaults"));
            mandatory = permissions.patterns(options.get("mandatory"));
            optional = permissions.patterns(options.get("optional"));
            defaults = permissions.patterns(options.get("defaults"));
            BitSet both = (BitSet) mandatory.clone();
            both.and(optional);
            if (!both.isEmpty()) {
                options.problem("permissions both mandatory and optional: " + permissions.catalog().names(both));
            }
            BitSet notOptional = (BitSet) defaults.clone();
            notOptional.andNot(optional);
            if (!notOptional.isEmpty()) {
                options.get("defaults").problem("defaults must be optional permissions of the role; these are not: "
                        + permissions.catalog().names(notOptional));
            }
        }
        boolean givesAccess = readAccess(node, grantNodes, options);
        String description = node.get("description").optionalString();
        roles.put(role, new Role(ref, description, min, max, List.copyOf(grants), mandatory, optional, defaults,
                givesAccess));

        Node variantNode = node.get("readOnlyVariant");
        if (!givesAccess && !variantNode.isMissing()) {
            variantNode.problem("a role without access (access: none) has nothing to derive a read-only variant from");
        } else if (!variantNode.isMissing()) {
            String variant = variantNode.optionalStringQuietly();
            if (variant != null) {
                Declarations.name(variant, variantNode);
                BitSet readOnly = permissions.catalog().readOnly();
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
                        HolderLimit.unbounded(), List.copyOf(readGrants), readMandatory, new BitSet(), new BitSet(),
                        true));
            }
        }
    }

    /**
     * {@code access: none} (a membership on record that gives no access to the scope: no grants, no options) or
     * {@code access: scope}, the default.
     */
    private static boolean readAccess(Node node, List<Node> grantNodes, Node options) {
        Node access = node.get("access");
        if (access.isMissing()) {
            return true;
        }
        String text = access.string();
        if (text != null && !text.equals("none") && !text.equals("scope")) {
            access.problem("must be scope (the default) or none");
        }
        if (!"none".equals(text)) {
            return true;
        }
        if (!grantNodes.isEmpty()) {
            node.get("grants").problem("a role without access (access: none) grants nothing");
        }
        if (!options.isMissing()) {
            options.problem("a role without access (access: none) has no options");
        }
        return false;
    }

    private Grant readGrant(Node node) {
        node.entries(Set.of("description", "permissions", "except", "at", "when"));
        if (node.get("permissions").isMissing()) {
            node.get("permissions").problem("is required");
        }
        BitSet granted = permissions.patterns(node.get("permissions"));
        granted.andNot(permissions.patterns(node.get("except")));
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
        return new Grant(granted, reach, conditions.read(node.get("when")), node.path());
    }
}
