package dev.arbor.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A condition in a schema: a small, fixed vocabulary rather than an expression language. Every form is total and
 * side-effect free, is checked against the schema when it is read (types, roles and attributes must exist), and
 * describes itself for explanations.
 */
sealed interface Condition {

    Condition ALWAYS = new All(List.of());

    boolean holds(ConditionContext context);

    /** How the condition reads in an explanation. */
    String describe();

    /** {@code {attribute: type.name, equals: value}}: an attribute of the scope of that type on the path. */
    record AttributeEquals(String type, String attribute, Object expected) implements Condition {
        @Override
        public boolean holds(ConditionContext context) {
            Scope scope = context.scopeOfType(type);
            return scope != null && sameValue(scope.attributes().get(attribute), expected);
        }

        @Override
        public String describe() {
            return type + "." + attribute + " = " + expected;
        }

        private static boolean sameValue(Object actual, Object expected) {
            if (actual instanceof Number a && expected instanceof Number b) {
                return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
            }
            return expected.equals(actual);
        }
    }

    /** {@code {vacant: type.role}} / {@code {occupied: type.role}}: whether the scope of that type has a holder. */
    record Occupancy(RoleRef role, boolean occupied) implements Condition {
        @Override
        public boolean holds(ConditionContext context) {
            Scope scope = context.scopeOfType(role.type());
            return scope != null && context.hasHolder(scope, role.role()) == occupied;
        }

        @Override
        public String describe() {
            return role + (occupied ? " is held" : " is vacant");
        }
    }

    /** {@code {holds: [type.role, …]}}: the principal holds one of the roles (or acts as it) on the path. */
    record Holds(List<RoleRef> roles) implements Condition {
        @Override
        public boolean holds(ConditionContext context) {
            return roles.stream().anyMatch(context::principalHolds);
        }

        @Override
        public String describe() {
            return "the user holds " + roles.stream().map(RoleRef::toString).collect(Collectors.joining(" or "));
        }
    }

    /**
     * {@code {heldElsewhere: [type.role, …]}}: the principal holds one of the roles at a scope of its type off the
     * path (another conduit's sales rep), so {@code not: {heldElsewhere: …}} keeps a role "within" one subtree.
     */
    record HeldElsewhere(List<RoleRef> roles) implements Condition {
        @Override
        public boolean holds(ConditionContext context) {
            return roles.stream().anyMatch(context::principalHoldsOffPath);
        }

        @Override
        public String describe() {
            return "the user holds " + roles.stream().map(RoleRef::toString).collect(Collectors.joining(" or "))
                    + " elsewhere (off this path)";
        }
    }

    /** {@code {resourceOwner: true}}: the resource acted on belongs to the principal. */
    record ResourceOwner() implements Condition {
        @Override
        public boolean holds(ConditionContext context) {
            return context.resourceOwnedByPrincipal();
        }

        @Override
        public String describe() {
            return "the user owns the resource";
        }
    }

    record All(List<Condition> conditions) implements Condition {
        @Override
        public boolean holds(ConditionContext context) {
            for (Condition condition : conditions) {
                if (!condition.holds(context)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() {
            return conditions.isEmpty() ? "always"
                    : conditions.stream().map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        @Override
        public boolean holds(ConditionContext context) {
            for (Condition condition : conditions) {
                if (condition.holds(context)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return conditions.stream().map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean holds(ConditionContext context) {
            return !condition.holds(context);
        }

        @Override
        public String describe() {
            return "not " + condition.describe();
        }
    }
}
