package dev.arbor.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One principal at one scope: the effective permissions there, and the answers conditions need. Walks only the
 * scope's stored ancestry (depth, not tree size), and remembers vacancy answers per level.
 */
final class Evaluation implements ConditionContext {

    private final TenancySchema schema;
    private final TreeSlice tree;
    private final String userId;
    private final List<Scope> path;
    private final boolean resourceOwner;
    private final Trace trace;
    private final String[] acting;
    private final boolean[] actingKnown;

    Evaluation(TenancySchema schema, TreeSlice tree, String userId, Scope scope, boolean resourceOwner, Trace trace) {
        this.schema = schema;
        this.tree = tree;
        this.userId = userId;
        this.path = tree.path(scope.id());
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the tree slice lacks scope " + scope.id());
        }
        this.resourceOwner = resourceOwner;
        this.trace = trace;
        this.acting = new String[path.size()];
        this.actingKnown = new boolean[path.size()];
    }

    Scope target() {
        return path.get(path.size() - 1);
    }

    /** The principal's effective permissions at the target scope. */
    BitSet permissions() {
        BitSet result = authority();
        constrain(result);
        return result;
    }

    /**
     * What the principal's roles give at the target scope before the schema's constraints (prerequisites) are
     * applied: the measure of what they may hand on, since a prerequisite gates using a permission, and binds
     * whoever receives it too.
     */
    BitSet authority() {
        BitSet result = new BitSet();
        int last = path.size() - 1;
        for (int level = 0; level <= last; level++) {
            Scope scope = path.get(level);
            ScopeType type = schema.type(scope.type());
            if (type == null) {
                trace.note(scope.label() + " has a type this schema does not declare; nothing held there counts");
                continue;
            }
            Membership membership = tree.membership(userId, scope.id()).orElse(null);
            for (String roleName : rolesAt(level, membership)) {
                Role role = type.roles().get(roleName);
                if (role == null) {
                    trace.note("role " + roleName + " at " + scope.label() + " is not in the schema; ignored");
                    continue;
                }
                boolean direct = membership != null && membership.roles().contains(roleName);
                BitSet contribution = contribution(role, level == last, direct ? membership : null, scope);
                seal(role, level, contribution);
                result.or(contribution);
            }
        }
        return result;
    }

    /** Roles held at {@code path[level]}, directly or by acting as its owner, sorted for a stable explanation. */
    private List<String> rolesAt(int level, Membership membership) {
        TreeSet<String> roles = new TreeSet<>();
        if (membership != null) {
            roles.addAll(membership.roles());
        }
        String actingOwner = actingOwnerAt(level);
        if (actingOwner != null) {
            roles.add(actingOwner);
        }
        return new ArrayList<>(roles);
    }

    private BitSet contribution(Role role, boolean atHolder, Membership membership, Scope heldAt) {
        BitSet contribution = new BitSet();
        for (Grant grant : role.grants()) {
            if (!grant.appliesAt(atHolder)) {
                continue;
            }
            if (grant.when().holds(this)) {
                contribution.or(grant.permissions());
                if (trace.on()) {
                    trace.change(grant.permissions(), "user " + userId + " " + holding(role, membership, heldAt)
                            + "; " + grant.source()
                            + " gives " + describe(grant.permissions()));
                }
            } else if (trace.on()) {
                trace.change(grant.permissions(), "user " + userId + " " + holding(role, membership, heldAt)
                        + ", but " + grant.source()
                        + " applies only when " + grant.when().describe() + ", which is not the case");
            }
        }
        contribution.or(role.mandatory());
        if (trace.on()) {
            trace.change(role.mandatory(), role.ref() + " always includes " + describe(role.mandatory()));
        }
        if (membership != null && !membership.options().isEmpty()) {
            BitSet chosen = new BitSet();
            for (String option : membership.options()) {
                int index = schema.catalog().indexOf(option);
                if (index >= 0 && role.optional().get(index)) {
                    chosen.set(index);
                }
            }
            contribution.or(chosen);
            if (trace.on()) {
                trace.change(chosen, "user " + userId + " was given the optional " + describe(chosen)
                        + " (allowed for " + role.ref() + ")");
            }
        }
        return contribution;
    }

    /** How the explanation names a role's holding; built only when the evaluation is traced. */
    private static String holding(Role role, Membership membership, Scope heldAt) {
        return (membership == null ? "acts as " : "holds ") + role.ref() + " at " + heldAt.label();
    }

    /** Takes away what owned scopes between the holder and the target seal off from ancestors' roles. */
    private void seal(Role role, int level, BitSet contribution) {
        for (int below = level + 1; below < path.size() && !contribution.isEmpty(); below++) {
            Scope scope = path.get(below);
            ScopeType type = schema.type(scope.type());
            if (type == null || type.owner() == null || !type.sealedFrom().contains(role.ref())
                    || !hasHolder(scope, type.owner())) {
                continue;
            }
            BitSet removed = (BitSet) contribution.clone();
            removed.and(type.sealed());
            contribution.andNot(type.sealed());
            if (trace.on()) {
                trace.change(removed, scope.label() + " has an owner (" + type.name() + "." + type.owner()
                        + "), which seals off " + describe(removed) + " from " + role.ref());
            }
        }
    }

    private void constrain(BitSet result) {
        for (Constraint constraint : schema.constraints()) {
            BitSet affected = (BitSet) result.clone();
            affected.and(constraint.permissions());
            if (affected.isEmpty()) {
                continue;
            }
            if (constraint.when().holds(this)) {
                if (trace.on()) {
                    trace.change(affected, constraint.label() + " is met: " + constraint.when().describe());
                }
            } else {
                result.andNot(constraint.permissions());
                if (trace.on()) {
                    trace.change(affected, constraint.label() + " takes away " + describe(affected)
                            + ": it requires " + constraint.when().describe());
                }
            }
        }
    }

    /** The first of the schema's constraints on {@code permission} the principal does not meet here; null if none. */
    Constraint unmetConstraint(int permission) {
        for (Constraint constraint : schema.constraints()) {
            if (constraint.permissions().get(permission) && !constraint.when().holds(this)) {
                return constraint;
            }
        }
        return null;
    }

    /** The owner role the principal acts as at {@code path[level]} because it is vacant; null when none. */
    String actingOwnerAt(int level) {
        if (actingKnown[level]) {
            return acting[level];
        }
        actingKnown[level] = true;
        Scope scope = path.get(level);
        ScopeType type = schema.type(scope.type());
        if (type == null || type.owner() == null || type.actingOwners().isEmpty() || hasHolder(scope, type.owner())) {
            return null;
        }
        for (RoleRef actingOwner : type.actingOwners()) {
            int above = levelOfType(actingOwner.type(), level - 1);
            if (above >= 0 && holdsAt(actingOwner.role(), above)) {
                acting[level] = type.owner();
                trace.note("user " + userId + " acts as " + type.name() + "." + type.owner() + " at "
                        + scope.label() + ": it has no owner and the user holds " + actingOwner + " (vacancy)");
                return acting[level];
            }
        }
        return null;
    }

    /** Whether the principal holds {@code role} at {@code path[level]}, directly or by vacancy. */
    boolean holdsAt(String role, int level) {
        Optional<Membership> membership = tree.membership(userId, path.get(level).id());
        if (membership.isPresent() && membership.get().roles().contains(role)) {
            return true;
        }
        return role.equals(actingOwnerAt(level));
    }

    /** The nearest level at or above {@code from} whose scope has {@code type}; -1 when none. */
    int levelOfType(String type, int from) {
        for (int level = from; level >= 0; level--) {
            if (path.get(level).type().equals(type)) {
                return level;
            }
        }
        return -1;
    }

    @Override
    public Scope scopeOfType(String type) {
        int level = levelOfType(type, path.size() - 1);
        return level < 0 ? null : path.get(level);
    }

    @Override
    public boolean hasHolder(Scope scope, String role) {
        return !tree.holders(scope.id(), role).isEmpty();
    }

    /** At any scope of the role's type on the path: a type nested under itself may appear more than once. */
    @Override
    public boolean principalHolds(RoleRef role) {
        for (int level = path.size() - 1; level >= 0; level--) {
            if (path.get(level).type().equals(role.type()) && holdsAt(role.role(), level)) {
                return true;
            }
        }
        return false;
    }

    /** From the principal's own memberships: as many as they hold, whatever the size of the tree. */
    @Override
    public boolean principalHoldsOffPath(RoleRef role) {
        for (Membership membership : tree.membershipsOf(userId)) {
            if (membership.roles().contains(role.role())
                    && path.stream().noneMatch(scope -> scope.id().equals(membership.scopeId()))
                    && tree.scope(membership.scopeId()).map(Scope::type).filter(role.type()::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean resourceOwnedByPrincipal() {
        return resourceOwner;
    }

    List<String> actingRolesAtTarget() {
        String owner = actingOwnerAt(path.size() - 1);
        if (owner == null) {
            return List.of();
        }
        Optional<Membership> own = tree.membership(userId, target().id());
        return own.isPresent() && own.get().roles().contains(owner) ? List.of() : List.of(owner);
    }

    private String describe(BitSet permissions) {
        if (trace.focus() >= 0 && permissions.get(trace.focus())) {
            return schema.catalog().name(trace.focus());
        }
        List<String> names = schema.catalog().names(permissions);
        return names.size() <= 6 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 6)) + " and " + (names.size() - 6) + " more";
    }
}
