package dev.arbor.testing;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Keycloak's metrics endpoint (Prometheus text) of one server. */
public final class Metrics {

    private Metrics() {
    }

    /** The sum of the samples of {@code metric} whose labels mention {@code label}; 0 when there is none yet. */
    public static double value(KeycloakServer server, String metric, String label) {
        String text = Http.send(HttpRequest.newBuilder(server.metricsUri()).GET().build()).body();
        Matcher sample = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (sample.find()) {
            if (sample.group(1).contains("\"" + label + "\"")) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }
}
