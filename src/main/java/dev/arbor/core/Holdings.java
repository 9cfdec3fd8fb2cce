package dev.arbor.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The schema's rules on what one user may hold, as opposed to how many may hold a role: at most one role of an
 * exclusive group per user and scope ({@code exclusiveRoles}), and roles at no more than a number of scopes of a type
 * under one root ({@code scopesPerUser}). The grant decision asks them one grant at a time, creating a scope asks them
 * for the creator's role, and schema compatibility and imports ask them of many memberships at once: the same rules
 * in all four places.
 */
public final class Holdings {

    private Holdings() {
    }

    /**
     * Whether {@code userId} may come to hold {@code role} at {@code scope}, besides the role's holder limit and
     * delegation. {@code scope} may be one about to be created, absent from the slice.
     *
     * @param heldThere the roles the user holds at {@code scope} now
     * @return null when the rules allow it; otherwise the denial, with {@code why} and the reason appended
     */
    static Decision refusal(TenancySchema schema, Scope scope, String userId, Set<String> heldThere, String role,
            TreeSlice tree, List<String> why) {
        ScopeType type = schema.type(scope.type());
        if (type == null || heldThere.contains(role)) {
            return null;
        }
        String held = exclusiveConflict(type, heldThere, role);
        if (held != null) {
            String group = type.holding().groupOf(role);
            why.add(type.name() + "." + role + " and " + type.name() + "." + held + " belong to the exclusive group "
                    + group + " " + type.holding().exclusiveGroups().get(group) + ": a user holds at most one of them"
                    + " per scope");
            why.add("user " + userId + " holds " + type.name() + "." + held + " at " + scope.label()
                    + "; revoke it first");
            return Decision.deny(Decision.Reason.EXCLUSIVE_ROLE_HELD, why);
        }
        Integer max = type.holding().scopesPerUser();
        if (max != null && heldThere.isEmpty()) {
            List<Scope> others = otherScopesOfType(tree, userId, scope);
            if (others.size() + 1 > max) {
                why.add("a user may hold roles at " + max + " " + type.name() + " scope(s) under one root scope"
                        + " (scopesPerUser), and user " + userId + " holds roles at "
                        + others.stream().map(Scope::label).toList() + " under "
                        + tree.scope(root(scope)).map(Scope::label).orElse(root(scope)) + " already");
                return Decision.deny(Decision.Reason.TOO_MANY_SCOPES, why);
            }
        }
        return null;
    }

    /** A role of {@code held} that shares an exclusive group with {@code role}; null when none does. */
    static String exclusiveConflict(ScopeType type, Collection<String> held, String role) {
        String group = type.holding().groupOf(role);
        if (group == null) {
            return null;
        }
        return type.holding().exclusiveGroups().get(group).stream()
                .filter(other -> !other.equals(role) && held.contains(other))
                .findFirst().orElse(null);
    }

    /** The scopes of {@code scope}'s type under its root, other than itself, where the user holds roles. */
    private static List<Scope> otherScopesOfType(TreeSlice tree, String userId, Scope scope) {
        List<Scope> others = new ArrayList<>();
        for (Membership membership : tree.membershipsOf(userId)) {
            tree.scope(membership.scopeId())
                    .filter(held -> held.type().equals(scope.type()) && !held.id().equals(scope.id())
                            && root(held).equals(root(scope)))
                    .ifPresent(others::add);
        }
        others.sort(Comparator.comparing(Scope::id));
        return others;
    }

    private static String root(Scope scope) {
        return scope.ancestors().isEmpty() ? scope.id() : scope.ancestors().get(0);
    }

    /**
     * Whether the schema has any of these rules; without them no set of memberships can break them, and a caller
     * need not gather what users hold.
     */
    public static boolean anyIn(TenancySchema schema) {
        return schema.scopeTypes().stream().map(schema::type).anyMatch(type -> type != null
                && (!type.holding().exclusiveGroups().isEmpty() || type.holding().scopesPerUser() != null));
    }

    /**
     * Every break of these rules among {@code memberships}: a user holding two roles of one exclusive group at a
     * scope, or roles at more scopes of a type under one root than the type allows.
     *
     * @param scopes the scopes the memberships name, by id; memberships at scopes not found here are skipped
     * @return one sentence per break, in a fixed order; empty when none
     */
    public static List<String> problems(TenancySchema schema, Function<String, Optional<Scope>> scopes,
            Collection<Membership> memberships) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Scope>> byUserRootAndType = new LinkedHashMap<>();
        List<Membership> ordered = new ArrayList<>(memberships);
        ordered.sort(Comparator.comparing(Membership::userId).thenComparing(Membership::scopeId));
        for (Membership membership : ordered) {
            Scope scope = scopes.apply(membership.scopeId()).orElse(null);
            ScopeType type = scope == null ? null : schema.type(scope.type());
            if (type == null) {
                continue;
            }
            for (Map.Entry<String, List<String>> group : new TreeMap<>(
                    type.holding().exclusiveGroups()).entrySet()) {
                TreeSet<String> held = new TreeSet<>(group.getValue());
                held.retainAll(membership.roles());
                if (held.size() > 1) {
                    problems.add("user " + membership.userId() + " holds " + held + " at " + scope.label()
                            + ", roles of the exclusive group " + group.getKey() + " of scope type " + type.name());
                }
            }
            if (type.holding().scopesPerUser() != null && !membership.roles().isEmpty()) {
                byUserRootAndType.computeIfAbsent(membership.userId() + "\n" + root(scope) + "\n" + type.name(),
                        key -> new ArrayList<>()).add(scope);
            }
        }
        byUserRootAndType.forEach((key, held) -> {
            String[] parts = key.split("\n", -1);
            int max = schema.type(parts[2]).holding().scopesPerUser();
            if (held.size() > max) {
                problems.add("user " + parts[0] + " holds roles at " + held.size() + " " + parts[2] + " scopes under"
                        + " one root (" + held.stream().map(Scope::label).toList() + "); scope type " + parts[2]
                        + " allows " + max + " (scopesPerUser)");
            }
        });
        return problems;
    }
}
