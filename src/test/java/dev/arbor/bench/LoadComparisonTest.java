package dev.arbor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadComparisonTest {

    @Test
    void aSideIsWarmOnlyWhenItsLastWindowsAgree() {
        assertThat(LoadComparison.isStable(List.of(100.0, 101.0), 0.05)).as("too few windows").isFalse();
        assertThat(LoadComparison.isStable(List.of(127.0, 200.0, 280.0, 300.0), 0.05)).as("still climbing").isFalse();
        assertThat(LoadComparison.isStable(List.of(127.0, 290.0, 300.0, 296.0), 0.05)).isTrue();
        assertThat(LoadComparison.isStable(List.of(300.0, 280.0, 300.0), 0.05)).as("7 % apart").isFalse();
        assertThat(LoadComparison.isStable(List.of(0.0, 0.0, 0.0), 0.05)).as("nothing answered").isFalse();
    }
}
