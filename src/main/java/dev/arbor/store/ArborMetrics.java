package dev.arbor.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Arbor's meters in Micrometer's global registry, which Keycloak shows on its management endpoint
 * ({@code /metrics}, with {@code --metrics-enabled=true}): claims built (by realm) and how long they took,
 * requests refused (by where and why), and how the node's tenancy cache does (reads, answers, evictions). Tags
 * stay few, so the number of series stays small.
 */
public final class ArborMetrics {

    private ArborMetrics() {
    }

    /** A tenancy claim was written into a token, userinfo or introspection answer. */
    public static void claimBuilt(String realm, Duration took) {
        CLAIM_TIMERS.computeIfAbsent(realm, name -> Timer.builder("arbor.claim.builds")
                .description("Tenancy claims built for tokens, userinfo and introspection")
                .tag("realm", name)
                .register(Metrics.globalRegistry)).record(took);
    }

    /** One per realm, looked up by name: a claim is built for every token, too often to build a meter's id each time. */
    private static final Map<String, Timer> CLAIM_TIMERS = new ConcurrentHashMap<>();

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
        (hit ? CacheMeters.HIT : CacheMeters.MISS).increment();
    }

    /**
     * An answer the token path asks on every refresh (may the user act in the scope, what they may do there) was
     * taken from this node's cache ({@code hit}) or decided anew by the policy core from the tree, whose reads count
     * as {@link #cache} reads.
     */
    static void answer(boolean hit) {
        (hit ? CacheMeters.ANSWER_HIT : CacheMeters.ANSWER_MISS).increment();
    }

    /** An entry of this node's cache made room for another: the realm's tree read lately is bigger than the cache. */
    static void cacheEvicted() {
        CacheMeters.EVICTED.increment();
    }

    /** Registered once: a cache read is counted several times per token, too often to look a meter up each time. */
    private static final class CacheMeters {
        static final Counter HIT = counter("hit");
        static final Counter MISS = counter("miss");
        static final Counter ANSWER_HIT = answers("hit");
        static final Counter ANSWER_MISS = answers("miss");
        static final Counter EVICTED = Counter.builder("arbor.cache.evictions")
                .description("Entries of this node's tenancy cache dropped to make room for others")
                .register(Metrics.globalRegistry);

        private static Counter counter(String result) {
            return Counter.builder("arbor.cache.reads")
                    .description("Reads of the tenancy tree, from this node's cache or the database")
                    .tag("result", result)
                    .register(Metrics.globalRegistry);
        }

        private static Counter answers(String result) {
            return Counter.builder("arbor.cache.answers")
                    .description("Answers of the token path taken from this node's cache or decided anew")
                    .tag("result", result)
                    .register(Metrics.globalRegistry);
        }
    }
}
