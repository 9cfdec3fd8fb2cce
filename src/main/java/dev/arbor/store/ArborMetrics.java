package dev.arbor.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Arbor's meters in Micrometer's global registry, which Keycloak shows on its management endpoint
 * ({@code /metrics}, with {@code --metrics-enabled=true}): claims built (by realm) and how long they took, and
 * requests refused (by where and why). Tags stay few, so the number of series stays small.
 */
public final class ArborMetrics {

    private ArborMetrics() {
    }

    /** A tenancy claim was written into a token, userinfo or introspection answer. */
    public static void claimBuilt(String realm, Duration took) {
        Timer.builder("arbor.claim.builds")
                .description("Tenancy claims built for tokens, userinfo and introspection")
                .tag("realm", realm)
                .register(Metrics.globalRegistry)
                .record(took);
    }

    /**
     * A request was refused by a tenancy rule.
     *
     * @param where {@code token} (the fail-closed executor) or {@code api} (the REST API)
     * @param reason the OAuth error or the decision's reason
     */
    public static void denied(String where, String reason) {
        Counter.builder("arbor.denials")
                .description("Requests refused by a tenancy rule")
                .tag("where", where)
                .tag("reason", reason)
                .register(Metrics.globalRegistry)
                .increment();
    }

    /** A read of the token path was answered by this node's cache ({@code hit}) or had to go to the database. */
    public static void cache(boolean hit) {
        (hit ? CacheReads.HIT : CacheReads.MISS).increment();
    }

    /** Registered once: a cache read is counted several times per token, too often to look the meter up each time. */
    private static final class CacheReads {
        static final Counter HIT = counter("hit");
        static final Counter MISS = counter("miss");

        private static Counter counter(String result) {
            return Counter.builder("arbor.cache.reads")
                    .description("Reads of the tenancy tree, from this node's cache or the database")
                    .tag("result", result)
                    .register(Metrics.globalRegistry);
        }
    }
}
