package dev.arbor.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The harness's own progress lines, and reading the end of a server log for failure messages. */
public final class Log {

    private Log() {
    }

    public static void info(String message) {
        System.out.println("[arbor-harness] " + message);
    }

    static String since(long startedNanos) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        return String.format("%.1f s", elapsed.toMillis() / 1000.0);
    }

    /** The last {@code lines} lines of {@code file}, or a note that it is missing. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try {
            // lenient decoding: a log cut mid-character must still be readable
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            List<String> kept = all.subList(Math.max(0, all.size() - lines), all.size());
            return "----- last " + kept.size() + " lines of " + file + " -----" + System.lineSeparator()
                    + String.join(System.lineSeparator(), kept);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
