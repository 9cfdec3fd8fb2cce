package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The path of a scope, root first, as every slice resolves it. */
class TreeSlicePathTest {

    private static final TreeSlice TREE = InMemoryTree.builder()
            .scope("o", "org", "Org", null)
            .scope("t", "team", "Team", "o")
            .scope("s", "squad", "Squad", "t")
            .scope("o2", "org", "Org 2", null)
            .build();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            o,    o
            t,    o t
            s,    o t s
            o2,   o2
            nope, ''
            """)
    void thePathRunsFromTheRootDownToTheScope(String scopeId, String ids) {
        List<String> expected = ids.isEmpty() ? List.of() : List.of(ids.split(" "));

        assertThat(TREE.path(scopeId)).extracting(Scope::id).containsExactlyElementsOf(expected);
    }

    @Test
    void thePathHoldsTheSlicesScopes() {
        assertThat(TREE.path("s")).extracting(Scope::name).containsExactly("Org", "Team", "Squad");
        assertThat(TREE.path("s").get(2)).isSameAs(TREE.scope("s").orElseThrow());
    }

    @Test
    void aSliceWithMoreMembershipsResolvesTheSamePath() {
        TreeSlice hypothetical = new WithMembership(TREE, new Membership("zed", "s", Set.of("member"), Set.of()));

        assertThat(hypothetical.path("s")).isEqualTo(TREE.path("s"));
    }

    @Test
    void aMissingAncestorIsRefused() {
        Scope orphan = new Scope("s", "squad", "Squad", List.of("o", "t"), Map.of());
        TreeSlice broken = new OneScopeSlice(orphan);

        assertThatThrownBy(() -> broken.path("s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the tree slice lacks scope o, an ancestor of s");
    }
}
