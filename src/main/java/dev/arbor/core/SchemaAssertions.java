package dev.arbor.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A schema's own assertions, judged whenever the schema is read: an example tree and rows that say what the policy
 * must allow and deny there. A schema whose row fails is refused like any other invalid one, naming the row, so a
 * realm administrator tests a schema before it is in force (the way OpenFGA keeps model, tuples and assertions
 * together).
 *
 * <pre>
 * assertions:
 *   scopes: [{key: acme, type: account, children: [{key: studio, type: workspace}]}]
 *   members: [{user: olivia, scope: acme, roles: [owner]}, {user: wes, scope: studio, roles: [owner]}]
 *   expect:
 *     - {user: olivia, scope: studio, permission: subscriptions:subscriptions:start, allowed: false}
 *     - {user: olivia, scopes: [studio, lab], permission: users:members:view, allowed: true}
 *     - {user: wes, scope: studio, grant: admin, to: ann, allowed: true}
 *     - {user: wes, scope: studio, replace: genic-admin, to: ann, allowed: true}
 *     - {user: olivia, scope: studio, revoke: owner, from: wes, allowed: true}
 *     - {user: wes, scope: studio, create: workspace, allowed: false}
 *     - {user: ann, scope: acme, see: false}
 *     - {user: ann, scope: studio, actIn: false}
 * </pre>
 */
final class SchemaAssertions {

    private static final Set<String> ROW_KEYS = Set.of("user", "scope", "scopes", "permission", "resourceOwner",
            "grant", "to", "transfer", "replace", "revoke", "from", "create", "see", "actIn", "allowed");
    /** The questions a row may ask; exactly one per row. */
    private static final List<String> QUESTIONS = List.of("permission", "grant", "replace", "revoke", "create", "see",
            "actIn");

    private final Policy policy;
    private final InMemoryTree tree;

    private SchemaAssertions(Policy policy, InMemoryTree tree) {
        this.policy = policy;
        this.tree = tree;
    }

    /** Reports every malformed or failing row of {@code node} (the document's {@code assertions}). */
    static void judge(TenancySchema schema, Node node, Problems problems) {
        if (node.isMissing()) {
            return;
        }
        node.entries(Set.of("scopes", "members", "expect"));
        Optional<InMemoryTree> tree = ExampleTree.read(schema, node.get("scopes"), node.get("members"), problems);
        if (tree.isEmpty()) {
            return;
        }
        SchemaAssertions assertions = new SchemaAssertions(new Policy(schema), tree.get());
        for (Node row : node.get("expect").items()) {
            assertions.row(row);
        }
    }

    private void row(Node row) {
        row.entries(ROW_KEYS);
        List<String> asked = QUESTIONS.stream().filter(question -> !row.get(question).isMissing()).toList();
        if (asked.size() != 1) {
            row.problem("ask exactly one of " + QUESTIONS + "; this row asks " + asked);
            return;
        }
        String user = row.get("user").string();
        List<String> scopes = scopes(row);
        if (user == null || scopes.isEmpty()) {
            return;
        }
        String question = asked.get(0);
        boolean answersItself = question.equals("see") || question.equals("actIn");
        Node expectation = answersItself ? row.get(question) : row.get("allowed");
        Boolean expected = expectation.optionalBooleanQuietly();
        if (expected == null) {
            expectation.problem("must be true or false");
            return;
        }
        Optional<Decision> decision = decide(row, question, Principal.user(user), scopes);
        if (decision.isPresent() && decision.get().allowed() != expected) {
            row.problem("expected " + (expected ? "allowed" : "denied") + ", but the schema "
                    + (expected ? "denies (" + decision.get().reason() + ")" : "allows") + ": "
                    + String.join("; ", decision.get().explanation()));
        }
    }

    private List<String> scopes(Node row) {
        List<String> scopes = new ArrayList<>();
        if (!row.get("scope").isMissing() && !row.get("scopes").isMissing()) {
            row.get("scopes").problem("name one scope (scope) or several (scopes), not both");
            return List.of();
        }
        Node named = row.get("scope").isMissing() ? row.get("scopes") : row.get("scope");
        for (Node scope : named.stringItems()) {
            String key = scope.string();
            if (key != null && tree.scope(key).isEmpty()) {
                scope.problem("no scope with key " + key + " in assertions.scopes");
            } else if (key != null) {
                scopes.add(key);
            }
        }
        if (named.isMissing()) {
            row.get("scope").problem("is required");
        }
        return scopes.size() == named.stringItems().size() ? scopes : List.of();
    }

    private Optional<Decision> decide(Node row, String question, Principal user, List<String> scopes) {
        if (scopes.size() > 1 && !question.equals("permission")) {
            row.get("scopes").problem("only a permission is judged across several scopes");
            return Optional.empty();
        }
        String scope = scopes.get(0);
        String type = tree.scope(scope).orElseThrow().type();
        return switch (question) {
            case "permission" -> permission(row, user, scopes);
            case "grant" -> role(row.get("grant"), type).flatMap(role -> other(row, "to").map(target ->
                    policy.mayGrant(user, target, scope, role, row.get("transfer").bool(false), tree)));
            case "replace" -> role(row.get("replace"), type).flatMap(role -> other(row, "to").map(target ->
                    policy.mayReplace(user, target, scope, role, tree)));
            case "revoke" -> role(row.get("revoke"), type).flatMap(role -> other(row, "from").map(target ->
                    policy.mayRevoke(user, target, scope, role, false, tree).decision()));
            case "create" -> Optional.ofNullable(row.get("create").string()).map(child ->
                    policy.mayCreateScope(user, scope, child, tree));
            case "see" -> Optional.of(policy.maySee(user, scope, tree));
            case "actIn" -> Optional.of(policy.mayActIn(user, scope, tree));
            default -> throw new IllegalStateException(question);
        };
    }

    private Optional<Decision> permission(Node row, Principal user, List<String> scopes) {
        String permission = row.get("permission").string();
        if (permission == null) {
            return Optional.empty();
        }
        if (!policy.schema().permissions().contains(permission)) {
            row.get("permission").problem("no permission " + permission + " is declared");
            return Optional.empty();
        }
        boolean owns = row.get("resourceOwner").bool(false);
        return Optional.of(scopes.size() == 1 ? policy.check(user, scopes.get(0), permission, owns, tree)
                : policy.checkAcross(user, scopes, permission, owns, tree));
    }

    private Optional<String> role(Node node, String type) {
        String role = node.string();
        if (role != null && !policy.schema().roles(type).contains(role)) {
            node.problem("scope type " + type + " has no role " + role + "; it has " + policy.schema().roles(type));
            return Optional.empty();
        }
        return Optional.ofNullable(role);
    }

    private static Optional<String> other(Node row, String field) {
        return Optional.ofNullable(row.get(field).string());
    }
}
