package dev.arbor.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A side-by-side HTTP load of two requests that differ in one thing (the baseline and the one with Arbor): closed
 * loop, {@code workers} threads sending one request after another, the two sides taking turns in timed segments
 * (ABBA order, so drift of the machine falls on both alike). Before the rounds both sides warm up, in turns, until
 * the throughput is stable: the last {@value #STABLE_WINDOWS} windows of each side agree within
 * {@code stableWithin} (a JIT still compiling, or caches still filling, make it climb), or the warm-up cap passed.
 * The ratio comes with a bootstrap interval over the rounds ({@link RatioInterval}). Every response must be 200.
 */
final class LoadComparison {

    /**
     * How long and how hard: {@code warmupSeconds} is the most the warm-up may take; {@code stableWithin} how far
     * apart (as a fraction of the fastest) the last windows of a side may be for it to count as warm.
     */
    record Shape(int workers, double warmupSeconds, double segmentSeconds, int rounds, double stableWithin) {
    }

    static final int STABLE_WINDOWS = 3;

    /**
     * One side's figures; {@code segments} are when its measured segments ran, so a recording of the server (Flight
     * Recorder) can be read for this side alone.
     */
    record Side(String label, long requests, double seconds, double throughput, double p50Millis, double p99Millis,
            long errors, List<Span> segments) {
    }

    /** From and to, in milliseconds since the epoch (the server runs on this machine's clock). */
    record Span(long fromMillis, long toMillis) {
    }

    /**
     * Both sides, the ratio of their throughputs (Arbor / baseline) with its 95 % interval, the same ratio per
     * round, and how the warm-up went.
     */
    record Result(String name, Side baseline, Side arbor, double ratio, RatioInterval interval,
            List<Double> roundRatios, Warmup warmup) {
    }

    /** How long the warm-up took, whether it ended stable or at its cap, and each side's window throughputs. */
    record Warmup(double seconds, boolean stable, List<Double> baselineWindows, List<Double> arborWindows) {
    }

    private final HttpClient http;
    private final Shape shape;

    LoadComparison(HttpClient http, Shape shape) {
        this.http = http;
        this.shape = shape;
    }

    Result run(String name, String baselineLabel, Supplier<HttpRequest> baseline, String arborLabel,
            Supplier<HttpRequest> arbor) {
        System.out.printf("[load] %s: %d workers, warm-up until stable within %.0f %% (at most %.0f s), %d rounds of"
                + " %.0f s per side%n", name, shape.workers(), shape.stableWithin() * 100, shape.warmupSeconds(),
                shape.rounds(), shape.segmentSeconds());
        Warmup warmup = warmUp(baseline, arbor);
        Recorder baselineTotal = new Recorder();
        Recorder arborTotal = new Recorder();
        List<Double> roundRatios = new ArrayList<>();
        List<RatioInterval.Round> rounds = new ArrayList<>();
        for (int round = 0; round < shape.rounds(); round++) {
            Recorder roundBaseline = new Recorder();
            Recorder roundArbor = new Recorder();
            if (round % 2 == 0) {
                segment(baseline, shape.segmentSeconds(), roundBaseline);
                segment(arbor, shape.segmentSeconds(), roundArbor);
            } else {
                segment(arbor, shape.segmentSeconds(), roundArbor);
                segment(baseline, shape.segmentSeconds(), roundBaseline);
            }
            double ratio = roundArbor.throughput() / roundBaseline.throughput();
            roundRatios.add(ratio);
            rounds.add(new RatioInterval.Round(roundBaseline.requests(), roundBaseline.seconds,
                    roundArbor.requests(), roundArbor.seconds));
            System.out.printf("[load]   round %d: %s %,.0f/s, %s %,.0f/s, ratio %.3f%n", round + 1, baselineLabel,
                    roundBaseline.throughput(), arborLabel, roundArbor.throughput(), ratio);
            baselineTotal.add(roundBaseline);
            arborTotal.add(roundArbor);
        }
        Side base = baselineTotal.side(baselineLabel);
        Side withArbor = arborTotal.side(arborLabel);
        if (base.errors() + withArbor.errors() > 0) {
            throw new IllegalStateException(name + ": " + (base.errors() + withArbor.errors())
                    + " requests did not answer 200; first: " + baselineTotal.firstError.get() + " / "
                    + arborTotal.firstError.get());
        }
        return new Result(name, base, withArbor, withArbor.throughput() / base.throughput(),
                RatioInterval.of(rounds), roundRatios, warmup);
    }

    /** Windows of one segment's length, the sides in turns, until both are stable or the cap has passed. */
    private Warmup warmUp(Supplier<HttpRequest> baseline, Supplier<HttpRequest> arbor) {
        List<Double> baselineWindows = new ArrayList<>();
        List<Double> arborWindows = new ArrayList<>();
        long started = System.nanoTime();
        boolean stable = false;
        while (!stable && (System.nanoTime() - started) / 1e9 + 2 * shape.segmentSeconds() <= shape.warmupSeconds()) {
            Recorder windowBaseline = new Recorder();
            Recorder windowArbor = new Recorder();
            segment(baseline, shape.segmentSeconds(), windowBaseline);
            segment(arbor, shape.segmentSeconds(), windowArbor);
            baselineWindows.add(windowBaseline.throughput());
            arborWindows.add(windowArbor.throughput());
            stable = isStable(baselineWindows, shape.stableWithin()) && isStable(arborWindows, shape.stableWithin());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[load]   warm-up: %.0f s, %s; windows %s / %s%n", seconds,
                stable ? "stable" : "NOT stable at the cap", rates(baselineWindows), rates(arborWindows));
        return new Warmup(seconds, stable, baselineWindows, arborWindows);
    }

    /** Whether the last {@value #STABLE_WINDOWS} windows lie within {@code within} of the fastest of them. */
    static boolean isStable(List<Double> windows, double within) {
        if (windows.size() < STABLE_WINDOWS) {
            return false;
        }
        List<Double> last = windows.subList(windows.size() - STABLE_WINDOWS, windows.size());
        double fastest = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double slowest = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return fastest > 0 && (fastest - slowest) / fastest <= within;
    }

    private static String rates(List<Double> windows) {
        return windows.stream().map(rate -> String.format(java.util.Locale.ROOT, "%,.0f", rate)).toList().toString();
    }

    /** {@code workers} threads sending {@code request} until {@code seconds} have passed. */
    private void segment(Supplier<HttpRequest> request, double seconds, Recorder recorder) {
        long startedMillis = System.currentTimeMillis();
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < shape.workers(); i++) {
            Thread worker = new Thread(() -> {
                long[] latencies = new long[1024];
                int count = 0;
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    int status;
                    String body = null;
                    try {
                        HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        body = status == 200 ? null : response.body();
                    } catch (IOException e) {
                        status = -1;
                        body = e.toString();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (status != 200) {
                        recorder.error(status + " " + body);
                        continue;
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = System.nanoTime() - sent;
                }
                recorder.add(Arrays.copyOf(latencies, count));
            }, "load-" + i);
            threads.add(worker);
            worker.start();
        }
        for (Thread worker : threads) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        recorder.seconds += (System.nanoTime() - started) / 1e9;
        recorder.spans.add(new Span(startedMillis, System.currentTimeMillis()));
    }

    /** Latencies (nanoseconds) and time of the segments of one side. */
    private static final class Recorder {

        private final List<long[]> parts = new ArrayList<>();
        private final List<Span> spans = new ArrayList<>();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicReference<String> firstError = new AtomicReference<>();
        private double seconds;

        synchronized void add(long[] latencies) {
            parts.add(latencies);
        }

        synchronized void add(Recorder other) {
            parts.addAll(other.parts);
            spans.addAll(other.spans);
            errors.addAndGet(other.errors.get());
            firstError.compareAndSet(null, other.firstError.get());
            seconds += other.seconds;
        }

        void error(String what) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, what);
        }

        synchronized long requests() {
            return parts.stream().mapToLong(part -> part.length).sum();
        }

        double throughput() {
            return requests() / seconds;
        }

        synchronized Side side(String label) {
            long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Side(label, all.length, seconds, all.length / seconds, percentile(all, 0.50),
                    percentile(all, 0.99), errors.get(), List.copyOf(spans));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
        }
    }
}
