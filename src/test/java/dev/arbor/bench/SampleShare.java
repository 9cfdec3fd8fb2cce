package dev.arbor.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * How much of the server's running Java code was Arbor's while each side of a comparison was measured: its execution
 * samples (Flight Recorder's {@code jdk.ExecutionSample}, a running thread's stack every few milliseconds) that fell
 * into the side's measured segments, and how many of them have a frame of Arbor's code anywhere in the stack. A
 * throughput ratio says what the claim costs; this says where, and the two sides of one comparison differ only in
 * the claim, so the share on the side without it is the floor (Arbor's code that runs for every request).
 */
final class SampleShare {

    /** Arbor's classes; a stack with one of their frames counts as Arbor's. */
    static final String ARBOR = "dev.arbor.";

    /** Which segments to read the recording for. */
    record Window(String comparison, String side, List<LoadComparison.Span> segments) {
    }

    /**
     * One side's samples: all of them, those with Arbor's code, and where Arbor's code was entered (the outermost
     * Arbor frame of each such sample, class and method, the most frequent first, at most {@value #ENTRIES}).
     */
    record Share(String comparison, String side, long samples, long arbor, Map<String, Long> entries) {

        double percent() {
            return samples == 0 ? 0 : 100.0 * arbor / samples;
        }
    }

    static final int ENTRIES = 6;

    private SampleShare() {
    }

    /**
     * Reads the recording once and counts, per window, the samples whose time falls into one of its segments; none
     * if the recording cannot be read (say so and keep the run's other results, an hour's worth).
     */
    static List<Share> of(Path recording, List<Window> windows, String codePrefix) {
        try {
            return read(recording, windows, codePrefix);
        } catch (IOException | RuntimeException e) {
            System.out.println("[profile] cannot read the recording " + recording + ": " + e
                    + "; the run reports no profile");
            return List.of();
        }
    }

    private static List<Share> read(Path recording, List<Window> windows, String codePrefix) throws IOException {
        long[] samples = new long[windows.size()];
        long[] arbor = new long[windows.size()];
        List<Map<String, Long>> entries = new ArrayList<>();
        windows.forEach(window -> entries.add(new HashMap<>()));
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                int window = windowOf(windows, event.getStartTime().toEpochMilli());
                if (window < 0) {
                    continue;
                }
                samples[window]++;
                String entry = outermost(event.getStackTrace(), codePrefix);
                if (entry != null) {
                    arbor[window]++;
                    entries.get(window).merge(entry, 1L, Long::sum);
                }
            }
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            Map<String, Long> top = new LinkedHashMap<>();
            entries.get(i).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(ENTRIES)
                    .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
            shares.add(new Share(windows.get(i).comparison(), windows.get(i).side(), samples[i], arbor[i], top));
        }
        return shares;
    }

    /** Both sides of each comparison, in order. */
    static List<Window> windows(List<LoadComparison.Result> comparisons) {
        List<Window> windows = new ArrayList<>();
        for (LoadComparison.Result comparison : comparisons) {
            windows.add(new Window(comparison.name(), comparison.baseline().label(), comparison.baseline().segments()));
            windows.add(new Window(comparison.name(), comparison.arbor().label(), comparison.arbor().segments()));
        }
        return windows;
    }

    private static int windowOf(List<Window> windows, long millis) {
        for (int i = 0; i < windows.size(); i++) {
            for (LoadComparison.Span span : windows.get(i).segments()) {
                if (span.fromMillis() <= millis && millis < span.toMillis()) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The frame of {@code codePrefix}'s code nearest the thread's start, or null if the stack has none. */
    private static String outermost(RecordedStackTrace stack, String codePrefix) {
        if (stack == null) {
            return null;
        }
        List<RecordedFrame> frames = stack.getFrames(); // the running frame first
        for (int i = frames.size() - 1; i >= 0; i--) {
            RecordedFrame frame = frames.get(i);
            if (frame.isJavaFrame() && frame.getMethod().getType().getName().startsWith(codePrefix)) {
                // a lambda's class name carries a number of this JVM's; the class it belongs to is what it says
                return frame.getMethod().getType().getName().replaceFirst("\\$\\$Lambda.*", "\\$\\$Lambda") + "."
                        + frame.getMethod().getName();
            }
        }
        return null;
    }
}
