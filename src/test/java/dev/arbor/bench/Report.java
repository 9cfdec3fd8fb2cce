package dev.arbor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link ScaleBenchmark} measured, as a result file (everything, machine-readable) and as the short table the
 * performance page ({@code docs/performance.md}) shows, with the date, the machine and where the load came from.
 */
final class Report {

    private final ScaleBenchmark.Result result;
    private final String date = LocalDate.now().toString();
    private final String machine = machine();

    Report(ScaleBenchmark.Result result) {
        this.result = result;
    }

    Path write(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", date);
        json.put("machine", machine);
        json.put("server", result.server());
        json.put("loadGenerator", loadGenerator());
        json.put("settings", result.settings());
        json.put("dataset", result.dataset().stream().map(Report::step).toList());
        json.put("comparisons", result.comparisons());
        json.put("writes", result.writes());
        json.put("organizations", result.organizations() == null ? null : step(result.organizations()));
        json.put("listing", result.listing());
        json.put("cacheReadsDuringLoad", result.cacheReads());
        json.put("profile", result.profile());
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Map<String, Object> step(DatasetLoader.Step step) {
        return Map.of("step", step.name(), "items", step.items(), "seconds", step.seconds(), "rate", step.rate(),
                "firstTenthRate", step.firstTenthRate(), "lastTenthRate", step.lastTenthRate(),
                "batchRates", step.batchRates());
    }

    /** A Markdown table: one row per comparison, then the listing and the dataset; how the run went below it. */
    String table() {
        StringBuilder text = new StringBuilder()
                .append(date).append(", ").append(machine).append("; ").append(result.server()).append(". ")
                .append(loadGenerator()).append(".\n\n")
                .append("| Measured | baseline | compared | ratio [95 % interval] |\n")
                .append("| --- | --- | --- | --- |\n");
        for (LoadComparison.Result comparison : result.comparisons()) {
            text.append(String.format(Locale.ROOT, "| %s (%s / %s) | %,.0f/s, p50 %.1f ms, p99 %.1f ms "
                            + "| %,.0f/s, p50 %.1f ms, p99 %.1f ms | **%.3f** [%.3f, %.3f] |%n",
                    comparison.name(), comparison.baseline().label(), comparison.arbor().label(),
                    comparison.baseline().throughput(), comparison.baseline().p50Millis(),
                    comparison.baseline().p99Millis(), comparison.arbor().throughput(),
                    comparison.arbor().p50Millis(), comparison.arbor().p99Millis(), comparison.ratio(),
                    comparison.interval().low(), comparison.interval().high()));
        }
        ScaleBenchmark.Listing listing = result.listing();
        if (listing != null) {
            text.append(String.format(Locale.ROOT, "| listing all %,d members of one scope (pages of %,d by cursor;"
                            + " first, then warm) | | %s | |%n", listing.members(), listing.pageSize(),
                    String.join(", ", listing.seconds().stream()
                            .map(seconds -> String.format(Locale.ROOT, "%.2f s", seconds)).toList())
                            + firstListing(listing)));
        }
        StringBuilder loaded = new StringBuilder();
        double total = 0;
        for (DatasetLoader.Step step : result.dataset()) {
            total += step.seconds();
            loaded.append(String.format(Locale.ROOT, "%s%,d %s at %,.0f/s (first tenth %,.0f/s, last tenth %,.0f/s)",
                    loaded.length() == 0 ? "" : "; ", step.items(), step.name(), step.rate(), step.firstTenthRate(),
                    step.lastTenthRate()));
        }
        text.append(String.format(Locale.ROOT, "| dataset loaded through the APIs in %s | | %s | |%n",
                duration(total), loaded));
        DatasetLoader.Step organizations = result.organizations();
        if (organizations != null) {
            text.append(String.format(Locale.ROOT, "| %,d Keycloak organizations made through the admin API in %s | | "
                            + "%,.1f/s (first tenth %,.1f/s, last tenth %,.1f/s) | |%n", organizations.items(),
                    duration(organizations.seconds()), organizations.rate(), organizations.firstTenthRate(),
                    organizations.lastTenthRate()));
        }
        text.append('\n');
        WriteLoad.Result writes = result.writes();
        if (writes != null) {
            text.append(String.format(Locale.ROOT, "Changes while measured: asked %s/s, reached %s/s (%,d grants, %,d"
                            + " revocations, %,d renames, %,d invitations accepted, through the API, %d writers). ",
                    rate(writes.askedPerSecond()), rate(writes.reachedPerSecond()), writes.grants(),
                    writes.revocations(), writes.renames(), writes.acceptedInvitations(), WriteLoad.WRITERS));
        }
        text.append("Warm-up per comparison (s, until ").append(LoadComparison.STABLE_WINDOWS)
                .append(" successive windows of each side agreed within ")
                .append(Math.round(result.settings().shape().stableWithin() * 100)).append(" %): ")
                .append(String.join(", ", result.comparisons().stream().map(comparison -> String.format(Locale.ROOT,
                        "%.0f%s", comparison.warmup().seconds(), comparison.warmup().stable() ? "" : " (cap, not stable)"))
                        .toList()))
                .append(".\n");
        if (!result.profile().isEmpty()) {
            text.append("\n").append(profile(result.profile()));
        }
        return text.toString();
    }

    /** Per comparison, both sides' share of Keycloak's execution samples with Arbor's code in the stack. */
    private static String profile(List<SampleShare.Share> shares) {
        StringBuilder text = new StringBuilder("Flight Recorder of Keycloak (-Darbor.load.jfr=true, on both sides"
                + " alike): execution samples with Arbor's code in the stack while measured (the result file names"
                + " where Arbor's code was entered): ");
        for (int i = 0; i + 1 < shares.size(); i += 2) {
            SampleShare.Share baseline = shares.get(i);
            SampleShare.Share compared = shares.get(i + 1);
            text.append(i == 0 ? "" : "; ").append(baseline.comparison()).append(": ")
                    .append(share(baseline)).append(", ").append(share(compared));
        }
        return text.append(".\n").toString();
    }

    private static String share(SampleShare.Share share) {
        return String.format(Locale.ROOT, "%s %,d of %,d (%.1f %%)", share.side(), share.arbor(), share.samples(),
                share.percent());
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond == Math.rint(perSecond) ? "%.0f" : "%.1f", perSecond);
    }

    /**
     * Replaces the performance page's table of the run {@code name}, between its two marker comments.
     *
     * @return false, changing nothing, when the page has no such section (a run the page does not show)
     */
    boolean updatePage(Path page, String name) {
        String begin = "<!-- load:" + name + " -->";
        String end = "<!-- /load:" + name + " -->";
        try {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                return false;
            }
            Files.writeString(page, text.substring(0, from + begin.length()) + "\n" + table()
                    + text.substring(to), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + page, e);
        }
    }

    private String loadGenerator() {
        LoadComparison.Shape shape = result.settings().shape();
        return String.format(Locale.ROOT, "Load generator: JDK HttpClient on the same machine, %d workers in a closed"
                        + " loop, %d rounds of %.0f s per side in ABBA order after a warm-up until stable (at most"
                        + " %.0f s); the interval is a bootstrap over the rounds",
                shape.workers(), shape.rounds(), shape.segmentSeconds(), shape.warmupSeconds());
    }

    static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 60 ? (whole / 60) + " min " + (whole % 60) + " s" : whole + " s";
    }

    /** CPU model and count, memory, OS and JDK of this machine (which runs Keycloak and the load alike). */
    private static String machine() {
        String cpu = readFirst(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String memory = readFirst(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> Math.round(Long.parseLong(kb.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB")
                .orElse("unknown memory");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", JDK "
                + System.getProperty("java.version");
    }

    private static java.util.Optional<String> readFirst(Path file, String field) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Where the first listing's time went: its first page (a one-time cost shows there) and the slowest. */
    private static String firstListing(ScaleBenchmark.Listing listing) {
        if (listing.firstPagesMillis().isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, " (first listing: first page %,d ms, pages %,d-%,d ms, server GC %.2f s)",
                listing.firstPagesMillis().get(0), Collections.min(listing.firstPagesMillis()),
                Collections.max(listing.firstPagesMillis()), listing.firstGcSeconds());
    }
}
