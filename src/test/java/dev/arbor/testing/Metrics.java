package dev.arbor.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Keycloak's metrics endpoint (Prometheus text) of one server. */
public final class Metrics {

    private Metrics() {
    }

    /** The sum of the samples of {@code metric} whose labels mention {@code label}; 0 when there is none yet. */
    public static double value(KeycloakServer server, String metric, String label) {
        return value(server.metricsUri(), metric, label);
    }

    /** As above, from the metrics endpoint at {@code metricsUri}. */
    public static double value(URI metricsUri, String metric, String label) {
        String text = Http.send(HttpRequest.newBuilder(metricsUri).GET().build()).body();
        Matcher sample = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (sample.find()) {
            if (sample.group(1).contains("\"" + label + "\"")) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    /** Counts of Arbor's cache on the server while some requests ran: hits and misses. */
    public record CacheReads(double hits, double misses) {
    }

    /**
     * The cache reads ({@code arbor_cache_reads_total}) while {@code requests} ran; only the ITs' own requests reach
     * a server, one IT at a time.
     */
    public static CacheReads cacheReads(KeycloakServer server, Runnable requests) {
        return cacheReads(server.metricsUri(), requests);
    }

    /** As above, on the server whose metrics endpoint is {@code metricsUri}. */
    public static CacheReads cacheReads(URI metricsUri, Runnable requests) {
        return counted(metricsUri, "arbor_cache_reads_total", requests);
    }

    /** The token path's answers taken from the cache or decided anew ({@code arbor_cache_answers_total}). */
    public static CacheReads cacheAnswers(KeycloakServer server, Runnable requests) {
        return counted(server.metricsUri(), "arbor_cache_answers_total", requests);
    }

    private static CacheReads counted(URI metricsUri, String metric, Runnable requests) {
        double hits = value(metricsUri, metric, "hit");
        double misses = value(metricsUri, metric, "miss");
        requests.run();
        return new CacheReads(value(metricsUri, metric, "hit") - hits, value(metricsUri, metric, "miss") - misses);
    }
}
