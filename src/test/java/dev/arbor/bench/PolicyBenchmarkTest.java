package dev.arbor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JMH benchmark measures what it claims to: real answers over its tree, not errors or empty results. */
class PolicyBenchmarkTest {

    @Test
    void everyBenchmarkAnswersOverTheLargeTree() {
        PolicyBenchmark benchmark = new PolicyBenchmark();
        benchmark.setUp();
        assertThat(benchmark.effectivePermissionsAtALeaf().permissions()).isNotEmpty();
        assertThat(benchmark.explainedCheckAtALeaf().explanation()).isNotEmpty();
        assertThat(benchmark.mayGrantAtALeaf().explanation()).isNotEmpty();
    }
}
