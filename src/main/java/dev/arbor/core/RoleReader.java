package dev.arbor.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the roles of a scope type: cardinality, grants with their reach and conditions, mandatory, optional and
 * default options, access, and the derived read-only variant.
 */
final class RoleReader {

    private final PermissionReader permissions;
    private final ConditionReader conditions;

    RoleReader(PermissionReader permissions, ConditionReader conditions) {
        this.permissions = permissions;
        this.conditions = conditions;
    }

    /** Reads role {@code role} of {@code type} into {@code roles}, with its read-only variant if it names one. */
    void read(String type, String role, Node node, Map<String, Role> roles) {
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
