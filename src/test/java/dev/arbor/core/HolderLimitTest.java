package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A role's holder limit as a value, and as the schema reads it from {@code cardinality.max}. */
class HolderLimitTest {

    private static final TenancySchema SCHEMA = SchemaReader.read(SeedSchemas.yaml("""
            arbor: 1
            id: limits
            version: 1
            permissions:
              modules:
                app:
                  docs: [view]
            scopeTypes:
              org:
                owner: owner
                roles:
                  owner:
                    cardinality: {max: 1}
                    grants: [{permissions: [app:docs:view]}]
                  board:
                    cardinality: {min: 1, max: 3}
                  member:
                    readOnlyVariant: viewer
            """));

    @ParameterizedTest(name = "at most {0}: {1} holder(s) allowed is {2}")
    @CsvSource(textBlock = """
            0, 0, true
            0, 1, false
            1, 0, true
            1, 1, true
            1, 2, false
            3, 3, true
            3, 4, false
            """)
    void aBoundedLimitAllowsUpToItsMaximum(int max, int count, boolean allowed) {
        HolderLimit limit = HolderLimit.of(max);

        assertThat(limit.isBounded()).isTrue();
        assertThat(limit.max()).isEqualTo(max);
        assertThat(limit.allows(count)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "1000000", "2147483647"})
    void anUnboundedLimitAllowsAnyNumber(int count) {
        assertThat(HolderLimit.unbounded().allows(count)).isTrue();
    }

    @Test
    void anUnboundedLimitHasNoMaximum() {
        HolderLimit unbounded = HolderLimit.unbounded();

        assertThat(unbounded.isBounded()).isFalse();
        assertThatThrownBy(unbounded::max).isInstanceOf(IllegalStateException.class);
        assertThat(unbounded).hasToString("unbounded");
    }

    @Test
    void limitsAreValues() {
        assertThat(HolderLimit.of(2)).isEqualTo(HolderLimit.of(2)).hasSameHashCodeAs(HolderLimit.of(2))
                .isNotEqualTo(HolderLimit.of(3)).isNotEqualTo(HolderLimit.unbounded()).hasToString("at most 2");
        assertThat(HolderLimit.unbounded()).isEqualTo(HolderLimit.unbounded());
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> HolderLimit.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}.{1}: {2}")
    @CsvSource(textBlock = """
            org,    owner,   at most 1
            org,    board,   at most 3
            org,    member,  unbounded
            org,    viewer,  unbounded
            org,    nobody,  unbounded
            galaxy, owner,   unbounded
            """)
    void theSchemaGivesEachRoleItsLimit(String type, String role, String limit) {
        assertThat(SCHEMA.holderLimit(type, role)).hasToString(limit);
    }
}
