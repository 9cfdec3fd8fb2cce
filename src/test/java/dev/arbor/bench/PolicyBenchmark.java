package dev.arbor.bench;

import dev.arbor.core.Access;
import dev.arbor.core.Decision;
import dev.arbor.core.InMemoryTree;
import dev.arbor.core.Policy;
import dev.arbor.core.Principal;
import dev.arbor.core.SchemaReader;
import dev.arbor.core.TreeSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The policy core on the token path: one user's effective permissions at a leaf of a five-level tree of 111,110
 * scopes, where the user holds 1,000 memberships, and every level has an owner role with vacancy and sealing and a
 * constraint to check. Run with {@code mvn -Pbench}; figures are in the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PolicyBenchmark {

    private static final int FAN_OUT = 10;
    private static final int DEPTH = 5;
    private static final String USER = "heavy";

    private Policy policy;
    private TreeSlice tree;
    private String[] leaves;
    private int next;

    @Setup
    public void setUp() {
        policy = new Policy(SchemaReader.read(schema()));
        InMemoryTree.Builder builder = InMemoryTree.builder();
        List<String> level = List.of("root");
        builder.scope("root", "l1", "root", null);
        List<String> all = new ArrayList<>(level);
        for (int depth = 2; depth <= DEPTH + 1; depth++) {
            List<String> nextLevel = new ArrayList<>();
            for (String parent : level) {
                for (int i = 0; i < FAN_OUT; i++) {
                    String id = parent + "." + i;
                    builder.scope(id, "l" + Math.min(depth, DEPTH), id, parent);
                    nextLevel.add(id);
                }
            }
            level = nextLevel;
            all.addAll(nextLevel);
        }
        Random random = new Random(42);
        // owners on a third of the scopes, so that vacancy and sealing both happen
        for (String id : all) {
            if (random.nextInt(3) == 0) {
                builder.member("owner-of-" + id, id, "owner");
            }
        }
        for (int i = 0; i < 1000; i++) {
            String id = all.get(random.nextInt(all.size()));
            builder.member(USER, id, random.nextBoolean() ? "admin" : "viewer");
        }
        builder.member(USER, "root", "owner");
        tree = builder.build();
        leaves = level.subList(0, 1000).toArray(new String[0]);
    }

    @Benchmark
    public Access effectivePermissionsAtALeaf() {
        return policy.access(Principal.user(USER), nextLeaf(), tree, false).orElseThrow();
    }

    @Benchmark
    public Decision explainedCheckAtALeaf() {
        return policy.check(Principal.user(USER), nextLeaf(), "app:docs:edit", tree);
    }

    @Benchmark
    public Decision mayGrantAtALeaf() {
        return policy.mayGrant(Principal.user(USER), "someone", nextLeaf(), "viewer", false, tree);
    }

    private String nextLeaf() {
        next = (next + 1) % leaves.length;
        return leaves[next];
    }

    private static Map<String, Object> schema() {
        Map<String, Object> types = new java.util.LinkedHashMap<>();
        for (int depth = 1; depth <= DEPTH; depth++) {
            Map<String, Object> type = new java.util.LinkedHashMap<>();
            if (depth > 1) {
                String parent = "l" + (depth - 1);
                type.put("parents", depth == DEPTH ? List.of(parent, "l" + DEPTH) : List.of(parent));
                type.put("vacancy", Map.of("actingOwner", List.of(parent + ".owner")));
                type.put("sealing", Map.of("from", List.of(parent + ".owner", parent + ".admin"),
                        "removes", List.of("app:docs:edit", "app:members:*")));
            }
            type.put("owner", "owner");
            type.put("membersPermission", "app:members:view");
            type.put("roles", Map.of(
                    "owner", Map.of("cardinality", Map.of("max", 1), "grants", List.of(Map.of("permissions",
                            List.of("app:*:*", "billing:*:*")))),
                    "admin", Map.of("grants", List.of(Map.of("permissions", List.of("app:*:*")),
                            Map.of("permissions", List.of("billing:invoices:view"), "at", "self"))),
                    "viewer", Map.of("grants", List.of(Map.of("permissions", List.of("app:*:view"))))));
            types.put("l" + depth, type);
        }
        return Map.of(
                "arbor", 1,
                "id", "bench",
                "version", 1,
                "permissions", Map.of("modules", Map.of(
                        "app", Map.of("docs", List.of("view", "edit", "delete"),
                                "members", List.of("view", "invite", "remove"),
                                "settings", List.of("view", "edit")),
                        "billing", Map.of("invoices", List.of("view", "pay")))),
                "scopeTypes", types,
                "constraints", List.of(Map.of("permissions", List.of("billing:invoices:pay"),
                        "when", Map.of("holds", List.of("l1.owner")))),
                "delegation", List.of(Map.of("grant", List.of("l5.viewer", "l4.viewer"),
                        "by", List.of("l1.owner", "l2.admin"))));
    }
}
