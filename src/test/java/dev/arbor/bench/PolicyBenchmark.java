package dev.arbor.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import java.util.Optional;
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
 * constraint to check. Run with {@code mvn -Pbench}; figures are in {@code docs/performance.md}.
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

    /** The scopes the heavy user may switch to, sorted by path: the login picker and userinfo's list. */
    @Benchmark
    public List<dev.arbor.core.Scope> actableScopesOfTheHeavyUser() {
        return policy.actableScopes(Principal.user(USER), tree);
    }

    /** The heavy user's first 52: what userinfo asks to list 50 others than the active scope and tell of more. */
    @Benchmark
    public List<dev.arbor.core.Scope> firstActableScopesOfTheHeavyUser() {
        return policy.actableScopes(Principal.user(USER), tree, 52);
    }

    /** Whether the heavy user has one scope to act in: every token of a session that names none asks it. */
    @Benchmark
    public Optional<dev.arbor.core.Scope> onlyActableScopeOfTheHeavyUser() {
        return policy.onlyActableScope(Principal.user(USER), tree);
    }

    private String nextLeaf() {
        next = (next + 1) % leaves.length;
        return leaves[next];
    }

    /** The schema in {@code bench-schema.yaml}, which the HTTP benchmark stores in its realm too. */
    static Map<String, Object> schema() {
        try (var in = PolicyBenchmark.class.getResourceAsStream("bench-schema.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
