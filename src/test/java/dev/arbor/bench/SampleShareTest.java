package dev.arbor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

class SampleShareTest {

    private static final String HOT = Hot.class.getName();

    @Test
    void countsEachWindowsSamplesAndThoseRunningTheNamedCode() throws Exception {
        Path file = Files.createTempFile("sample-share", ".jfr");
        LoadComparison.Span hot;
        LoadComparison.Span cold;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            hot = spanOf(Hot::spin);
            cold = spanOf(Cold::spin);
            recording.stop();
            recording.dump(file);
        }
        try {
            List<SampleShare.Share> shares = SampleShare.of(file, List.of(
                    new SampleShare.Window("spinning", "hot", List.of(hot)),
                    new SampleShare.Window("spinning", "cold", List.of(cold)),
                    new SampleShare.Window("spinning", "before the recording", List.of(
                            new LoadComparison.Span(hot.fromMillis() - 60_000, hot.fromMillis() - 30_000)))), HOT);

            assertThat(shares.get(0).samples()).as("samples while Hot spun").isPositive();
            assertThat(shares.get(0).arbor()).as("of them in Hot").isPositive()
                    .isLessThanOrEqualTo(shares.get(0).samples());
            assertThat(shares.get(0).entries()).containsOnlyKeys(HOT + ".spin");
            assertThat(shares.get(1).samples()).as("samples while Cold spun").isPositive();
            assertThat(shares.get(1).arbor()).as("Hot is not in them").isZero();
            assertThat(shares.get(1).entries()).isEmpty();
            assertThat(shares.get(2).samples()).as("no sample outside the recording's time").isZero();
        } finally {
            Files.delete(file);
        }
    }

    private static LoadComparison.Span spanOf(Runnable work) {
        long from = System.currentTimeMillis();
        work.run();
        return new LoadComparison.Span(from, System.currentTimeMillis());
    }

    /**
     * Busy for half a second with ordinary work (a loop on the clock alone gave the sampler nothing it could walk),
     * called from a class of its own, so the samples name it.
     */
    private static long busy() {
        long deadline = System.currentTimeMillis() + 500;
        long sum = 0;
        while (System.currentTimeMillis() < deadline) {
            java.util.Map<Integer, String> map = new java.util.HashMap<>();
            for (int i = 0; i < 1_000; i++) {
                map.put(i, Integer.toHexString(i * 31));
            }
            sum += map.values().stream().mapToInt(String::length).sum();
        }
        return sum;
    }

    private static final class Hot {
        static volatile long sink;

        static void spin() {
            sink = busy();
        }
    }

    private static final class Cold {
        static volatile long sink;

        static void spin() {
            sink = busy();
        }
    }
}
