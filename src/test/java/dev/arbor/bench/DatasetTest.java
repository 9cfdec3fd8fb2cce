package dev.arbor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbor.core.InMemoryTree;
import dev.arbor.core.Policy;
import dev.arbor.core.Principal;
import dev.arbor.core.SchemaReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark's data is what {@code docs/performance.md} says it is, and fits the benchmark's schema. */
class DatasetTest {

    @Test
    void theFullDatasetHasTheIssuesSizes() {
        Dataset full = Dataset.full();
        assertThat(full.scopes()).isEqualTo(111_110);
        assertThat(full.keys()).hasSize(111_110).doesNotHaveDuplicates();
        assertThat(full.keys().stream().mapToInt(Dataset::depthOf).max()).hasValue(5);

        long[] memberships = {0};
        Set<String> pairs = new HashSet<>();
        Map<String, Integer> owners = new HashMap<>();
        Map<String, Integer> perUser = new HashMap<>();
        full.forEachMember(member -> {
            memberships[0]++;
            assertThat(pairs.add(member.scope() + " " + member.user())).as("one membership per user and scope")
                    .isTrue();
            if (member.role().equals("owner")) {
                owners.merge(member.scope(), 1, Integer::sum);
            }
            perUser.merge(member.user(), 1, Integer::sum);
        });
        assertThat(memberships[0]).isEqualTo(1_000_000);
        assertThat(owners.values()).as("at most one owner per scope").containsOnly(1);
        assertThat(perUser.get(Dataset.HEAVY_USER)).isEqualTo(1_000);
        assertThat(perUser.get(full.typicalUser())).isBetween(40, 60);
        assertThat(pairs.stream().filter(pair -> pair.startsWith(full.listedScope() + " "))).hasSize(18_000);
        assertThat(Dataset.depthOf(full.heavyScope())).as("the heavy user acts at a leaf").isEqualTo(5);
    }

    @Test
    void theSizeFactorMultipliesTreesUsersAndMembershipsButNotTheListedScopeOrTheHeavyUser() {
        Dataset tenfold = Dataset.full(10);

        assertThat(tenfold.scopes()).isEqualTo(1_111_100);
        assertThat(tenfold.memberships()).isEqualTo(10_000_000);
        assertThat(tenfold.users()).isEqualTo(200_000);
        assertThat(tenfold.listed()).isEqualTo(Dataset.full().listed());
        assertThat(tenfold.heavy()).isEqualTo(Dataset.full().heavy());
        assertThat(Dataset.full(1)).isEqualTo(Dataset.full());
        assertThat(tenfold.fullFactor()).isEqualTo(10);
        assertThat(Dataset.full().fullFactor()).isEqualTo(1);
        assertThat(Dataset.small().fullFactor()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Dataset.full(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void importDocumentsCoverTheTreeOnce() {
        Dataset small = Dataset.small();
        Set<String> keys = new HashSet<>();
        for (int root = 0; root < small.roots(); root++) {
            for (int child = 0; child < small.fanOut(); child++) {
                collect(small.tree(root, child), keys);
            }
        }
        assertThat(keys).containsExactlyInAnyOrderElementsOf(small.keys());
    }

    @Test
    void theUsersActWhereTheBenchmarkSendsThem() {
        Dataset small = Dataset.small();
        InMemoryTree.Builder tree = InMemoryTree.builder();
        for (String key : small.keys()) {
            int cut = key.lastIndexOf('.');
            tree.scope(key, "l" + Dataset.depthOf(key), key, cut < 0 ? null : key.substring(0, cut));
        }
        small.forEachMember(member -> tree.member(member.user(), member.scope(), member.role()));
        Policy policy = new Policy(SchemaReader.read(PolicyBenchmark.schema()));
        InMemoryTree built = tree.build();
        assertThat(policy.mayActIn(Principal.user(small.typicalUser()), small.typicalScope(), built).allowed()).isTrue();
        assertThat(policy.mayActIn(Principal.user(Dataset.HEAVY_USER), small.heavyScope(), built).allowed()).isTrue();
        assertThat(policy.check(Principal.user(small.typicalUser()), small.typicalScope(), "app:docs:view", built)
                .allowed()).as("the check the benchmark repeats").isTrue();
    }

    @Test
    void refusesShapesItCannotFill() {
        assertThatThrownBy(() -> new Dataset(1, 2, 6, 10, 10, 1, 1)).hasMessageContaining("depth");
        assertThatThrownBy(() -> new Dataset(1, 2, 3, 10, 10, 11, 1)).hasMessageContaining("listed");
        assertThatThrownBy(() -> new Dataset(1, 2, 3, 2, 100, 1, 1)).hasMessageContaining("too few users");
    }

    private static void collect(Dataset.Node node, Set<String> keys) {
        keys.add(node.key());
        node.children().forEach(child -> collect(child, keys));
    }
}
